#include "e2e/runtime/passes/Passes.hpp"

#include <cmath>

namespace e2e::runtime {
namespace {

bool allConstant(const Graph& g, const Node& n, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i)
    if (i >= n.inputs.size() || n.inputs[i] < 0 || !g.values[n.inputs[i]].isConstant()) return false;
  return true;
}

}  // namespace

void foldBatchNorm(Graph& g) {
  auto prod = g.producers();
  auto uses = g.useCounts();
  std::vector<bool> remove(g.nodes.size(), false);
  for (std::size_t k = 0; k < g.nodes.size(); ++k) {
    const Node& bn = g.nodes[k];
    if (bn.opType != "BatchNormalization" || !allConstant(g, bn, 1, 5)) continue;
    if (bn.attrs.getInt("training_mode", 0) != 0) continue;
    bool extraOutputs = false;
    for (std::size_t o = 1; o < bn.outputs.size(); ++o)
      if (bn.outputs[o] >= 0 && (uses[bn.outputs[o]] > 0 || g.isGraphOutput(bn.outputs[o]))) extraOutputs = true;
    int x = bn.inputs[0];
    if (extraOutputs || prod[x] < 0 || uses[x] != 1 || g.isGraphOutput(x)) continue;
    Node& conv = g.nodes[prod[x]];
    if (conv.opType != "Conv" || !conv.postOps.empty() || !g.values[conv.inputs[1]].isConstant()) continue;
    if (conv.inputs.size() > 2 && conv.inputs[2] >= 0 && !g.values[conv.inputs[2]].isConstant()) continue;
    const Tensor& w = g.values[conv.inputs[1]].constant;
    if (w.dtype() != DType::Float32) continue;
    const std::int64_t oc = w.dims()[0];
    auto scale = g.values[bn.inputs[1]].constant.toFloats();
    auto shift = g.values[bn.inputs[2]].constant.toFloats();
    auto mean = g.values[bn.inputs[3]].constant.toFloats();
    auto var = g.values[bn.inputs[4]].constant.toFloats();
    if (static_cast<std::int64_t>(scale.size()) != oc || shift.size() != scale.size() || mean.size() != scale.size() ||
        var.size() != scale.size())
      continue;
    const float eps = bn.attrs.getFloat("epsilon", 1e-5f);
    bn.attrs.getFloat("momentum", 0.9f);
    Tensor nw = w.clone();
    const std::int64_t per = w.numel() / oc;
    std::vector<float> bias(oc, 0.f);
    if (conv.inputs.size() > 2 && conv.inputs[2] >= 0) bias = g.values[conv.inputs[2]].constant.toFloats();
    for (std::int64_t c = 0; c < oc; ++c) {
      // Double precision keeps the folded model within float rounding of the unfolded one.
      double s = scale[c] / std::sqrt(static_cast<double>(var[c]) + eps);
      for (std::int64_t j = 0; j < per; ++j) nw.data<float>()[c * per + j] = static_cast<float>(nw.data<float>()[c * per + j] * s);
      bias[c] = static_cast<float>((bias[c] - mean[c]) * s + shift[c]);
    }
    int wId = g.addConstant(g.uniqueName(conv.name + ".w_bn"), std::move(nw));
    int bId = g.addConstant(g.uniqueName(conv.name + ".b_bn"), Tensor::fromFloats({oc}, bias));
    conv.inputs.resize(3, -1);
    conv.inputs[1] = wId;
    conv.inputs[2] = bId;
    conv.outputs[0] = bn.outputs[0];
    remove[k] = true;
  }
  g.eraseNodes(remove);
}

}  // namespace e2e::runtime
