#include "e2e/runtime/ir/Graph.hpp"

#include <algorithm>
#include <queue>

#include "e2e/core/Error.hpp"

namespace e2e::runtime {

std::string Node::label() const {
  std::string s = opType;
  for (const auto& p : postOps) s.append("+").append(p.op);
  if (precision.compute == DType::BFloat16) s.append(" [bf16]");
  if (precision.compute == DType::Int8) s.append(precision.inputUnsigned ? " [u8s8]" : " [s8s8]");
  return s;
}

int Graph::addValue(std::string valueName, DType dtype) {
  if (m_byName.count(valueName)) fail("value '", valueName, "' is defined twice");
  int id = static_cast<int>(values.size());
  m_byName.emplace(valueName, id);
  Value v;
  v.name = std::move(valueName);
  v.dtype = dtype;
  values.push_back(std::move(v));
  return id;
}

int Graph::addConstant(std::string valueName, Tensor t) {
  int id = addValue(std::move(valueName), t.dtype());
  values[id].dims = t.dims();
  values[id].hasShape = true;
  values[id].batchScale.assign(t.dims().size(), 0);
  values[id].constant = std::move(t);
  return id;
}

std::string Graph::uniqueName(const std::string& base) {
  if (!m_byName.count(base)) return base;
  for (int i = 1;; ++i) {
    std::string s = base + "_" + std::to_string(i);
    if (!m_byName.count(s)) return s;
  }
}

int Graph::findValue(const std::string& valueName) const {
  auto it = m_byName.find(valueName);
  return it == m_byName.end() ? -1 : it->second;
}

std::vector<int> Graph::producers() const {
  std::vector<int> p(values.size(), -1);
  for (std::size_t n = 0; n < nodes.size(); ++n)
    for (int o : nodes[n].outputs)
      if (o >= 0) p[o] = static_cast<int>(n);
  return p;
}

std::vector<int> Graph::useCounts() const {
  std::vector<int> c(values.size(), 0);
  for (const auto& n : nodes)
    for (int i : n.inputs)
      if (i >= 0) ++c[i];
  return c;
}

bool Graph::isGraphOutput(int value) const {
  return std::find(outputs.begin(), outputs.end(), value) != outputs.end();
}

bool Graph::isGraphInput(int value) const { return std::find(inputs.begin(), inputs.end(), value) != inputs.end(); }

void Graph::replaceUses(int from, int to) {
  for (auto& n : nodes)
    for (int& i : n.inputs)
      if (i == from) i = to;
}

void Graph::sortTopologically() {
  auto prod = producers();
  std::vector<int> pending(nodes.size(), 0);
  std::vector<std::vector<int>> users(nodes.size());
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    for (int i : nodes[n].inputs) {
      if (i < 0 || prod[i] < 0) continue;
      ++pending[n];
      users[prod[i]].push_back(static_cast<int>(n));
    }
  }
  // A min-heap on the original index keeps already-sorted graphs unchanged.
  std::priority_queue<int, std::vector<int>, std::greater<>> ready;
  for (std::size_t n = 0; n < nodes.size(); ++n)
    if (pending[n] == 0) ready.push(static_cast<int>(n));
  std::vector<Node> sorted;
  sorted.reserve(nodes.size());
  while (!ready.empty()) {
    int n = ready.top();
    ready.pop();
    for (int u : users[n])
      if (--pending[u] == 0) ready.push(u);
    sorted.push_back(std::move(nodes[n]));
  }
  if (sorted.size() != nodes.size()) fail("graph '", name, "' has a cycle");
  nodes = std::move(sorted);
}

void Graph::eraseNodes(const std::vector<bool>& remove) {
  std::vector<Node> kept;
  kept.reserve(nodes.size());
  for (std::size_t n = 0; n < nodes.size(); ++n)
    if (!remove[n]) kept.push_back(std::move(nodes[n]));
  nodes = std::move(kept);
}

}  // namespace e2e::runtime
