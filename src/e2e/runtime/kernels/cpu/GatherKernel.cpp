// Gather along an axis, any element type, int32/int64 indices (negative ones count from the end).
#include <omp.h>

#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

template <class I>
class GatherStep final : public Step {
public:
  GatherStep(std::int64_t outer, std::int64_t axisLen, std::int64_t count, std::size_t chunk)
      : m_outer(outer), m_axisLen(axisLen), m_count(count), m_chunk(chunk) {}
  void run(const ExecContext& ctx) const noexcept override {
    const std::byte* x = ctx.in(0);
    const I* idx = ctx.in<I>(1);
    std::byte* y = ctx.out(0);
#pragma omp parallel for num_threads(ctx.threads) if (m_outer * m_count * m_chunk > (1 << 18)) schedule(static)
    for (std::int64_t o = 0; o < m_outer; ++o) {
      for (std::int64_t j = 0; j < m_count; ++j) {
        std::int64_t k = static_cast<std::int64_t>(idx[j]);
        if (k < 0) k += m_axisLen;
        // Out-of-range indices are clamped: run() never throws (ONNX leaves them undefined).
        k = std::clamp<std::int64_t>(k, 0, m_axisLen - 1);
        std::memcpy(y + (o * m_count + j) * m_chunk, x + (o * m_axisLen + k) * m_chunk, m_chunk);
      }
    }
  }
  std::string describe() const override { return "own memcpy"; }

private:
  std::int64_t m_outer, m_axisLen, m_count;
  std::size_t m_chunk;
};

class GatherKernel final : public Kernel {
public:
  explicit GatherKernel(const KernelArgs& a) : m_axis(a.node.attrs.getInt("axis", 0)) {}

  std::int64_t axis(std::size_t rank) const {
    const auto r = static_cast<std::int64_t>(rank);
    if (m_axis < -r || m_axis >= r) fail("axis ", m_axis, " is out of range for rank ", rank);
    return m_axis < 0 ? m_axis + r : m_axis;
  }

  void inferShapes(ShapeContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    const Dims& idx = ctx.inputDims(1);
    DType it = ctx.inputType(1);
    if (it != DType::Int64 && it != DType::Int32) fail("indices of type ", dtypeName(it), " are not supported");
    const auto ax = axis(x.size());
    if (const Tensor* v = ctx.inputValue(1))
      for (auto k : v->toInt64())
        if (k < -x[ax] || k >= x[ax]) fail("index ", k, " is out of range for axis size ", x[ax]);
    Dims y(x.begin(), x.begin() + ax);
    y.insert(y.end(), idx.begin(), idx.end());
    y.insert(y.end(), x.begin() + ax + 1, x.end());
    ctx.setOutput(0, ctx.inputType(0), y);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.requirePlainInput(0);
    const Dims& x = ctx.inputDims(0);
    const auto ax = axis(x.size());
    std::int64_t outer = 1, inner = 1;
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(x.size()); ++i) {
      if (i < ax) outer *= x[i];
      if (i > ax) inner *= x[i];
    }
    const std::int64_t count = numel(ctx.inputDims(1));
    const std::size_t chunk = static_cast<std::size_t>(inner) * dtypeSize(ctx.inputType(0));
    if (ctx.inputType(1) == DType::Int64) return std::make_unique<GatherStep<std::int64_t>>(outer, x[ax], count, chunk);
    return std::make_unique<GatherStep<std::int32_t>>(outer, x[ax], count, chunk);
  }

private:
  std::int64_t m_axis;
};

}  // namespace

std::unique_ptr<Kernel> makeGather(const KernelArgs& a) { return std::make_unique<GatherKernel>(a); }

}  // namespace e2e::runtime::cpu
