// Gemm (Y = alpha op(A) op(B) + beta C) on oneDNN matmul. A constant B is reordered once (transposition
// included) into the layout oneDNN prefers; alpha is folded into it. In bf16/int8 mode (Node::precision, constant B
// only) A is converted in scratch and B once (int8: per output column); dst stays fp32.
#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"
#include "e2e/runtime/kernels/cpu/LowPrecision.hpp"

namespace e2e::runtime::cpu {
namespace {

class GemmKernel final : public Kernel {
public:
  explicit GemmKernel(const KernelArgs& a) : m_node(a.node) {
    const Node& n = a.node;
    m_transA = n.attrs.getInt("transA", 0) != 0;
    m_transB = n.attrs.getInt("transB", 0) != 0;
    m_alpha = n.attrs.getFloat("alpha", 1.f);
    float beta = n.attrs.getFloat("beta", 1.f);
    if (n.inputs.size() < 2) fail("needs A and B");
    const Value& b = a.graph.values[n.inputs[1]];
    if (b.isConstant()) {
      if (b.constant.dtype() != DType::Float32) fail("B of type ", dtypeName(b.constant.dtype()), " is not supported");
      m_b = b.constant;
      if (m_alpha != 1.f) {
        m_b = m_b.clone();
        for (std::int64_t i = 0; i < m_b.numel(); ++i) m_b.data<float>()[i] *= m_alpha;
      }
    }
    if (n.inputs.size() > 2 && n.inputs[2] >= 0) {
      const Value& c = a.graph.values[n.inputs[2]];
      if (c.isConstant()) {
        m_c = c.constant.clone();
        if (m_c.dtype() != DType::Float32) fail("C of type ", dtypeName(m_c.dtype()), " is not supported");
        for (std::int64_t i = 0; i < m_c.numel(); ++i) m_c.data<float>()[i] *= beta;
      } else if (beta != 1.f) {
        fail("beta other than 1 needs a constant C");
      }
      m_hasC = true;
    }
    if (m_b.empty() && m_alpha != 1.f) fail("alpha other than 1 needs a constant B");
    m_residual = residualInput(n.postOps);
    if (n.precision.compute == DType::Int8 && !m_b.empty()) {
      const std::int64_t cols = m_b.dims()[m_transB ? 0 : 1];
      Tensor bias;  // C as one value per output column
      if (m_hasC) {
        if (m_c.empty() || (m_c.numel() != 1 && m_c.numel() != cols) || (m_c.dims().size() > 1 && m_c.dims()[0] != 1))
          fail("int8: C must be a constant of 1 or ", cols, " values (one per output column)");
        bias = m_c.numel() == cols ? m_c.reshaped({cols})
                                   : Tensor::fromFloats({cols}, std::vector<float>(static_cast<std::size_t>(cols), m_c.data<float>()[0]));
      }
      m_int8 = quantiseInt8(n.precision, m_b, m_transB ? 0 : 1, bias);
    }
  }

  void inferShapes(ShapeContext& ctx) const override {
    const Dims& a = ctx.inputDims(0);
    const Dims& b = ctx.inputDims(1);
    if (a.size() != 2 || b.size() != 2) fail("A and B must be 2-D");
    if (ctx.inputType(0) != DType::Float32 || ctx.inputType(1) != DType::Float32) fail("only float32 is supported");
    std::int64_t m = m_transA ? a[1] : a[0], k = m_transA ? a[0] : a[1];
    std::int64_t kb = m_transB ? b[1] : b[0], nn = m_transB ? b[0] : b[1];
    if (k != kb) fail("inner dimensions differ: ", k, " vs ", kb);
    if (m_hasC) {
      const Dims& c = ctx.inputDims(2);
      if (c.size() > 2 || (!c.empty() && c.back() != 1 && c.back() != nn) ||
          (c.size() == 2 && c[0] != 1 && c[0] != m))
        fail("C ", dimsToString(c), " does not broadcast to [", m, ",", nn, "]");
    }
    ctx.setOutput(0, DType::Float32, {m, nn});
  }

  double flops(const ShapeContext& ctx) const override {
    const Dims& a = ctx.inputDims(0);
    const Dims& y = ctx.outputDims(0);
    return 2.0 * static_cast<double>(y[0] * y[1]) * static_cast<double>(m_transA ? a[0] : a[1]);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    const Dims& y = ctx.outputDims(0);
    const std::int64_t m = y[0], n = y[1];
    const std::int64_t k = m_transA ? ctx.inputDims(0)[0] : ctx.inputDims(0)[1];
    const auto f32 = memory::data_type::f32;
    const NodePrecision& prec = m_b.empty() ? NodePrecision{} : m_node.precision;
    const bool low = isLowPrecision(prec), int8 = prec.compute == DType::Int8;
    ctx.requirePlainInput(0);
    const memory::dims aStrides = m_transA ? memory::dims{1, m} : memory::dims{k, 1};
    memory::desc aDesc({m, k}, f32, aStrides), aSrc({m, k}, sourceType(prec), aStrides);
    const memory::dims bStrides = m_transB ? memory::dims{1, k} : memory::dims{n, 1};
    memory::desc bPlain({k, n}, int8 ? memory::data_type::s8 : f32, bStrides);
    memory::desc bDesc = m_b.empty() ? bPlain : memory::desc({k, n}, weightsType(prec), memory::format_tag::any);
    memory::desc yDesc({m, n}, f32, memory::format_tag::ab);
    memory::desc cDesc;
    if (m_hasC) {
      Dims c = int8 ? Dims{1, n} : ctx.inputDims(2);
      while (c.size() < 2) c.insert(c.begin(), 1);
      cDesc = plainDesc(c);
      if (m_c.empty()) ctx.requirePlainInput(2);
    }
    dnnl::primitive_attr attr;
    buildPostOps(m_node.postOps, attr);
    if (int8) attr.set_output_scales(1 << 1, m_int8.outputScales);  // per output column
    auto d = m_hasC ? dnnl::matmul::desc(aSrc, bDesc, cDesc, yDesc) : dnnl::matmul::desc(aSrc, bDesc, yDesc);
    dnnl::matmul::primitive_desc pd(d, attr, ctx.engine());
    requireFastImpl(prec, pd.impl_info_str());
    if (m_b.empty()) ctx.requirePlainInput(1);
    auto step = std::make_unique<DnnlStep>(pd.impl_info_str());
    if (m_residual >= 0) bindResidual(ctx, m_residual, yDesc, true, *step);
    const int scratchAt = low ? addSourceConversion(ctx, 0, aDesc, aSrc, prec, *step) : 0;
    ctx.requestScratch(static_cast<std::size_t>(scratchAt) + pd.scratchpad_desc().get_size());
    DnnlCall call{dnnl::matmul(pd), {}};
    call.args.push_back({DNNL_ARG_SRC, low ? DnnlArg::Src::Scratch : DnnlArg::Src::Input, 0, aSrc, {}});
    if (m_b.empty())
      call.args.push_back({DNNL_ARG_WEIGHTS, DnnlArg::Src::Input, 1, bPlain, {}});
    else
      call.args.push_back({DNNL_ARG_WEIGHTS, DnnlArg::Src::Constant, 0, pd.weights_desc(),
                           m_cache.get(int8 ? m_int8.values : m_b, bPlain, pd.weights_desc(), ctx.engine())});
    if (m_hasC) {
      const Tensor& c = int8 ? m_int8.bias : m_c;
      if (c.empty())
        call.args.push_back({DNNL_ARG_BIAS, DnnlArg::Src::Input, 2, cDesc, {}});
      else
        call.args.push_back({DNNL_ARG_BIAS, DnnlArg::Src::Constant, 0, cDesc, memory(cDesc, ctx.engine(), c.raw())});
    }
    call.args.push_back({DNNL_ARG_DST, DnnlArg::Src::Output, 0, yDesc, {}});
    call.args.push_back({DNNL_ARG_SCRATCHPAD, DnnlArg::Src::Scratch, scratchAt, pd.scratchpad_desc(), {}});
    step->add(std::move(call));
    return step;
  }

private:
  Node m_node;
  bool m_transA = false, m_transB = false, m_hasC = false;
  float m_alpha = 1.f;
  Tensor m_b, m_c;
  int m_residual = -1;
  WeightCache m_cache;
  Int8Weights m_int8;  // int8 only
};

}  // namespace

std::unique_ptr<Kernel> makeGemm(const KernelArgs& a) { return std::make_unique<GemmKernel>(a); }

}  // namespace e2e::runtime::cpu
