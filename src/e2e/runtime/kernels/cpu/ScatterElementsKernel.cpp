// ScatterElements: a copy of data in which, for every element of updates, out[i with i[axis] = indices[i]]
// receives (or is reduced with) that update. Updates are applied in order, so duplicates give the same result on
// every run. Out-of-range indices are skipped: run() cannot throw, and constant indices cannot be checked at load
// because the dims they index may follow the batch size.
#include <cstring>

#include "e2e/runtime/kernels/cpu/Broadcast.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/ScatterReduction.hpp"

namespace e2e::runtime::cpu {
namespace {

struct ScatterGeometry {
  std::vector<std::int64_t> idxDims, dataStride;
  std::int64_t axis = 0, axisLen = 1, total = 0, dataElems = 0;
};

template <class T, class I>
void scatterElements(const ScatterGeometry& g, ScatterReduction red, const I* idx, const T* upd, T* y) {
  const auto r = static_cast<std::int64_t>(g.idxDims.size());
  const std::int64_t inner = g.idxDims.back();
  const std::int64_t rows = inner == 0 ? 0 : g.total / inner;
  for (std::int64_t row = 0; row < rows; ++row) {
    std::int64_t base = 0, rem = row;
    for (std::int64_t d = r - 2; d >= 0; --d) {
      const std::int64_t i = rem % g.idxDims[d];
      rem /= g.idxDims[d];
      if (d != g.axis) base += i * g.dataStride[d];
    }
    for (std::int64_t j = 0; j < inner; ++j) {
      std::int64_t k = static_cast<std::int64_t>(idx[row * inner + j]);
      if (k < 0) k += g.axisLen;
      if (k < 0 || k >= g.axisLen) continue;
      const std::int64_t off = base + (g.axis == r - 1 ? 0 : j * g.dataStride[r - 1]) + k * g.dataStride[g.axis];
      scatterApply(red, y[off], upd[row * inner + j]);
    }
  }
}

template <class I>
class ScatterElementsStep final : public Step {
public:
  ScatterElementsStep(DType t, ScatterReduction red, ScatterGeometry g) : m_type(t), m_red(red), m_g(std::move(g)) {}
  void run(const ExecContext& ctx) const noexcept override {
    const std::size_t bytes = static_cast<std::size_t>(m_g.dataElems) * dtypeSize(m_type);
    if (ctx.out(0) != ctx.in(0) && bytes) std::memcpy(ctx.out(0), ctx.in(0), bytes);
    const I* idx = ctx.in<I>(1);
    switch (m_type) {
      case DType::Float32: return scatterElements(m_g, m_red, idx, ctx.in<float>(2), ctx.out<float>(0));
      case DType::Float64: return scatterElements(m_g, m_red, idx, ctx.in<double>(2), ctx.out<double>(0));
      case DType::Int32: return scatterElements(m_g, m_red, idx, ctx.in<std::int32_t>(2), ctx.out<std::int32_t>(0));
      case DType::Int64: return scatterElements(m_g, m_red, idx, ctx.in<std::int64_t>(2), ctx.out<std::int64_t>(0));
      case DType::Int8: return scatterElements(m_g, m_red, idx, ctx.in<std::int8_t>(2), ctx.out<std::int8_t>(0));
      default: return scatterElements(m_g, m_red, idx, ctx.in<std::uint8_t>(2), ctx.out<std::uint8_t>(0));
    }
  }
  std::string describe() const override { return "own sequential scatter"; }

private:
  DType m_type;
  ScatterReduction m_red;
  ScatterGeometry m_g;
};

class ScatterElementsKernel final : public Kernel {
public:
  explicit ScatterElementsKernel(const KernelArgs& a)
      : m_axis(a.node.attrs.getInt("axis", 0)),
        m_red(parseScatterReduction(a.opset >= 16 ? a.node.attrs.getString("reduction", "none") : "none", a.opset)) {}

  void inferShapes(ShapeContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    const Dims& idx = ctx.inputDims(1);
    const DType t = ctx.inputType(0), it = ctx.inputType(1);
    if (!scatterTypeSupported(t, m_red)) fail("data of type ", dtypeName(t), " is not supported");
    if (ctx.inputType(2) != t) fail("updates type ", dtypeName(ctx.inputType(2)), " differs from data type ", dtypeName(t));
    if (it != DType::Int64 && it != DType::Int32) fail("indices of type ", dtypeName(it), " are not supported");
    if (x.empty() || idx.size() != x.size()) fail("indices rank ", idx.size(), " must equal data rank ", x.size());
    if (ctx.inputDims(2) != idx) fail("updates shape ", dimsToString(ctx.inputDims(2)), " differs from indices shape ", dimsToString(idx));
    const auto ax = normalizeAxis(m_axis, x.size());
    for (std::size_t d = 0; d < x.size(); ++d)
      if (static_cast<std::int64_t>(d) != ax && idx[d] > x[d]) fail("indices shape ", dimsToString(idx), " exceeds data shape ", dimsToString(x));
    ctx.setOutput(0, t, x);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    for (int i = 0; i < 3; ++i) ctx.requirePlainInput(i);
    const Dims& x = ctx.inputDims(0);
    ScatterGeometry g;
    g.idxDims = ctx.inputDims(1);
    g.axis = normalizeAxis(m_axis, x.size());
    g.axisLen = x[g.axis];
    g.total = numel(g.idxDims);
    g.dataElems = numel(x);
    g.dataStride.assign(x.size(), 1);
    for (std::size_t i = x.size(); i-- > 1;) g.dataStride[i - 1] = g.dataStride[i] * x[i];
    ctx.tryInPlace(0, 0);
    if (ctx.inputType(1) == DType::Int64) return std::make_unique<ScatterElementsStep<std::int64_t>>(ctx.inputType(0), m_red, std::move(g));
    return std::make_unique<ScatterElementsStep<std::int32_t>>(ctx.inputType(0), m_red, std::move(g));
  }

private:
  std::int64_t m_axis;
  ScatterReduction m_red;
};

}  // namespace

std::unique_ptr<Kernel> makeScatterElements(const KernelArgs& a) { return std::make_unique<ScatterElementsKernel>(a); }

}  // namespace e2e::runtime::cpu
