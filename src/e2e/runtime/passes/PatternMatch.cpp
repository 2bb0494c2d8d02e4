#include "e2e/runtime/passes/PatternMatch.hpp"

#include <algorithm>
#include <cmath>

#include "e2e/runtime/ir/FusedOps.hpp"

namespace e2e::runtime {

PatternIndex::PatternIndex(const Graph& g)
    : removed(g.nodes.size(), false), m_graph(g), m_producer(g.values.size(), -1), m_consumers(g.values.size()) {
  for (std::size_t n = 0; n < g.nodes.size(); ++n) {
    for (int o : g.nodes[n].outputs)
      if (o >= 0) m_producer[o] = static_cast<int>(n);
    for (int i : g.nodes[n].inputs)
      if (i >= 0) m_consumers[i].push_back(static_cast<int>(n));
  }
}

const Node* PatternIndex::producer(int value) const {
  const int p = producerIndex(value);
  return p < 0 || removed[p] ? nullptr : &m_graph.nodes[p];
}

int PatternIndex::soleConsumer(int value) const {
  if (value < 0 || m_consumers[value].size() != 1 || isGraphOutput(value)) return -1;
  const int c = m_consumers[value].front();
  return removed[c] ? -1 : c;
}

bool scalarConstant(const Graph& g, int value, std::size_t maxRank, float& out) {
  if (value < 0 || !g.values[value].isConstant()) return false;
  const Tensor& t = g.values[value].constant;
  if (t.dtype() != DType::Float32 || t.numel() != 1 || t.dims().size() > maxRank) return false;
  out = *t.data<float>();
  return true;
}

bool sameShape(const Value& a, const Value& b) {
  return a.hasShape && b.hasShape && a.dims == b.dims && a.batchScale == b.batchScale;
}

int otherInput(const Node& n, int value) {
  if (n.inputs.size() != 2) return -1;
  if (n.inputs[0] == value && n.inputs[1] != value) return n.inputs[1];
  if (n.inputs[1] == value && n.inputs[0] != value) return n.inputs[0];
  return -1;
}

bool isBinary(const Node& n, const char* opType) {
  return n.opType == opType && n.domain.empty() && n.inputs.size() == 2 && n.outputs.size() == 1 && n.postOps.empty();
}

std::string fusedNodeName(const std::string& anchor, const std::string& op) {
  const auto slash = anchor.rfind('/');
  return slash == std::string::npos ? anchor + "_" + op : anchor.substr(0, slash + 1) + op;
}

bool claimPattern(PatternIndex& idx, const std::vector<int>& nodes, int& last) {
  for (int n : nodes)
    if (idx.removed[n]) return false;
  last = *std::max_element(nodes.begin(), nodes.end());
  for (int n : nodes) idx.removed[n] = n != last;
  return true;
}

Node fusedNode(const Graph& g, int anchor, const char* opType) {
  const Node& a = g.nodes[anchor];
  Node n;
  n.name = fusedNodeName(a.name, opType);
  n.opType = opType;
  n.domain = kFusedDomain;
  n.opset = a.opset;
  return n;
}

bool nearlyEqual(float a, double b, double rel) { return std::abs(static_cast<double>(a) - b) <= rel * std::abs(b); }

}  // namespace e2e::runtime
