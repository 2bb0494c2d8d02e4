#pragma once
// Helpers shared by the pattern-fusion passes (LayerNorm, GELU, attention): who produces and who reads a value,
// and the checks every match repeats (scalar constants, equal shapes, sole consumers).
#include <string>
#include <vector>

#include "e2e/runtime/ir/Graph.hpp"

namespace e2e::runtime {

// A read-only index of the graph, built once per pass. Matches must not overlap: a pass flags the nodes it
// consumes in `removed` and skips them afterwards, so the index stays valid while the pass rewrites nodes.
class PatternIndex {
public:
  explicit PatternIndex(const Graph& g);

  // The node producing `value`, or nullptr (graph input, constant, flagged as removed).
  const Node* producer(int value) const;
  int producerIndex(int value) const { return value >= 0 ? m_producer[value] : -1; }
  // The single node reading `value` (exactly once), provided `value` is not a graph output; else -1.
  int soleConsumer(int value) const;
  // Every node reading `value` (once per read).
  const std::vector<int>& consumers(int value) const { return m_consumers[value]; }
  bool isGraphOutput(int value) const { return m_graph.isGraphOutput(value); }

  std::vector<bool> removed;

private:
  const Graph& m_graph;
  std::vector<int> m_producer;
  std::vector<std::vector<int>> m_consumers;
};

// `value` is a float32 constant holding one element, of rank at most `maxRank` (so it broadcasts without
// changing the other operand's shape). Writes the element to `out`.
bool scalarConstant(const Graph& g, int value, std::size_t maxRank, float& out);
// Both values have inferred, identical shapes (symbolic batch dims included).
bool sameShape(const Value& a, const Value& b);
// For a two-input node reading `value`: the other input, or -1 (not a two-input node, or `value` is not
// exactly one of the inputs).
int otherInput(const Node& n, int value);
// `n` is a plain two-input ONNX node of this type (no fused extras).
bool isBinary(const Node& n, const char* opType);
// A name for a fused node in the scope of `anchor`: "/blocks.0/mlp/Erf" -> "/blocks.0/mlp/Gelu".
std::string fusedNodeName(const std::string& anchor, const std::string& op);
// Claims a match's nodes for one fused node. False when an earlier match already took any of them; otherwise
// flags all but the last in graph order as removed and returns that one: the fused node replaces it (every input
// of the pattern is produced before its last node).
bool claimPattern(PatternIndex& idx, const std::vector<int>& nodes, int& last);
// A node of the engine's own domain (kFusedDomain) named in the scope of node `anchor`, same opset.
Node fusedNode(const Graph& g, int anchor, const char* opType);
// a and b differ by at most `rel` of |b|.
bool nearlyEqual(float a, double b, double rel);

}  // namespace e2e::runtime
