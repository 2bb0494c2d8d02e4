#include "e2e/runtime/passes/Passes.hpp"

namespace e2e::runtime {

void removeDeadNodes(Graph& g) {
  auto uses = g.useCounts();
  std::vector<bool> remove(g.nodes.size(), false);
  // Reverse topological order: removing a node releases its inputs before their producers are visited.
  for (std::size_t k = g.nodes.size(); k-- > 0;) {
    const Node& n = g.nodes[k];
    bool live = false;
    for (int o : n.outputs)
      if (o >= 0 && (uses[o] > 0 || g.isGraphOutput(o))) live = true;
    if (live) continue;
    remove[k] = true;
    for (int i : n.inputs)
      if (i >= 0) --uses[i];
  }
  g.eraseNodes(remove);
}

}  // namespace e2e::runtime
