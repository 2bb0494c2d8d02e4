#pragma once
// Concrete shape inference for one batch size. Nodes whose outputs are computable without running the model
// (constants, shape subgraphs) are evaluated on the way, so Reshape & co. see their target shapes as values.
#include <oneapi/dnnl/dnnl.hpp>

#include <memory>
#include <vector>

#include "e2e/runtime/kernels/Kernel.hpp"

namespace e2e::runtime {

struct ShapeInfo {
  std::vector<Dims> dims;              // per value
  std::vector<DType> types;            // per value
  std::vector<const Tensor*> values;   // per value: known data or nullptr
  std::vector<bool> evaluated;         // per node: computed here, needs no step at run time
  std::vector<std::unique_ptr<Tensor>> owned;
};

// A ShapeContext over a ShapeInfo (shape inference, FLOP counting).
class InfoShapeContext final : public ShapeContext {
public:
  InfoShapeContext(const Node& node, ShapeInfo& info) : m_node(node), m_info(info) {}
  const Node& node() const override { return m_node; }
  const Dims& inputDims(int i) const override { return m_info.dims[m_node.inputs[i]]; }
  DType inputType(int i) const override { return m_info.types[m_node.inputs[i]]; }
  const Tensor* inputValue(int i) const override { return m_info.values[m_node.inputs[i]]; }
  void setOutput(int i, DType dtype, Dims dims) override {
    if (!hasOutput(i)) return;
    m_info.types[m_node.outputs[i]] = dtype;
    m_info.dims[m_node.outputs[i]] = std::move(dims);
  }
  const Dims& outputDims(int i) const override { return m_info.dims[m_node.outputs[i]]; }

private:
  const Node& m_node;
  ShapeInfo& m_info;
};

// Concrete input dims for a batch: a leading kDynamicDim becomes `batch`.
Dims concreteInputDims(const Value& v, std::int64_t batch);

ShapeInfo inferGraphShapes(const Graph& graph, const std::vector<const Kernel*>& kernels, std::int64_t batch,
                           const dnnl::engine& engine);

}  // namespace e2e::runtime
