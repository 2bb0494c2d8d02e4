// MaxPool / AveragePool on oneDNN pooling (blocked layouts pass straight through).
#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"
#include "e2e/runtime/kernels/cpu/Window.hpp"

namespace e2e::runtime::cpu {
namespace {

class PoolKernel final : public Kernel {
public:
  explicit PoolKernel(const KernelArgs& a) {
    const Node& n = a.node;
    m_max = n.opType == "MaxPool";
    if (m_max) {
      if (n.outputs.size() > 1 && n.outputs[1] >= 0) fail("the Indices output is not supported");
      if (n.attrs.getInt("storage_order", 0) != 0) fail("storage_order=1 is not supported");
    } else {
      m_includePad = n.attrs.getInt("count_include_pad", 0) != 0;
    }
    auto k = n.attrs.getInts("kernel_shape");
    if (k.empty()) fail("kernel_shape is required");
    m_window = Window::parse(n.attrs, k.size(), k, true, m_max);
  }

  void inferShapes(ShapeContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    if (ctx.inputType(0) != DType::Float32) fail("input of type ", dtypeName(ctx.inputType(0)), " is not supported");
    if (x.size() != m_window.kernel.size() + 2) fail("input rank ", x.size(), " does not match kernel_shape");
    Window w = m_window;
    auto sp = w.resolve(Dims(x.begin() + 2, x.end()));
    Dims y{x[0], x[1]};
    y.insert(y.end(), sp.begin(), sp.end());
    ctx.setOutput(0, DType::Float32, y);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    Window w = m_window;
    w.resolve(Dims(x.begin() + 2, x.end()));
    memory::dims strides(w.strides.begin(), w.strides.end()), kernel(w.kernel.begin(), w.kernel.end()),
        padL(w.padBegin.begin(), w.padBegin.end()), padR(w.padEnd.begin(), w.padEnd.end()), dil;
    for (auto d : w.dilations) dil.push_back(d - 1);
    auto alg = m_max ? dnnl::algorithm::pooling_max
                     : (m_includePad ? dnnl::algorithm::pooling_avg_include_padding : dnnl::algorithm::pooling_avg_exclude_padding);
    memory::desc src = inputDesc(ctx, 0);
    memory::desc dst = ctx.outputIsGraphOutput(0) ? plainDesc(ctx.outputDims(0))
                                                  : memory::desc(toDnnlDims(ctx.outputDims(0)), memory::data_type::f32, memory::format_tag::any);
    dnnl::primitive_attr attr;
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    dnnl::pooling_v2_forward::desc d(dnnl::prop_kind::forward_inference, alg, src, dst, strides, kernel, dil, padL, padR);
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
  bool m_max = true, m_includePad = false;
  Window m_window;
};

}  // namespace

std::unique_ptr<Kernel> makePool(const KernelArgs& a) { return std::make_unique<PoolKernel>(a); }

}  // namespace e2e::runtime::cpu
