// LayerNormalization (opset 17): normalise over all dims from `axis` on, then scale and shift. Own loops: one row
// per normalised slice, two passes (mean, then centred variance), accumulated in double,
// vectorised with omp simd. Optional Mean / InvStdDev outputs are written when the graph uses them.
#include <omp.h>

#include <cmath>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/Broadcast.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

class LayerNormStep final : public Step {
public:
  LayerNormStep(std::int64_t rows, std::int64_t n, float eps, bool scaleScalar, bool hasBias, bool biasScalar,
                bool mean, bool inv)
      : m_rows(rows), m_n(n), m_eps(eps), m_scaleScalar(scaleScalar), m_hasBias(hasBias), m_biasScalar(biasScalar),
        m_mean(mean), m_inv(inv) {}

  void run(const ExecContext& ctx) const noexcept override {
    const float* x = ctx.in<float>(0);
    const float* scale = ctx.in<float>(1);
    const float* bias = m_hasBias ? ctx.in<float>(2) : nullptr;
    float* y = ctx.out<float>(0);
    float* meanOut = m_mean ? ctx.out<float>(1) : nullptr;
    float* invOut = m_inv ? ctx.out<float>(2) : nullptr;
    const std::int64_t n = m_n;
    const double invN = n > 0 ? 1.0 / static_cast<double>(n) : 0.0;
#pragma omp parallel for num_threads(ctx.threads) if (m_rows * n > 16384) schedule(static)
    for (std::int64_t r = 0; r < m_rows; ++r) {
      const float* xr = x + r * n;
      float* yr = y + r * n;
      // Sums in double: rows whose mean is large next to their spread would otherwise lose digits.
      double sum = 0.0;
#pragma omp simd reduction(+ : sum)
      for (std::int64_t i = 0; i < n; ++i) sum += static_cast<double>(xr[i]);
      const double meanD = sum * invN;
      double sq = 0.0;
#pragma omp simd reduction(+ : sq)
      for (std::int64_t i = 0; i < n; ++i) sq += (xr[i] - meanD) * (xr[i] - meanD);
      // The mean as a float pair: x - hi is nearly exact, and lo restores the digits a float mean would drop.
      const float mean = static_cast<float>(meanD);
      const float meanLo = static_cast<float>(meanD - static_cast<double>(mean));
      const float inv = static_cast<float>(1.0 / std::sqrt(sq * invN + m_eps));
      if (meanOut) meanOut[r] = mean;
      if (invOut) invOut[r] = inv;
      if (!m_scaleScalar && bias && !m_biasScalar) {
#pragma omp simd
        for (std::int64_t i = 0; i < n; ++i) yr[i] = ((xr[i] - mean) - meanLo) * inv * scale[i] + bias[i];
      } else {
        // Rare forms (scalar scale or bias, no bias): one generic loop.
        const float b0 = bias ? bias[0] : 0.f;
        for (std::int64_t i = 0; i < n; ++i) {
          const float s = m_scaleScalar ? scale[0] : scale[i];
          const float b = bias ? (m_biasScalar ? b0 : bias[i]) : 0.f;
          yr[i] = ((xr[i] - mean) - meanLo) * inv * s + b;
        }
      }
    }
  }
  std::string describe() const override { return "own simd two-pass"; }

private:
  std::int64_t m_rows, m_n;
  float m_eps;
  bool m_scaleScalar, m_hasBias, m_biasScalar, m_mean, m_inv;
};

class LayerNormKernel final : public Kernel {
public:
  explicit LayerNormKernel(const KernelArgs& a)
      : m_axis(a.node.attrs.getInt("axis", -1)), m_eps(a.node.attrs.getFloat("epsilon", 1e-5f)) {
    const auto stash = a.node.attrs.getInt("stash_type", 1);
    if (stash != 1) fail("stash_type ", stash, " is not supported (only 1, float32)");
  }

  void inferShapes(ShapeContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    for (int i = 0; i < 3; ++i)
      if (ctx.hasInput(i) && ctx.inputType(i) != DType::Float32)
        fail("input ", i, " of type ", dtypeName(ctx.inputType(i)), " is not supported (float32 only)");
    const auto ax = normalizeAxis(m_axis, x.size());
    const Dims norm(x.begin() + ax, x.end());
    checkParam(ctx.inputDims(1), norm, "Scale");
    if (ctx.hasInput(2)) checkParam(ctx.inputDims(2), norm, "B");
    ctx.setOutput(0, DType::Float32, x);
    Dims stat = x;
    for (std::size_t i = static_cast<std::size_t>(ax); i < stat.size(); ++i) stat[i] = 1;
    if (ctx.hasOutput(1)) ctx.setOutput(1, DType::Float32, stat);
    if (ctx.hasOutput(2)) ctx.setOutput(2, DType::Float32, stat);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    for (int i = 0; i < ctx.inputCount(); ++i)
      if (ctx.hasInput(i)) ctx.requirePlainInput(i);
    const Dims& x = ctx.inputDims(0);
    const auto ax = normalizeAxis(m_axis, x.size());
    std::int64_t rows = 1, n = 1;
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(x.size()); ++i) (i < ax ? rows : n) *= x[i];
    const bool hasBias = ctx.hasInput(2);
    ctx.tryInPlace(0, 0);
    return std::make_unique<LayerNormStep>(rows, n, m_eps, numel(ctx.inputDims(1)) == 1 && n != 1, hasBias,
                                           hasBias && numel(ctx.inputDims(2)) == 1 && n != 1, ctx.hasOutput(1),
                                           ctx.hasOutput(2));
  }

private:
  // Scale and B must cover the normalised shape (leading 1s allowed) or be a single value.
  static void checkParam(const Dims& p, const Dims& norm, const char* what) {
    if (numel(p) == 1) return;
    std::size_t lead = 0;
    while (p.size() - lead > norm.size() && p[lead] == 1) ++lead;
    if (Dims(p.begin() + static_cast<std::ptrdiff_t>(lead), p.end()) != norm)
      fail(what, " of shape ", dimsToString(p), " does not match the normalised shape ", dimsToString(norm),
           " (only equal shapes or a single value are supported)");
  }

  std::int64_t m_axis;
  float m_eps;
};

}  // namespace

std::unique_ptr<Kernel> makeLayerNorm(const KernelArgs& a) { return std::make_unique<LayerNormKernel>(a); }

}  // namespace e2e::runtime::cpu
