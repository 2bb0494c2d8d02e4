#include "e2e/runtime/passes/Passes.hpp"

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/KernelRegistry.hpp"
#include "e2e/runtime/plan/Evaluator.hpp"

namespace e2e::runtime {
namespace {

class ConstShapeContext final : public ShapeContext {
public:
  ConstShapeContext(const Node& n, const Graph& g) : m_node(n), m_graph(g), m_outDims(n.outputs.size()),
                                                     m_outTypes(n.outputs.size(), DType::Undefined) {}
  const Node& node() const override { return m_node; }
  const Dims& inputDims(int i) const override { return m_graph.values[m_node.inputs[i]].constant.dims(); }
  DType inputType(int i) const override { return m_graph.values[m_node.inputs[i]].constant.dtype(); }
  const Tensor* inputValue(int i) const override { return &m_graph.values[m_node.inputs[i]].constant; }
  void setOutput(int i, DType t, Dims d) override {
    m_outTypes[i] = t;
    m_outDims[i] = std::move(d);
  }
  const Dims& outputDims(int i) const override { return m_outDims[i]; }

  const Node& m_node;
  const Graph& m_graph;
  std::vector<Dims> m_outDims;
  std::vector<DType> m_outTypes;
};

}  // namespace

void foldConstants(Graph& g, const dnnl::engine& engine) {
  std::vector<bool> remove(g.nodes.size(), false);
  for (std::size_t k = 0; k < g.nodes.size(); ++k) {
    const Node& n = g.nodes[k];
    bool allConst = !n.inputs.empty();
    for (int i : n.inputs)
      if (i >= 0 && !g.values[i].isConstant()) allConst = false;
    if (!allConst) continue;
    auto kernel = createKernel(Backend::Cpu, n, g);
    ConstShapeContext ctx(n, g);
    std::vector<const Tensor*> ins;
    std::vector<DType> inTypes;
    std::vector<Dims> inDims;
    for (int i : n.inputs) {
      ins.push_back(i >= 0 ? &g.values[i].constant : nullptr);
      inTypes.push_back(i >= 0 ? g.values[i].dtype : DType::Undefined);
      inDims.push_back(i >= 0 ? g.values[i].constant.dims() : Dims{});
    }
    std::vector<Tensor> outs;
    try {
      kernel->inferShapes(ctx);
      outs = evaluateNode(*kernel, n, ins, inTypes, inDims, ctx.m_outTypes, ctx.m_outDims, engine);
    } catch (const Error& e) {
      throw Error(cat(nodeWhere(n), ": ", e.what()));
    }
    for (std::size_t o = 0; o < n.outputs.size(); ++o) {
      if (n.outputs[o] < 0) continue;
      Value& v = g.values[n.outputs[o]];
      v.dtype = outs[o].dtype();
      v.dims = outs[o].dims();
      v.hasShape = true;
      v.batchScale.assign(v.dims.size(), 0);
      v.constant = std::move(outs[o]);
    }
    remove[k] = true;
  }
  g.eraseNodes(remove);
}

}  // namespace e2e::runtime
