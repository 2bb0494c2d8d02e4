// ReduceMax / ReduceMean / ReduceSum on oneDNN reduction (any axis set, vectorised). Axes come from the
// attribute (before opset 18; ReduceSum before 13) or from the second input, which must be known at plan time.
#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/ContiguousReduce.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"

namespace e2e::runtime::cpu {
namespace {

class ReduceKernel final : public Kernel {
public:
  explicit ReduceKernel(const KernelArgs& a) {
    const Node& n = a.node;
    const std::string& t = n.opType;
    m_alg = t == "ReduceMax" ? dnnl::algorithm::reduction_max
            : t == "ReduceMean" ? dnnl::algorithm::reduction_mean : dnnl::algorithm::reduction_sum;
    m_keep = n.attrs.getInt("keepdims", 1) != 0;
    const int axesInputSince = t == "ReduceSum" ? 13 : 18;
    m_axesFromInput = a.opset >= axesInputSince;
    if (m_axesFromInput)
      m_noopEmpty = n.attrs.getInt("noop_with_empty_axes", 0) != 0;
    else
      m_axes = n.attrs.getInts("axes");
  }

  bool shapeNeedsValue(int input) const override { return input == 1; }

  void inferShapes(ShapeContext& ctx) const override {
    if (ctx.inputType(0) != DType::Float32) fail("input of type ", dtypeName(ctx.inputType(0)), " is not supported");
    auto [keep, out] = shapes(ctx.inputDims(0), ctx.hasInput(1) ? ctx.inputValue(1) : nullptr);
    ctx.setOutput(0, DType::Float32, out);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.requirePlainInput(0);
    const Dims& x = ctx.inputDims(0);
    auto [keep, out] = shapes(x, ctx.hasInput(1) ? ctx.inputValue(1) : nullptr);
    if (keep == x) {
      // Nothing reduced (noop_with_empty_axes, or only size-1 axes): a copy.
      ctx.aliasOutput(0, 0);
      return std::make_unique<NoopStep>();
    }
    dnnl::primitive_attr attr;
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    memory::desc src = plainDesc(x), dst = plainDesc(keep);
    dnnl::reduction::desc d(m_alg, src, dst, 0.f, 0.f);
    dnnl::reduction::primitive_desc pd(d, attr, ctx.engine());
    if (isReferenceImpl(pd.impl_info_str()))
      if (auto own = makeContiguousReduceStep(m_alg, x, keep)) return own;
    ctx.requestScratch(pd.scratchpad_desc().get_size());
    auto step = std::make_unique<DnnlStep>(pd.impl_info_str());
    DnnlCall call{dnnl::reduction(pd), {}};
    call.args.push_back({DNNL_ARG_SRC, DnnlArg::Src::Input, 0, src, {}});
    call.args.push_back({DNNL_ARG_DST, DnnlArg::Src::Output, 0, dst, {}});
    call.args.push_back({DNNL_ARG_SCRATCHPAD, DnnlArg::Src::Scratch, 0, pd.scratchpad_desc(), {}});
    step->add(std::move(call));
    return step;
  }

private:
  class NoopStep final : public Step {
  public:
    void run(const ExecContext&) const noexcept override {}
  };

  // (dims with reduced axes set to 1, output dims)
  std::pair<Dims, Dims> shapes(const Dims& x, const Tensor* axesInput) const {
    std::vector<std::int64_t> axes = m_axes;
    if (m_axesFromInput && axesInput) axes = axesInput->toInt64();
    const auto r = static_cast<std::int64_t>(x.size());
    std::vector<bool> red(x.size(), axes.empty() && !m_noopEmpty);
    for (auto a : axes) {
      if (a < -r || a >= r) fail("axis ", a, " is out of range for rank ", r);
      red[a < 0 ? a + r : a] = true;
    }
    Dims keep = x, out;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (red[i]) keep[i] = 1;
      if (!red[i] || m_keep) out.push_back(keep[i]);
    }
    return {keep, out};
  }

  dnnl::algorithm m_alg;
  bool m_keep = true, m_axesFromInput = false, m_noopEmpty = false;
  std::vector<std::int64_t> m_axes;
};

}  // namespace

std::unique_ptr<Kernel> makeReduce(const KernelArgs& a) { return std::make_unique<ReduceKernel>(a); }

}  // namespace e2e::runtime::cpu
