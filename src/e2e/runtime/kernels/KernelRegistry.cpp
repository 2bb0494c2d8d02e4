#include "e2e/runtime/kernels/KernelRegistry.hpp"

#include "e2e/core/Error.hpp"

namespace e2e::runtime {

std::string nodeWhere(const Node& node) {
  return cat("node '", node.name, "' (", node.opType, ", opset ", node.opset, ")");
}

const KernelEntry* findKernel(Backend backend, const std::string& opType, int opset) {
  (void)backend;  // one backend so far; CUDA adds its own table
  for (const auto& e : cpuKernelTable())
    if (opType == e.opType && opset >= e.sinceOpset && opset <= e.untilOpset) return &e;
  return nullptr;
}

std::unique_ptr<Kernel> createKernel(Backend backend, const Node& node, const Graph& graph) {
  const KernelEntry* e = findKernel(backend, node.opType, node.opset);
  if (!e) fail(nodeWhere(node), ": unsupported operator");
  node.attrs.resetReads();
  std::unique_ptr<Kernel> k;
  try {
    k = e->factory(KernelArgs{node, graph, node.opset});
  } catch (const Error& err) {
    throw Error(cat(nodeWhere(node), ": ", err.what()));
  }
  auto unread = node.attrs.unread();
  if (!unread.empty()) fail(nodeWhere(node), ": unsupported attribute '", unread.front(), "'");
  return k;
}

}  // namespace e2e::runtime
