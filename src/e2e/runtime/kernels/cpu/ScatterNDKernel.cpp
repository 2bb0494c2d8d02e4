// ScatterND: a copy of data in which each index tuple (the last dim of indices, q <= rank) selects a slice that
// receives (or is reduced with) the matching slice of updates. Tuples are applied in order (deterministic);
// tuples out of range are skipped: run() cannot throw, and constant indices cannot be checked at load because
// the dims they index may follow the batch size.
#include <cstring>

#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/ScatterReduction.hpp"

namespace e2e::runtime::cpu {
namespace {

struct NDGeometry {
  std::int64_t tuples = 0, q = 0, slice = 1, dataElems = 0;
  std::vector<std::int64_t> dataDims, dataStride;  // first q dims
};

template <class T, class I>
void scatterND(const NDGeometry& g, ScatterReduction red, const I* idx, const T* upd, T* y) {
  for (std::int64_t t = 0; t < g.tuples; ++t) {
    std::int64_t off = 0;
    bool ok = true;
    for (std::int64_t d = 0; d < g.q; ++d) {
      std::int64_t k = static_cast<std::int64_t>(idx[t * g.q + d]);
      if (k < 0) k += g.dataDims[d];
      ok = ok && k >= 0 && k < g.dataDims[d];
      off += k * g.dataStride[d];
    }
    if (!ok) continue;
    T* dst = y + off;
    const T* src = upd + t * g.slice;
    if (red == ScatterReduction::None) {
      std::memcpy(dst, src, static_cast<std::size_t>(g.slice) * sizeof(T));
      continue;
    }
    for (std::int64_t i = 0; i < g.slice; ++i) scatterApply(red, dst[i], src[i]);
  }
}

template <class I>
class ScatterNDStep final : public Step {
public:
  ScatterNDStep(DType t, ScatterReduction red, NDGeometry g) : m_type(t), m_red(red), m_g(std::move(g)) {}
  void run(const ExecContext& ctx) const noexcept override {
    const std::size_t bytes = static_cast<std::size_t>(m_g.dataElems) * dtypeSize(m_type);
    if (ctx.out(0) != ctx.in(0) && bytes) std::memcpy(ctx.out(0), ctx.in(0), bytes);
    const I* idx = ctx.in<I>(1);
    switch (m_type) {
      case DType::Float32: return scatterND(m_g, m_red, idx, ctx.in<float>(2), ctx.out<float>(0));
      case DType::Float64: return scatterND(m_g, m_red, idx, ctx.in<double>(2), ctx.out<double>(0));
      case DType::Int32: return scatterND(m_g, m_red, idx, ctx.in<std::int32_t>(2), ctx.out<std::int32_t>(0));
      case DType::Int64: return scatterND(m_g, m_red, idx, ctx.in<std::int64_t>(2), ctx.out<std::int64_t>(0));
      case DType::Int8: return scatterND(m_g, m_red, idx, ctx.in<std::int8_t>(2), ctx.out<std::int8_t>(0));
      default: return scatterND(m_g, m_red, idx, ctx.in<std::uint8_t>(2), ctx.out<std::uint8_t>(0));
    }
  }
  std::string describe() const override { return "own sequential scatter"; }

private:
  DType m_type;
  ScatterReduction m_red;
  NDGeometry m_g;
};

class ScatterNDKernel final : public Kernel {
public:
  explicit ScatterNDKernel(const KernelArgs& a)
      : m_red(parseScatterReduction(a.opset >= 16 ? a.node.attrs.getString("reduction", "none") : "none", a.opset)) {}

  void inferShapes(ShapeContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    const Dims& idx = ctx.inputDims(1);
    const DType t = ctx.inputType(0), it = ctx.inputType(1);
    if (!scatterTypeSupported(t, m_red)) fail("data of type ", dtypeName(t), " is not supported");
    if (ctx.inputType(2) != t) fail("updates type ", dtypeName(ctx.inputType(2)), " differs from data type ", dtypeName(t));
    if (it != DType::Int64) fail("indices of type ", dtypeName(it), " are not supported (int64 expected)");
    if (x.empty() || idx.empty()) fail("data and indices must have rank >= 1");
    const auto q = idx.back();
    if (q < 1 || q > static_cast<std::int64_t>(x.size())) fail("index tuples of length ", q, " do not fit data rank ", x.size());
    Dims want(idx.begin(), idx.end() - 1);
    want.insert(want.end(), x.begin() + q, x.end());
    if (ctx.inputDims(2) != want) fail("updates shape ", dimsToString(ctx.inputDims(2)), " should be ", dimsToString(want));
    ctx.setOutput(0, t, x);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    for (int i = 0; i < 3; ++i) ctx.requirePlainInput(i);
    const Dims& x = ctx.inputDims(0);
    const Dims& idx = ctx.inputDims(1);
    NDGeometry g;
    g.q = idx.back();
    g.tuples = numel(idx) / g.q;
    g.dataElems = numel(x);
    for (std::size_t d = static_cast<std::size_t>(g.q); d < x.size(); ++d) g.slice *= x[d];
    g.dataDims.assign(x.begin(), x.begin() + g.q);
    g.dataStride.assign(static_cast<std::size_t>(g.q), g.slice);
    for (std::int64_t d = g.q - 1; d-- > 0;) g.dataStride[d] = g.dataStride[d + 1] * x[d + 1];
    ctx.tryInPlace(0, 0);
    return std::make_unique<ScatterNDStep<std::int64_t>>(ctx.inputType(0), m_red, std::move(g));
  }

private:
  ScatterReduction m_red;
};

}  // namespace

std::unique_ptr<Kernel> makeScatterND(const KernelArgs& a) { return std::make_unique<ScatterNDKernel>(a); }

}  // namespace e2e::runtime::cpu
