// GELU as PyTorch exports nn.GELU / F.gelu (approximate='none'): x * 0.5 * (1 + erf(x / sqrt(2))), written
//   Div(x, sqrt2) | Mul(x, 1/sqrt2) -> Erf -> Add(1) -> then one of
//     Mul(x, .) -> Mul(., 0.5)          (torch.onnx 1.13)
//     Mul(., 0.5) -> Mul(x, .)
//     Mul(Mul(x, 0.5), .)
// with either operand order on every commutative node. Becomes one `Gelu` node (domain e2e), which fusePostOps
// then folds into a preceding Conv/Gemm/MatMul as oneDNN's eltwise_gelu_erf post-op.
#include <cmath>

#include "e2e/runtime/ir/FusedOps.hpp"
#include "e2e/runtime/passes/PatternMatch.hpp"
#include "e2e/runtime/passes/Passes.hpp"

namespace e2e::runtime {
namespace {

constexpr double kSqrt2 = 1.4142135623730951;
constexpr double kTolerance = 1e-6;  // relative, on the exported float constants

struct GeluMatch {
  int x = -1;
  std::vector<int> nodes;  // every node of the pattern; the last one is replaced by Gelu
};

// The value `n` multiplies by the scalar constant `c`, or -1.
int scaledOperand(const Graph& g, const Node& n, std::size_t rank, double c) {
  if (!isBinary(n, "Mul")) return -1;
  for (int i = 0; i < 2; ++i) {
    float v;
    if (scalarConstant(g, n.inputs[i], rank, v) && v == static_cast<float>(c) && !g.values[n.inputs[1 - i]].isConstant())
      return n.inputs[1 - i];
  }
  return -1;
}

bool matchGelu(const Graph& g, const PatternIndex& idx, int erfIndex, GeluMatch& m) {
  const Node& erf = g.nodes[erfIndex];
  if (erf.inputs.size() != 1 || !erf.postOps.empty()) return false;
  const int u = erf.inputs[0];
  const Node* scale = idx.producer(u);
  if (!scale || idx.soleConsumer(u) != erfIndex) return false;
  // x / sqrt(2) or x * (1 / sqrt(2))
  int x = -1;
  float c;
  if (isBinary(*scale, "Div") && !g.values[scale->inputs[0]].isConstant()) {
    const Value& xv = g.values[scale->inputs[0]];
    if (xv.hasShape && scalarConstant(g, scale->inputs[1], xv.dims.size(), c) && nearlyEqual(c, kSqrt2, kTolerance))
      x = scale->inputs[0];
  } else if (isBinary(*scale, "Mul")) {
    for (int i = 0; i < 2 && x < 0; ++i) {
      const Value& xv = g.values[scale->inputs[1 - i]];
      if (!xv.isConstant() && xv.hasShape && scalarConstant(g, scale->inputs[i], xv.dims.size(), c) &&
          nearlyEqual(c, 1.0 / kSqrt2, kTolerance))
        x = scale->inputs[1 - i];
    }
  }
  if (x < 0) return false;
  const Value& xv = g.values[x];
  const std::size_t rank = xv.dims.size();
  if (xv.dtype != DType::Float32) return false;
  m.x = x;
  m.nodes = {idx.producerIndex(u), erfIndex};
  // 1 + erf
  const int addIndex = idx.soleConsumer(erf.outputs[0]);
  if (addIndex < 0 || !isBinary(g.nodes[addIndex], "Add")) return false;
  const Node& add = g.nodes[addIndex];
  if (!scalarConstant(g, otherInput(add, erf.outputs[0]), rank, c) || c != 1.f) return false;
  m.nodes.push_back(addIndex);
  // The two multiplications, in any of the exported orders.
  const int m1Index = idx.soleConsumer(add.outputs[0]);
  if (m1Index < 0 || !isBinary(g.nodes[m1Index], "Mul")) return false;
  const Node& m1 = g.nodes[m1Index];
  const int o = otherInput(m1, add.outputs[0]);
  if (o < 0) return false;
  m.nodes.push_back(m1Index);
  const Node* half = idx.producer(o);
  if (o != x && half && scaledOperand(g, *half, rank, 0.5) == x && idx.soleConsumer(o) == m1Index) {
    m.nodes.insert(m.nodes.begin(), idx.producerIndex(o));  // Mul(Mul(x, 0.5), 1 + erf)
  } else {
    const int m2Index = idx.soleConsumer(m1.outputs[0]);
    if (m2Index < 0) return false;
    const Node& m2 = g.nodes[m2Index];
    if (o == x) {
      if (scaledOperand(g, m2, rank, 0.5) != m1.outputs[0]) return false;  // Mul(Mul(x, 1 + erf), 0.5)
    } else {
      if (!scalarConstant(g, o, rank, c) || c != 0.5f || !isBinary(m2, "Mul") || otherInput(m2, m1.outputs[0]) != x)
        return false;  // Mul(x, Mul(1 + erf, 0.5))
    }
    m.nodes.push_back(m2Index);
  }
  // Every intermediate keeps x's shape: the scalar constants broadcast without changing it.
  for (int n : m.nodes)
    if (!sameShape(g.values[g.nodes[n].outputs[0]], xv)) return false;
  return true;
}

}  // namespace

void fuseGelu(Graph& g) {
  PatternIndex idx(g);
  bool changed = false;
  for (std::size_t k = 0; k < g.nodes.size(); ++k) {
    if (idx.removed[k] || g.nodes[k].opType != "Erf" || !g.nodes[k].domain.empty()) continue;
    GeluMatch m;
    if (!matchGelu(g, idx, static_cast<int>(k), m)) continue;
    int last = -1;
    if (!claimPattern(idx, m.nodes, last)) continue;
    Node gelu = fusedNode(g, static_cast<int>(k), "Gelu");
    gelu.inputs = {m.x};
    gelu.outputs = {g.nodes[last].outputs[0]};
    g.nodes[last] = std::move(gelu);
    changed = true;
  }
  if (changed) g.eraseNodes(idx.removed);
}

}  // namespace e2e::runtime
