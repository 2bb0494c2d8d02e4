#include "e2e/runtime/passes/Passes.hpp"

namespace e2e::runtime {

namespace {
// Dropout is an identity at inference unless its training_mode input is a constant true.
bool isInferenceDropout(const Graph& g, const Node& n, const std::vector<int>& uses) {
  if (n.opType != "Dropout") return false;
  if (n.outputs.size() > 1 && n.outputs[1] >= 0 && (uses[n.outputs[1]] > 0 || g.isGraphOutput(n.outputs[1])))
    return false;
  if (n.inputs.size() > 2 && n.inputs[2] >= 0) {
    const Value& tm = g.values[n.inputs[2]];
    if (!tm.isConstant() || tm.constant.toInt64().at(0) != 0) return false;
  }
  return true;
}
}  // namespace

void eliminateIdentities(Graph& g) {
  auto uses = g.useCounts();
  std::vector<bool> remove(g.nodes.size(), false);
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    Node& n = g.nodes[i];
    if (n.opType != "Identity" && !isInferenceDropout(g, n, uses)) continue;
    int in = n.inputs.at(0), out = n.outputs.at(0);
    // A graph output keeps its name: the node stays and becomes a copy into the caller's buffer.
    if (g.isGraphOutput(out)) continue;
    g.replaceUses(out, in);
    remove[i] = true;
  }
  g.eraseNodes(remove);
}

}  // namespace e2e::runtime
