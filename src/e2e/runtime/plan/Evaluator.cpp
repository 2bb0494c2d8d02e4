#include "e2e/runtime/plan/Evaluator.hpp"

#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"

namespace e2e::runtime {
namespace {

using cpu::plainDesc;

class EvalContext final : public PlanContext, public BindContext {
public:
  EvalContext(const Node& node, const std::vector<const Tensor*>& inputs, const std::vector<DType>& inTypes,
              const std::vector<Dims>& inDims, const std::vector<DType>& outTypes, const std::vector<Dims>& outDims,
              const dnnl::engine& engine)
      : m_node(node), m_inputs(inputs), m_inTypes(inTypes), m_inDims(inDims), m_outTypes(outTypes),
        m_outDims(outDims), m_engine(engine), m_inPtr(inputs.size(), nullptr), m_outLayout(outDims.size()),
        m_alias(outDims.size(), -1) {
    for (std::size_t i = 0; i < inputs.size(); ++i) m_inPtr[i] = inputs[i] ? inputs[i]->raw() : nullptr;
  }

  // PlanContext
  const Node& node() const override { return m_node; }
  int threads() const override { return 1; }
  const dnnl::engine& engine() const override { return m_engine; }
  const Dims& inputDims(int i) const override { return m_inDims[i]; }
  DType inputType(int i) const override { return m_inTypes[i]; }
  const Tensor* inputValue(int i) const override { return m_inputs[i]; }
  const Layout& inputLayout(int i) const override { return m_plain; }
  const Dims& outputDims(int i) const override { return m_outDims[i]; }
  DType outputType(int i) const override { return m_outTypes[i]; }
  bool outputIsGraphOutput(int) const override { return false; }
  void requireInputLayout(int i, const dnnl::memory::desc& md) override {
    if (cpu::isPlainDesc(md, inputDims(i), inputType(i))) return;
    auto& buf = m_temps.emplace_back(md.get_size());
    dnnl::memory src(plainDesc(inputDims(i), inputType(i)), m_engine, m_inPtr[i]);
    dnnl::memory dst(md, m_engine, buf.data());
    dnnl::stream s(m_engine);
    dnnl::reorder(src, dst).execute(s, src, dst);
    s.wait();
    m_inPtr[i] = buf.data();
  }
  void requirePlainInput(int) override {}
  void setOutputLayout(int i, const dnnl::memory::desc& md) override {
    if (!cpu::isPlainDesc(md, m_outDims[i], m_outTypes[i])) m_outLayout[i] = md;
  }
  void aliasOutput(int out, int in) override { m_alias[out] = in; }
  bool tryInPlace(int, int) override { return false; }
  void requestScratch(std::size_t bytes) override { m_scratchBytes = std::max(m_scratchBytes, bytes); }

  // BindContext
  std::byte* in(int i) const override { return m_inPtr[i]; }
  std::byte* out(int i) const override { return m_outPtr[i]; }
  std::byte* scratch() const override { return m_scratch.data(); }

  std::vector<Tensor> run(const Step& step) {
    std::vector<Tensor> outs(m_outDims.size());
    m_outPtr.assign(m_outDims.size(), nullptr);
    for (std::size_t o = 0; o < m_outDims.size(); ++o) {
      if (!m_node.outputs.empty() && m_node.outputs[o] < 0 && m_outTypes[o] == DType::Undefined) continue;
      if (m_alias[o] >= 0) continue;
      outs[o] = Tensor(m_outTypes[o], m_outDims[o]);
      if (m_outLayout[o].get_size() != 0) {
        m_temps.emplace_back(m_outLayout[o].get_size());
        m_outPtr[o] = m_temps.back().data();
      } else {
        m_outPtr[o] = outs[o].raw();
      }
    }
    m_scratch = AlignedBuffer(m_scratchBytes);
    auto state = step.bind(*this);
    dnnl::stream s(m_engine);
    ExecContext ctx;
    ctx.inputs = m_inPtr.data();
    ctx.outputs = m_outPtr.data();
    ctx.scratchBase = m_scratch.data();
    ctx.stream = &s;
    ctx.state = state.get();
    ctx.threads = 1;
    step.run(ctx);
    s.wait();
    for (std::size_t o = 0; o < m_outDims.size(); ++o) {
      if (m_alias[o] >= 0) {
        if (!m_inputs[m_alias[o]]) throw std::logic_error("alias of an input without data");
        outs[o] = m_inputs[m_alias[o]]->reshaped(m_outDims[o]);
      } else if (m_outLayout[o].get_size() != 0) {
        dnnl::memory src(m_outLayout[o], m_engine, m_outPtr[o]);
        dnnl::memory dst(plainDesc(m_outDims[o], m_outTypes[o]), m_engine, outs[o].raw());
        dnnl::reorder(src, dst).execute(s, src, dst);
        s.wait();
      }
    }
    return outs;
  }

private:
  const Node& m_node;
  const std::vector<const Tensor*>& m_inputs;
  const std::vector<DType>& m_inTypes;
  const std::vector<Dims>& m_inDims;
  const std::vector<DType>& m_outTypes;
  const std::vector<Dims>& m_outDims;
  const dnnl::engine& m_engine;
  std::vector<std::byte*> m_inPtr, m_outPtr;
  std::vector<dnnl::memory::desc> m_outLayout;
  std::vector<int> m_alias;
  std::vector<AlignedBuffer> m_temps;
  AlignedBuffer m_scratch;
  std::size_t m_scratchBytes = 0;
  Layout m_plain;
};

}  // namespace

std::vector<Tensor> evaluateNode(const Kernel& kernel, const Node& node, const std::vector<const Tensor*>& inputs,
                                 const std::vector<DType>& inTypes, const std::vector<Dims>& inDims,
                                 const std::vector<DType>& outTypes, const std::vector<Dims>& outDims,
                                 const dnnl::engine& engine) {
  EvalContext ctx(node, inputs, inTypes, inDims, outTypes, outDims, engine);
  auto step = kernel.plan(ctx);
  return ctx.run(*step);
}

}  // namespace e2e::runtime
