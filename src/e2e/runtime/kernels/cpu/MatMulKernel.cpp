// MatMul with numpy semantics (1-D promotion, broadcast batch dims) on oneDNN matmul. A constant 2-D B (the
// usual Linear layer) is reordered once and A's leading dims are folded into M, so [B,T,K] x [K,N] is one GEMM.
// Fused extras: optional input 2 = bias over N (from an absorbed Add), residual and activations as post-ops.
// In bf16/int8 mode (Node::precision, constant B only) A is converted in scratch and B once; dst stays fp32.
#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"
#include "e2e/runtime/kernels/cpu/LowPrecision.hpp"

namespace e2e::runtime::cpu {
namespace {

class MatMulKernel final : public Kernel {
public:
  explicit MatMulKernel(const KernelArgs& a) : m_node(a.node) {
    const Node& n = a.node;
    if (n.inputs.size() < 2) fail("needs two inputs");
    const Value& b = a.graph.values[n.inputs[1]];
    if (b.isConstant() && b.constant.dims().size() == 2 && b.constant.dtype() == DType::Float32) m_b = b.constant;
    if (n.inputs.size() > 2 && n.inputs[2] >= 0) {
      const Value& bias = a.graph.values[n.inputs[2]];
      if (!bias.isConstant()) fail("a fused bias must be constant");
      m_bias = bias.constant;
    }
    m_residual = residualInput(n.postOps);
    if (n.precision.compute == DType::Int8 && !m_b.empty()) {
      const std::int64_t cols = m_b.dims()[1];
      if (!m_bias.empty() && m_bias.numel() != cols) fail("fused bias has ", m_bias.numel(), " values for ", cols, " columns");
      m_int8 = quantiseInt8(n.precision, m_b, 1, m_bias.empty() ? m_bias : m_bias.reshaped({cols}));
    }
  }

  void inferShapes(ShapeContext& ctx) const override {
    Dims a = ctx.inputDims(0), b = ctx.inputDims(1);
    if (ctx.inputType(0) != DType::Float32 || ctx.inputType(1) != DType::Float32) fail("only float32 is supported");
    if (a.empty() || b.empty()) fail("scalar operands are not allowed");
    const bool vecA = a.size() == 1, vecB = b.size() == 1;
    if (vecA) a.insert(a.begin(), 1);
    if (vecB) b.push_back(1);
    if (a.back() != b[b.size() - 2]) fail("inner dimensions differ: ", dimsToString(ctx.inputDims(0)), " x ", dimsToString(ctx.inputDims(1)));
    const std::size_t rank = std::max(a.size(), b.size());
    Dims out(rank);
    for (std::size_t i = 0; i + 2 < rank; ++i) {
      std::int64_t da = i + a.size() >= rank ? a[i + a.size() - rank] : 1;
      std::int64_t db = i + b.size() >= rank ? b[i + b.size() - rank] : 1;
      if (da != db && da != 1 && db != 1) fail("batch dimensions do not broadcast");
      out[i] = std::max(da, db);
    }
    out[rank - 2] = a[a.size() - 2];
    out[rank - 1] = b.back();
    if (vecB) out.pop_back();
    if (vecA) out.erase(out.end() - (vecB ? 1 : 2));
    ctx.setOutput(0, DType::Float32, out);
  }

  double flops(const ShapeContext& ctx) const override {
    const Dims& a = ctx.inputDims(0);
    return 2.0 * static_cast<double>(numel(ctx.outputDims(0))) * static_cast<double>(a.back());
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    Dims a = ctx.inputDims(0), b = ctx.inputDims(1);
    ctx.requirePlainInput(0);
    if (m_b.empty()) ctx.requirePlainInput(1);
    if (a.size() == 1) a.insert(a.begin(), 1);
    if (b.size() == 1) b.push_back(1);
    const std::int64_t k = a.back(), n = b.back();
    memory::desc aDesc, bPlain, yDesc;
    if (b.size() == 2) {
      const std::int64_t m = numel(a) / k;
      aDesc = plainDesc({m, k});
      bPlain = plainDesc({k, n});
      yDesc = plainDesc({m, n});
    } else {
      const std::size_t rank = std::max(a.size(), b.size());
      while (a.size() < rank) a.insert(a.begin(), 1);
      while (b.size() < rank) b.insert(b.begin(), 1);
      Dims y(rank);
      for (std::size_t i = 0; i + 2 < rank; ++i) y[i] = std::max(a[i], b[i]);
      y[rank - 2] = a[rank - 2];
      y[rank - 1] = n;
      aDesc = plainDesc(a);
      bPlain = plainDesc(b);
      yDesc = plainDesc(y);
    }
    const bool constB = !m_b.empty();
    const NodePrecision& prec = constB ? m_node.precision : NodePrecision{};
    const bool low = isLowPrecision(prec), int8 = prec.compute == DType::Int8;
    const memory::desc aSrc = withType(aDesc, sourceType(prec));
    if (int8) bPlain = plainDesc({k, n}, DType::Int8);
    memory::desc bDesc = constB ? memory::desc(bPlain.dims(), weightsType(prec), memory::format_tag::any) : bPlain;
    memory::desc biasDesc;
    if (!m_bias.empty()) {
      Dims bd(yDesc.dims().size(), 1);
      bd.back() = n;
      if (m_bias.numel() != n) fail("fused bias has ", m_bias.numel(), " values for ", n, " columns");
      biasDesc = plainDesc(bd);
    }
    dnnl::primitive_attr attr;
    buildPostOps(m_node.postOps, attr);
    if (int8) attr.set_output_scales(1 << 1, m_int8.outputScales);  // per output column (constant B: 2-D dst)
    auto d = m_bias.empty() ? dnnl::matmul::desc(aSrc, bDesc, yDesc) : dnnl::matmul::desc(aSrc, bDesc, biasDesc, yDesc);
    dnnl::matmul::primitive_desc pd(d, attr, ctx.engine());
    requireFastImpl(prec, pd.impl_info_str());
    auto step = std::make_unique<DnnlStep>(pd.impl_info_str());
    if (m_residual >= 0) bindResidual(ctx, m_residual, yDesc, true, *step);
    const int scratchAt = low ? addSourceConversion(ctx, 0, aDesc, aSrc, prec, *step) : 0;
    ctx.requestScratch(static_cast<std::size_t>(scratchAt) + pd.scratchpad_desc().get_size());
    DnnlCall call{dnnl::matmul(pd), {}};
    call.args.push_back({DNNL_ARG_SRC, low ? DnnlArg::Src::Scratch : DnnlArg::Src::Input, 0, aSrc, {}});
    if (constB)
      call.args.push_back({DNNL_ARG_WEIGHTS, DnnlArg::Src::Constant, 0, pd.weights_desc(),
                           m_cache.get(int8 ? m_int8.values : m_b, bPlain, pd.weights_desc(), ctx.engine())});
    else
      call.args.push_back({DNNL_ARG_WEIGHTS, DnnlArg::Src::Input, 1, bPlain, {}});
    const Tensor& bias = int8 ? m_int8.bias : m_bias;
    if (!bias.empty())
      call.args.push_back({DNNL_ARG_BIAS, DnnlArg::Src::Constant, 0, biasDesc, memory(biasDesc, ctx.engine(), bias.raw())});
    call.args.push_back({DNNL_ARG_DST, DnnlArg::Src::Output, 0, yDesc, {}});
    call.args.push_back({DNNL_ARG_SCRATCHPAD, DnnlArg::Src::Scratch, scratchAt, pd.scratchpad_desc(), {}});
    step->add(std::move(call));
    return step;
  }

private:
  Node m_node;
  Tensor m_b, m_bias;
  int m_residual = -1;
  WeightCache m_cache;
  Int8Weights m_int8;  // int8 only
};

}  // namespace

std::unique_ptr<Kernel> makeMatMul(const KernelArgs& a) { return std::make_unique<MatMulKernel>(a); }

}  // namespace e2e::runtime::cpu
