// BatchNormalization (inference) on oneDNN, for the cases the Conv+BN fold does not cover.
#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"

namespace e2e::runtime::cpu {
namespace {

class BatchNormKernel final : public Kernel {
public:
  explicit BatchNormKernel(const KernelArgs& a) {
    const Node& n = a.node;
    m_eps = n.attrs.getFloat("epsilon", 1e-5f);
    n.attrs.getFloat("momentum", 0.9f);
    if (n.attrs.getInt("training_mode", 0) != 0) fail("training_mode=1 is not supported");
    if (n.inputs.size() != 5) fail("expects 5 inputs");
    for (std::size_t i = 1; i < 5; ++i) {
      const Value& v = a.graph.values[n.inputs[i]];
      if (!v.isConstant() || v.dtype != DType::Float32) fail("scale, bias, mean and variance must be float32 constants");
      m_params[i - 1] = v.constant;
    }
    for (std::size_t o = 1; o < n.outputs.size(); ++o)
      if (n.outputs[o] >= 0) fail("training outputs (running mean/var) are not supported");
  }

  void inferShapes(ShapeContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    if (ctx.inputType(0) != DType::Float32) fail("input of type ", dtypeName(ctx.inputType(0)), " is not supported");
    if (x.size() < 2) fail("input needs a channel dimension");
    for (const auto& p : m_params)
      if (p.numel() != x[1]) fail("parameters have ", p.numel(), " values for ", x[1], " channels");
    ctx.setOutput(0, DType::Float32, x);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    memory::desc data = inputDesc(ctx, 0);
    if (ctx.outputIsGraphOutput(0)) {
      ctx.requirePlainInput(0);
      data = plainDesc(ctx.inputDims(0));
    }
    dnnl::primitive_attr attr;
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    auto flags = dnnl::normalization_flags::use_global_stats | dnnl::normalization_flags::use_scale |
                 dnnl::normalization_flags::use_shift;
    dnnl::batch_normalization_forward::desc d(dnnl::prop_kind::forward_inference, data, m_eps, flags);
    dnnl::batch_normalization_forward::primitive_desc pd(d, attr, ctx.engine());
    ctx.setOutputLayout(0, pd.dst_desc());
    ctx.tryInPlace(0, 0);
    ctx.requestScratch(pd.scratchpad_desc().get_size());
    auto step = std::make_unique<DnnlStep>(pd.impl_info_str());
    memory::desc vec({ctx.inputDims(0)[1]}, memory::data_type::f32, memory::format_tag::a);
    auto constant = [&](int i) { return memory(vec, ctx.engine(), m_params[i].raw()); };
    DnnlCall call{dnnl::batch_normalization_forward(pd), {}};
    call.args.push_back({DNNL_ARG_SRC, DnnlArg::Src::Input, 0, data, {}});
    call.args.push_back({DNNL_ARG_SCALE, DnnlArg::Src::Constant, 0, vec, constant(0)});
    call.args.push_back({DNNL_ARG_SHIFT, DnnlArg::Src::Constant, 0, vec, constant(1)});
    call.args.push_back({DNNL_ARG_MEAN, DnnlArg::Src::Constant, 0, vec, constant(2)});
    call.args.push_back({DNNL_ARG_VARIANCE, DnnlArg::Src::Constant, 0, vec, constant(3)});
    call.args.push_back({DNNL_ARG_DST, DnnlArg::Src::Output, 0, pd.dst_desc(), {}});
    call.args.push_back({DNNL_ARG_SCRATCHPAD, DnnlArg::Src::Scratch, 0, pd.scratchpad_desc(), {}});
    step->add(std::move(call));
    return step;
  }

private:
  float m_eps = 1e-5f;
  Tensor m_params[4];  // scale, shift, mean, variance
};

}  // namespace

std::unique_ptr<Kernel> makeBatchNorm(const KernelArgs& a) { return std::make_unique<BatchNormKernel>(a); }

}  // namespace e2e::runtime::cpu
