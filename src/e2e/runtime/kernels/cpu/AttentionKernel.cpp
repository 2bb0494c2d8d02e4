// Attention (engine-internal, created by fuseAttention): Y = softmax(scale * Q KT, last axis) V per (batch, head)
// block. Each thread takes a tile of query rows of one block: scores for the tile (tile x Skv, in the thread's
// slice of scratch) -> scale, row max, exp, 1/sum -> tile x Dv output rows, so the [.., Sq, Skv] scores never
// exist as a tensor. fp32 throughout, same operations as the unfused graph (exp of x - max, normalised before
// the second product); a row's result does not depend on the thread count.
#include <omp.h>

#include <algorithm>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/ir/FusedOps.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/SmallGemm.hpp"
#include "e2e/runtime/kernels/cpu/VecMath.hpp"

namespace e2e::runtime::cpu {
namespace {

constexpr std::int64_t kTileRows = 48;  // a multiple of SmallGemm's 6-row micro-tile
constexpr std::int64_t kAlignFloats = 16;

struct AttentionShape {
  std::int64_t blocks = 1, sq = 0, skv = 0, d = 0, dv = 0;
  std::int64_t scoreStride() const { return (skv + kAlignFloats - 1) / kAlignFloats * kAlignFloats; }
  std::int64_t tiles() const { return (sq + kTileRows - 1) / kTileRows; }
};

// Scales a row of scores and turns it into probabilities, in place.
inline void softmaxRow(float* s, std::int64_t n, float scale) noexcept {
  float mx = -3.402823466e38f;
#pragma omp simd reduction(max : mx)
  for (std::int64_t j = 0; j < n; ++j) {
    const float t = s[j] * scale;
    s[j] = t;
    mx = t > mx ? t : mx;  // a plain select vectorises; std::max's reference return did not
  }
  float sum = 0.f;
#pragma omp simd reduction(+ : sum)
  for (std::int64_t j = 0; j < n; ++j) {
    s[j] = vexp(s[j] - mx);
    sum += s[j];
  }
  const float inv = 1.f / sum;
#pragma omp simd
  for (std::int64_t j = 0; j < n; ++j) s[j] *= inv;
}

class AttentionStep final : public Step {
public:
  AttentionStep(AttentionShape s, float scale) : m_s(s), m_scale(scale) {}

  void run(const ExecContext& ctx) const noexcept override {
    const AttentionShape s = m_s;
    const float* q = ctx.in<float>(0);
    const float* kt = ctx.in<float>(1);
    const float* v = ctx.in<float>(2);
    float* y = ctx.out<float>(0);
    float* scratch = reinterpret_cast<float*>(ctx.scratch());
    const std::int64_t items = s.blocks * s.tiles(), ld = s.scoreStride();
#pragma omp parallel for num_threads(ctx.threads) schedule(static)
    for (std::int64_t it = 0; it < items; ++it) {
      const std::int64_t blk = it / s.tiles(), r0 = it % s.tiles() * kTileRows;
      const std::int64_t rows = std::min(kTileRows, s.sq - r0);
      float* scores = scratch + omp_get_thread_num() * kTileRows * ld;
      const float* qb = q + (blk * s.sq + r0) * s.d;
      smallGemm(rows, s.skv, s.d, qb, s.d, kt + blk * s.d * s.skv, s.skv, scores, ld);
      for (std::int64_t r = 0; r < rows; ++r) softmaxRow(scores + r * ld, s.skv, m_scale);
      smallGemm(rows, s.dv, s.skv, scores, ld, v + blk * s.skv * s.dv, s.dv, y + (blk * s.sq + r0) * s.dv, s.dv);
    }
  }
  std::string describe() const override { return "own tiled (scores per query tile in scratch)"; }

private:
  AttentionShape m_s;
  float m_scale;
};

class AttentionKernel final : public Kernel {
public:
  explicit AttentionKernel(const KernelArgs& a) : m_scale(a.node.attrs.getFloat("scale", 1.f)) {
    if (!isFusedNode(a.node)) fail("Attention is an engine-internal operator, not part of the ONNX domain");
    if (a.node.inputs.size() != 3 || a.node.outputs.size() != 1) fail("needs inputs Q, KT, V and one output");
  }

  void inferShapes(ShapeContext& ctx) const override {
    const AttentionShape s = shapeOf(ctx.inputDims(0), ctx.inputDims(1), ctx.inputDims(2));
    for (int i = 0; i < 3; ++i)
      if (ctx.inputType(i) != DType::Float32) fail("input ", i, " of type ", dtypeName(ctx.inputType(i)), " is not supported");
    Dims y = ctx.inputDims(0);
    y.back() = s.dv;
    ctx.setOutput(0, DType::Float32, y);
  }

  double flops(const ShapeContext& ctx) const override {
    const AttentionShape s = shapeOf(ctx.inputDims(0), ctx.inputDims(1), ctx.inputDims(2));
    return 2.0 * static_cast<double>(s.blocks * s.sq * s.skv) * static_cast<double>(s.d + s.dv);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    for (int i = 0; i < 3; ++i) ctx.requirePlainInput(i);
    const AttentionShape s = shapeOf(ctx.inputDims(0), ctx.inputDims(1), ctx.inputDims(2));
    ctx.requestScratch(static_cast<std::size_t>(ctx.threads() * kTileRows * s.scoreStride()) * sizeof(float));
    return std::make_unique<AttentionStep>(s, m_scale);
  }

private:
  static AttentionShape shapeOf(const Dims& q, const Dims& kt, const Dims& v) {
    const std::size_t r = q.size();
    if (r < 2 || kt.size() != r || v.size() != r)
      fail("Q, KT and V must have the same rank >= 2 (got ", dimsToString(q), ", ", dimsToString(kt), ", ", dimsToString(v), ")");
    AttentionShape s;
    for (std::size_t i = 0; i + 2 < r; ++i) {
      if (kt[i] != q[i] || v[i] != q[i])
        fail("leading dims of Q, KT and V differ: ", dimsToString(q), ", ", dimsToString(kt), ", ", dimsToString(v));
      s.blocks *= q[i];
    }
    s.sq = q[r - 2];
    s.d = q[r - 1];
    s.skv = kt[r - 1];
    s.dv = v[r - 1];
    if (kt[r - 2] != s.d || v[r - 2] != s.skv)
      fail("Q ", dimsToString(q), ", KT ", dimsToString(kt), " and V ", dimsToString(v), " do not chain");
    return s;
  }

  float m_scale;
};

}  // namespace

std::unique_ptr<Kernel> makeAttention(const KernelArgs& a) { return std::make_unique<AttentionKernel>(a); }

}  // namespace e2e::runtime::cpu
