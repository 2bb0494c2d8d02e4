// GlobalMaxPool / GlobalAveragePool on oneDNN pooling with a window covering the whole spatial extent.
#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"

namespace e2e::runtime::cpu {
namespace {

class GlobalPoolKernel final : public Kernel {
public:
  explicit GlobalPoolKernel(const KernelArgs& a) : m_max(a.node.opType == "GlobalMaxPool") {}

  void inferShapes(ShapeContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    if (ctx.inputType(0) != DType::Float32) fail("input of type ", dtypeName(ctx.inputType(0)), " is not supported");
    if (x.size() < 3) fail("input must have spatial dimensions");
    Dims y(x.size(), 1);
    y[0] = x[0];
    y[1] = x[1];
    ctx.setOutput(0, DType::Float32, y);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    const std::size_t sp = x.size() - 2;
    memory::dims kernel(x.begin() + 2, x.end()), ones(sp, 1), zeros(sp, 0);
    memory::desc src = inputDesc(ctx, 0);
    memory::desc dst(toDnnlDims(ctx.outputDims(0)), memory::data_type::f32, memory::format_tag::any);
    dnnl::primitive_attr attr;
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    dnnl::pooling_v2_forward::desc d(dnnl::prop_kind::forward_inference,
                                     m_max ? dnnl::algorithm::pooling_max : dnnl::algorithm::pooling_avg_exclude_padding,
                                     src, dst, ones, kernel, zeros, zeros, zeros);
    dnnl::pooling_v2_forward::primitive_desc pd(d, attr, ctx.engine());
    ctx.setOutputLayout(0, pd.dst_desc());
    ctx.requestScratch(pd.scratchpad_desc().get_size());
    auto step = std::make_unique<DnnlStep>(pd.impl_info_str());
    DnnlCall call{dnnl::pooling_v2_forward(pd), {}};
    call.args.push_back({DNNL_ARG_SRC, DnnlArg::Src::Input, 0, src, {}});
    call.args.push_back({DNNL_ARG_DST, DnnlArg::Src::Output, 0, pd.dst_desc(), {}});
    call.args.push_back({DNNL_ARG_SCRATCHPAD, DnnlArg::Src::Scratch, 0, pd.scratchpad_desc(), {}});
    step->add(std::move(call));
    return step;
  }

private:
  bool m_max;
};

}  // namespace

std::unique_ptr<Kernel> makeGlobalPool(const KernelArgs& a) { return std::make_unique<GlobalPoolKernel>(a); }

}  // namespace e2e::runtime::cpu
