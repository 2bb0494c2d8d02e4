// Elementwise activations and math (Relu, LeakyRelu, Sigmoid, Tanh, Clip, Elu, Sqrt, Neg, Exp, Log, Abs) on
// oneDNN eltwise. Works on any unpadded layout, so it never forces a reorder inside a blocked region.
#include <cfloat>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"

namespace e2e::runtime::cpu {
namespace {

class UnaryKernel final : public Kernel {
public:
  explicit UnaryKernel(const KernelArgs& a) {
    const Node& n = a.node;
    float alpha = 0.f, beta = 0.f;
    if (n.opType == "LeakyRelu") alpha = n.attrs.getFloat("alpha", 0.01f);
    if (n.opType == "Elu") alpha = n.attrs.getFloat("alpha", 1.f);
    if (n.opType == "Clip") {
      alpha = -FLT_MAX;
      beta = FLT_MAX;
      for (std::size_t i = 1; i < n.inputs.size() && i < 3; ++i) {
        if (n.inputs[i] < 0) continue;
        const Value& v = a.graph.values[n.inputs[i]];
        if (!v.isConstant() || v.dtype != DType::Float32 || v.constant.numel() != 1)
          fail("min and max must be float32 scalar constants");
        (i == 1 ? alpha : beta) = *v.constant.data<float>();
      }
    }
    if (!eltwiseAlgorithm(n.opType, alpha, beta, m_alg, m_alpha, m_beta)) fail("no eltwise mapping");
  }

  void inferShapes(ShapeContext& ctx) const override {
    if (ctx.inputType(0) != DType::Float32) fail("input of type ", dtypeName(ctx.inputType(0)), " is not supported");
    ctx.setOutput(0, DType::Float32, ctx.inputDims(0));
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    memory::desc data = inputDesc(ctx, 0);
    // Padded blocked layouts would get f(0) != 0 in their padding: use plain there (and for graph outputs).
    if (ctx.outputIsGraphOutput(0) || hasPadding(data)) {
      ctx.requirePlainInput(0);
      data = plainDesc(ctx.inputDims(0));
    }
    dnnl::primitive_attr attr;
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    dnnl::eltwise_forward::desc d(dnnl::prop_kind::forward_inference, m_alg, data, m_alpha, m_beta);
    dnnl::eltwise_forward::primitive_desc pd(d, attr, ctx.engine());
    ctx.setOutputLayout(0, data);
    ctx.tryInPlace(0, 0);
    ctx.requestScratch(pd.scratchpad_desc().get_size());
    auto step = std::make_unique<DnnlStep>(pd.impl_info_str());
    DnnlCall call{dnnl::eltwise_forward(pd), {}};
    call.args.push_back({DNNL_ARG_SRC, DnnlArg::Src::Input, 0, data, {}});
    call.args.push_back({DNNL_ARG_DST, DnnlArg::Src::Output, 0, data, {}});
    call.args.push_back({DNNL_ARG_SCRATCHPAD, DnnlArg::Src::Scratch, 0, pd.scratchpad_desc(), {}});
    step->add(std::move(call));
    return step;
  }

private:
  dnnl::algorithm m_alg = dnnl::algorithm::eltwise_relu;
  float m_alpha = 0.f, m_beta = 0.f;
};

}  // namespace

std::unique_ptr<Kernel> makeUnary(const KernelArgs& a) { return std::make_unique<UnaryKernel>(a); }

}  // namespace e2e::runtime::cpu
