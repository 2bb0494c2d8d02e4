// Softmax / LogSoftmax on oneDNN. Before opset 13 the input is seen as 2-D [prod(:axis), prod(axis:)].
#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"

namespace e2e::runtime::cpu {
namespace {

class SoftmaxKernel final : public Kernel {
public:
  explicit SoftmaxKernel(const KernelArgs& a)
      : m_log(a.node.opType == "LogSoftmax"), m_coerce(a.opset < 13), m_axis(a.node.attrs.getInt("axis", a.opset < 13 ? 1 : -1)) {}

  void inferShapes(ShapeContext& ctx) const override {
    if (ctx.inputType(0) != DType::Float32) fail("input of type ", dtypeName(ctx.inputType(0)), " is not supported");
    normAxis(ctx.inputDims(0).size());
    ctx.setOutput(0, DType::Float32, ctx.inputDims(0));
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    ctx.requirePlainInput(0);
    const auto ax = normAxis(x.size());
    memory::desc md;
    int axis = static_cast<int>(ax);
    if (m_coerce) {
      std::int64_t outer = 1, inner = 1;
      for (std::size_t i = 0; i < x.size(); ++i) (static_cast<std::int64_t>(i) < ax ? outer : inner) *= x[i];
      md = plainDesc({outer, inner});
      axis = 1;
    } else {
      md = plainDesc(x);
    }
    dnnl::primitive_attr attr;
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    auto step = std::make_unique<DnnlStep>("oneDNN softmax");
    DnnlCall call;
    memory::desc scratch;
    if (m_log) {
      dnnl::logsoftmax_forward::desc d(dnnl::prop_kind::forward_inference, md, axis);
      dnnl::logsoftmax_forward::primitive_desc pd(d, attr, ctx.engine());
      call.prim = dnnl::logsoftmax_forward(pd);
      scratch = pd.scratchpad_desc();
    } else {
      dnnl::softmax_forward::desc d(dnnl::prop_kind::forward_inference, md, axis);
      dnnl::softmax_forward::primitive_desc pd(d, attr, ctx.engine());
      call.prim = dnnl::softmax_forward(pd);
      scratch = pd.scratchpad_desc();
    }
    ctx.requestScratch(scratch.get_size());
    call.args.push_back({DNNL_ARG_SRC, DnnlArg::Src::Input, 0, md, {}});
    call.args.push_back({DNNL_ARG_DST, DnnlArg::Src::Output, 0, md, {}});
    call.args.push_back({DNNL_ARG_SCRATCHPAD, DnnlArg::Src::Scratch, 0, scratch, {}});
    step->add(std::move(call));
    return step;
  }

private:
  std::int64_t normAxis(std::size_t rank) const {
    const auto r = static_cast<std::int64_t>(rank);
    if (m_axis < -r || m_axis >= r) fail("axis ", m_axis, " is out of range for rank ", rank);
    return m_axis < 0 ? m_axis + r : m_axis;
  }

  bool m_log, m_coerce;
  std::int64_t m_axis;
};

}  // namespace

std::unique_ptr<Kernel> makeSoftmax(const KernelArgs& a) { return std::make_unique<SoftmaxKernel>(a); }

}  // namespace e2e::runtime::cpu
