#include "e2e/runtime/plan/ShapeInference.hpp"

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/KernelRegistry.hpp"
#include "e2e/runtime/plan/Evaluator.hpp"

namespace e2e::runtime {
Dims concreteInputDims(const Value& v, std::int64_t batch) {
  Dims d = v.dims;
  if (!d.empty() && d[0] == kDynamicDim) d[0] = batch;
  return d;
}

ShapeInfo inferGraphShapes(const Graph& graph, const std::vector<const Kernel*>& kernels, std::int64_t batch,
                           const dnnl::engine& engine) {
  ShapeInfo info;
  const std::size_t nv = graph.values.size();
  info.dims.resize(nv);
  info.types.assign(nv, DType::Undefined);
  info.values.assign(nv, nullptr);
  info.evaluated.assign(graph.nodes.size(), false);
  for (std::size_t v = 0; v < nv; ++v) {
    const Value& val = graph.values[v];
    if (val.isConstant()) {
      info.dims[v] = val.constant.dims();
      info.types[v] = val.dtype;
      info.values[v] = &val.constant;
    }
  }
  for (int in : graph.inputs) {
    info.dims[in] = concreteInputDims(graph.values[in], batch);
    info.types[in] = graph.values[in].dtype;
  }
  for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
    const Node& node = graph.nodes[n];
    const Kernel& k = *kernels[n];
    bool allKnown = true;
    for (std::size_t i = 0; i < node.inputs.size(); ++i) {
      int v = node.inputs[i];
      if (v < 0) continue;
      if (info.types[v] == DType::Undefined)
        throw std::logic_error(cat(nodeWhere(node), ": input ", i, " used before it is computed"));
      if (!info.values[v]) {
        allKnown = false;
        if (k.shapeNeedsValue(static_cast<int>(i)))
          fail(nodeWhere(node), ": input ", i, " ('", graph.values[v].name,
               "') must be computable from constants and input shapes, but depends on input data");
      }
    }
    InfoShapeContext ctx(node, info);
    try {
      k.inferShapes(ctx);
    } catch (const Error& e) {
      throw Error(cat(nodeWhere(node), ": ", e.what()));
    }
    for (std::size_t o = 0; o < node.outputs.size(); ++o)
      if (node.outputs[o] >= 0 && info.types[node.outputs[o]] == DType::Undefined)
        throw std::logic_error(cat(nodeWhere(node), ": kernel did not set output ", o));
    if (!(allKnown || k.dependsOnlyOnShapes())) continue;
    std::vector<const Tensor*> ins;
    std::vector<Dims> inDims;
    std::vector<DType> inTypes;
    for (int v : node.inputs) {
      ins.push_back(v >= 0 ? info.values[v] : nullptr);  // shape-only inputs: data never read
      inDims.push_back(v >= 0 ? info.dims[v] : Dims{});
      inTypes.push_back(v >= 0 ? info.types[v] : DType::Undefined);
    }
    std::vector<DType> outTypes;
    std::vector<Dims> outDims;
    for (int o : node.outputs) {
      outTypes.push_back(o >= 0 ? info.types[o] : DType::Undefined);
      outDims.push_back(o >= 0 ? info.dims[o] : Dims{});
    }
    std::vector<Tensor> outs;
    try {
      outs = evaluateNode(k, node, ins, inTypes, inDims, outTypes, outDims, engine);
    } catch (const Error& e) {
      throw Error(cat(nodeWhere(node), ": ", e.what()));
    }
    for (std::size_t o = 0; o < node.outputs.size(); ++o) {
      if (node.outputs[o] < 0) continue;
      info.owned.push_back(std::make_unique<Tensor>(std::move(outs[o])));
      info.values[node.outputs[o]] = info.owned.back().get();
    }
    info.evaluated[n] = true;
  }
  return info;
}

}  // namespace e2e::runtime
