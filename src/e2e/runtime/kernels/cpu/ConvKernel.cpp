// Conv (1-3 spatial axes; grouped, strided, padded, dilated) on oneDNN, with fused bias, activations and a
// residual sum. Weights are reordered once into the layout the primitive prefers. In bf16/int8 mode
// (Node::precision) src and weights are converted (int8: quantised per output channel) and dst stays fp32.
#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"
#include "e2e/runtime/kernels/cpu/LowPrecision.hpp"
#include "e2e/runtime/kernels/cpu/Window.hpp"

namespace e2e::runtime::cpu {
namespace {

class ConvKernel final : public Kernel {
public:
  explicit ConvKernel(const KernelArgs& a) : m_node(a.node) {
    const Node& n = a.node;
    if (n.inputs.size() < 2 || n.inputs[1] < 0) fail("needs weights");
    const Value& w = a.graph.values[n.inputs[1]];
    if (!w.isConstant()) fail("weights must be constant (an initialiser)");
    m_weights = w.constant;
    if (m_weights.dtype() != DType::Float32) fail("weights of type ", dtypeName(m_weights.dtype()), " are not supported");
    const auto& wd = m_weights.dims();
    if (wd.size() < 3 || wd.size() > 5) fail("only 1-3 spatial dimensions are supported");
    m_group = n.attrs.getInt("group", 1);
    if (m_group < 1 || wd[0] % m_group != 0) fail("group ", m_group, " does not divide ", wd[0], " output channels");
    m_window = Window::parse(n.attrs, wd.size() - 2, Dims(wd.begin() + 2, wd.end()), false, true);
    if (n.inputs.size() > 2 && n.inputs[2] >= 0) {
      const Value& b = a.graph.values[n.inputs[2]];
      if (!b.isConstant()) fail("bias must be constant");
      m_bias = b.constant;
      if (m_bias.numel() != wd[0] || m_bias.dtype() != DType::Float32) fail("bias must be float32 of length ", wd[0]);
    }
    m_residual = residualInput(n.postOps);
    if (n.precision.compute == DType::Int8) m_int8 = quantiseInt8(n.precision, m_weights, 0, m_bias);
  }

  void inferShapes(ShapeContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    const Dims& wd = m_weights.dims();
    if (ctx.inputType(0) != DType::Float32) fail("input of type ", dtypeName(ctx.inputType(0)), " is not supported");
    if (x.size() != wd.size()) fail("input rank ", x.size(), " does not match weights rank ", wd.size());
    if (x[1] != wd[1] * m_group) fail("input has ", x[1], " channels, weights expect ", wd[1] * m_group);
    Window w = m_window;
    auto spatial = w.resolve(Dims(x.begin() + 2, x.end()));
    Dims out{x[0], wd[0]};
    out.insert(out.end(), spatial.begin(), spatial.end());
    ctx.setOutput(0, DType::Float32, out);
  }

  double flops(const ShapeContext& ctx) const override {
    const Dims& wd = m_weights.dims();
    return 2.0 * static_cast<double>(numel(ctx.outputDims(0))) * static_cast<double>(numel(wd) / wd[0]);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    using dnnl::algorithm;
    const Dims& x = ctx.inputDims(0);
    const Dims& y = ctx.outputDims(0);
    Window w = m_window;
    w.resolve(Dims(x.begin() + 2, x.end()));
    const Dims& wd = m_weights.dims();
    memory::dims wdims(wd.begin(), wd.end());
    if (m_group > 1) {
      wdims[0] /= m_group;
      wdims.insert(wdims.begin(), m_group);
    }
    memory::dims strides(w.strides.begin(), w.strides.end()), padL(w.padBegin.begin(), w.padBegin.end()),
        padR(w.padEnd.begin(), w.padEnd.end()), dil;
    for (auto d : w.dilations) dil.push_back(d - 1);
    const auto any = memory::format_tag::any;
    const auto f32 = memory::data_type::f32;
    const NodePrecision& prec = m_node.precision;
    const bool low = isLowPrecision(prec), int8 = prec.compute == DType::Int8;
    memory::desc wAny(wdims, weightsType(prec), any), bDesc({wd[0]}, f32, memory::format_tag::a);
    memory::desc yDesc = ctx.outputIsGraphOutput(0) ? plainDesc(y) : memory::desc(toDnnlDims(y), f32, any);
    dnnl::primitive_attr attr;
    buildPostOps(m_node.postOps, attr);
    if (int8) attr.set_output_scales(1 << 1, m_int8.outputScales);  // per output channel: dst dim 1
    const Tensor& bias = int8 ? m_int8.bias : m_bias;

    auto makePd = [&](const memory::desc& xd) {
      auto d = m_bias.empty()
                   ? dnnl::convolution_forward::desc(dnnl::prop_kind::forward_inference, algorithm::convolution_direct,
                                                     xd, wAny, yDesc, strides, dil, padL, padR)
                   : dnnl::convolution_forward::desc(dnnl::prop_kind::forward_inference, algorithm::convolution_direct,
                                                     xd, wAny, bDesc, yDesc, strides, dil, padL, padR);
      return dnnl::convolution_forward::primitive_desc(d, attr, ctx.engine());
    };
    // Keep the activation in its current layout when oneDNN has a fast kernel for it (no reorder), else let
    // oneDNN pick and reorder at this region boundary.
    auto pd = makePd(memory::desc(toDnnlDims(x), sourceType(prec), any));
    requireFastImpl(prec, pd.impl_info_str());
    memory::desc cur = inputDesc(ctx, 0);
    if (!low && !(pd.src_desc() == cur)) {
      try {
        auto alt = makePd(cur);
        if (!isReferenceImpl(alt.impl_info_str())) pd = alt;
      } catch (const dnnl::error&) {
      }
    }
    if (!low) ctx.requireInputLayout(0, pd.src_desc());
    ctx.setOutputLayout(0, pd.dst_desc());

    auto step = std::make_unique<DnnlStep>(std::string(pd.impl_info_str()) + " " + describeDesc(pd.src_desc()) +
                                           "->" + describeDesc(pd.dst_desc()));
    if (m_residual >= 0) bindResidual(ctx, m_residual, pd.dst_desc(), false, *step);
    // Low precision: the step first converts the fp32 input into the primitive's source, in scratch.
    const int scratchAt = low ? addSourceConversion(ctx, 0, cur, pd.src_desc(), prec, *step) : 0;
    ctx.requestScratch(static_cast<std::size_t>(scratchAt) + pd.scratchpad_desc().get_size());
    const Tensor& weights = int8 ? m_int8.values : m_weights;
    memory::desc wPlain = plainDesc(Dims(wdims.begin(), wdims.end()), weights.dtype());
    DnnlCall call{dnnl::convolution_forward(pd), {}};
    call.args.push_back({DNNL_ARG_SRC, low ? DnnlArg::Src::Scratch : DnnlArg::Src::Input, 0, pd.src_desc(), {}});
    call.args.push_back({DNNL_ARG_WEIGHTS, DnnlArg::Src::Constant, 0, pd.weights_desc(),
                         m_cache.get(weights, wPlain, pd.weights_desc(), ctx.engine())});
    if (!bias.empty())
      call.args.push_back({DNNL_ARG_BIAS, DnnlArg::Src::Constant, 0, bDesc, memory(bDesc, ctx.engine(), bias.raw())});
    call.args.push_back({DNNL_ARG_DST, DnnlArg::Src::Output, 0, pd.dst_desc(), {}});
    call.args.push_back({DNNL_ARG_SCRATCHPAD, DnnlArg::Src::Scratch, scratchAt, pd.scratchpad_desc(), {}});
    step->add(std::move(call));
    return step;
  }

private:
  Node m_node;
  Tensor m_weights, m_bias;
  Int8Weights m_int8;  // int8 only
  std::int64_t m_group = 1;
  Window m_window;
  int m_residual = -1;
  WeightCache m_cache;
};

}  // namespace

std::unique_ptr<Kernel> makeConv(const KernelArgs& a) { return std::make_unique<ConvKernel>(a); }

}  // namespace e2e::runtime::cpu
