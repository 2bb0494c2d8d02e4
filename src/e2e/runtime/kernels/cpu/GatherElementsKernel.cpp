// GatherElements: out[i] = data[i with i[axis] replaced by indices[i]], any element type, int32/int64 indices
// (negative ones count from the end; out-of-range ones are clamped, since run() cannot throw). Works row by row
// over the indices' innermost dim, with the data offsets of each row computed once.
#include <omp.h>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/Broadcast.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

struct ElementsGeometry {
  std::vector<std::int64_t> idxDims;    // indices (= output) dims
  std::vector<std::int64_t> dataStride; // data strides per dim (elements)
  std::int64_t axis = 0, axisLen = 1, total = 0;
};

// Data offset of the first element of indices row `row`, the axis dim excluded.
inline std::int64_t rowBase(const ElementsGeometry& g, std::int64_t row) {
  std::int64_t off = 0;
  const auto r = static_cast<std::int64_t>(g.idxDims.size());
  for (std::int64_t d = r - 2; d >= 0; --d) {
    const std::int64_t i = row % g.idxDims[d];
    row /= g.idxDims[d];
    if (d != g.axis) off += i * g.dataStride[d];
  }
  return off;
}

inline std::int64_t fixIndex(std::int64_t k, std::int64_t len) {
  if (k < 0) k += len;
  return k < 0 ? 0 : (k >= len ? len - 1 : k);
}

template <class T, class I>
void gatherElements(const ElementsGeometry& g, const T* x, const I* idx, T* y, int threads) {
  const std::int64_t inner = g.idxDims.back();
  const std::int64_t rows = inner == 0 ? 0 : g.total / inner;
  const bool lastAxis = g.axis == static_cast<std::int64_t>(g.idxDims.size()) - 1;
  const std::int64_t axStride = g.dataStride[g.axis], lastStride = g.dataStride.back(), len = g.axisLen;
#pragma omp parallel for num_threads(threads) if (g.total > 32768) schedule(static)
  for (std::int64_t row = 0; row < rows; ++row) {
    const T* base = x + rowBase(g, row);
    const I* ir = idx + row * inner;
    T* yr = y + row * inner;
    if (lastAxis) {
      for (std::int64_t j = 0; j < inner; ++j) yr[j] = base[fixIndex(static_cast<std::int64_t>(ir[j]), len)];
    } else {
      for (std::int64_t j = 0; j < inner; ++j)
        yr[j] = base[j * lastStride + fixIndex(static_cast<std::int64_t>(ir[j]), len) * axStride];
    }
  }
}

template <class I>
class GatherElementsStep final : public Step {
public:
  GatherElementsStep(std::size_t elem, ElementsGeometry g) : m_elem(elem), m_g(std::move(g)) {}
  void run(const ExecContext& ctx) const noexcept override {
    if (m_g.total == 0) return;
    const I* idx = ctx.in<I>(1);
    switch (m_elem) {
      case 1: return gatherElements(m_g, ctx.in<std::uint8_t>(0), idx, ctx.out<std::uint8_t>(0), ctx.threads);
      case 2: return gatherElements(m_g, ctx.in<std::uint16_t>(0), idx, ctx.out<std::uint16_t>(0), ctx.threads);
      case 4: return gatherElements(m_g, ctx.in<std::uint32_t>(0), idx, ctx.out<std::uint32_t>(0), ctx.threads);
      default: return gatherElements(m_g, ctx.in<std::uint64_t>(0), idx, ctx.out<std::uint64_t>(0), ctx.threads);
    }
  }
  std::string describe() const override { return "own row gather"; }

private:
  std::size_t m_elem;
  ElementsGeometry m_g;
};

class GatherElementsKernel final : public Kernel {
public:
  explicit GatherElementsKernel(const KernelArgs& a) : m_axis(a.node.attrs.getInt("axis", 0)) {}

  void inferShapes(ShapeContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    const Dims& idx = ctx.inputDims(1);
    const DType it = ctx.inputType(1);
    if (it != DType::Int64 && it != DType::Int32) fail("indices of type ", dtypeName(it), " are not supported");
    if (x.empty()) fail("data must have rank >= 1");
    if (idx.size() != x.size()) fail("indices rank ", idx.size(), " differs from data rank ", x.size());
    const auto ax = normalizeAxis(m_axis, x.size());
    for (std::size_t d = 0; d < x.size(); ++d)
      if (static_cast<std::int64_t>(d) != ax && idx[d] > x[d])
        fail("indices shape ", dimsToString(idx), " exceeds data shape ", dimsToString(x), " outside the axis");
    ctx.setOutput(0, ctx.inputType(0), idx);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.requirePlainInput(0);
    ctx.requirePlainInput(1);
    const Dims& x = ctx.inputDims(0);
    ElementsGeometry g;
    g.idxDims = ctx.inputDims(1);
    g.axis = normalizeAxis(m_axis, x.size());
    g.axisLen = x[g.axis];
    g.total = numel(g.idxDims);
    g.dataStride.assign(x.size(), 1);
    for (std::size_t i = x.size(); i-- > 1;) g.dataStride[i - 1] = g.dataStride[i] * x[i];
    const std::size_t elem = dtypeSize(ctx.inputType(0));
    if (ctx.inputType(1) == DType::Int64) return std::make_unique<GatherElementsStep<std::int64_t>>(elem, std::move(g));
    return std::make_unique<GatherElementsStep<std::int32_t>>(elem, std::move(g));
  }

private:
  std::int64_t m_axis;
};

}  // namespace

std::unique_ptr<Kernel> makeGatherElements(const KernelArgs& a) { return std::make_unique<GatherElementsKernel>(a); }

}  // namespace e2e::runtime::cpu
