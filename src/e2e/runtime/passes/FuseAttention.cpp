// Scaled dot-product attention as exported by PyTorch:
//   S = MatMul(Q, KT) [ -> Mul(., s) | Mul(s, .) | Div(., s) ] -> Softmax(last axis) -> MatMul(., V)
// becomes one Attention node (domain e2e; AttentionKernel), which computes it per (batch, head) block and query
// tile without materialising the scores. KT is whatever the first MatMul multiplies by (the exported Transpose
// of K stays a node of its own). Q, KT and V must have the same rank and identical leading dims (no
// broadcasting), static trailing dims, float32; the scores, scaled scores and probabilities must feed only the
// next node of the pattern.
#include <algorithm>

#include "e2e/runtime/ir/FusedOps.hpp"
#include "e2e/runtime/passes/PatternMatch.hpp"
#include "e2e/runtime/passes/Passes.hpp"

namespace e2e::runtime {
namespace {

struct AttentionMatch {
  int q = -1, kt = -1, v = -1;
  float scale = 1.f;
  std::vector<int> nodes;  // first MatMul, scale (optional), Softmax, second MatMul
};

bool isPlainMatMul(const Node& n) {
  return n.opType == "MatMul" && n.domain.empty() && n.inputs.size() == 2 && n.outputs.size() == 1 && n.postOps.empty();
}

// Softmax over the last axis only (before opset 13, `axis` flattens [axis:], which is the last axis only when
// axis == rank - 1).
bool isLastAxisSoftmax(const Node& n, std::size_t rank) {
  if (n.opType != "Softmax" || !n.domain.empty() || n.inputs.size() != 1 || n.outputs.size() != 1 || rank == 0)
    return false;
  std::int64_t axis = n.attrs.getInt("axis", n.opset < 13 ? 1 : -1);
  if (axis < 0) axis += static_cast<std::int64_t>(rank);
  return axis == static_cast<std::int64_t>(rank) - 1;
}

std::int64_t batchScaleAt(const Value& v, std::size_t i) { return i < v.batchScale.size() ? v.batchScale[i] : 0; }

// Same rank >= 2, equal leading dims (symbolic batch included), static trailing dims.
bool compatibleOperands(const Value& q, const Value& kt, const Value& v) {
  for (const Value* x : {&q, &kt, &v}) {
    if (!x->hasShape || x->dtype != DType::Float32 || x->dims.size() < 2 || x->dims.size() != q.dims.size())
      return false;
    const std::size_t r = x->dims.size();
    if (x->dims[r - 1] <= 0 || x->dims[r - 2] <= 0) return false;
    for (std::size_t i = 0; i + 2 < r; ++i)
      if (x->dims[i] != q.dims[i] || batchScaleAt(*x, i) != batchScaleAt(q, i) || x->dims[i] == 0) return false;
  }
  const std::size_t r = q.dims.size();
  return q.dims[r - 1] == kt.dims[r - 2] && kt.dims[r - 1] == v.dims[r - 2];
}

bool matchAttention(const Graph& g, const PatternIndex& idx, int softmaxIndex, AttentionMatch& m) {
  const Node& sm = g.nodes[softmaxIndex];
  const int s = sm.inputs.empty() ? -1 : sm.inputs[0];
  if (s < 0 || !g.values[s].hasShape || !isLastAxisSoftmax(sm, g.values[s].dims.size())) return false;
  if (idx.soleConsumer(s) != softmaxIndex) return false;
  const Node* p = idx.producer(s);
  if (!p) return false;
  int scores = s;
  if (isBinary(*p, "Mul") || isBinary(*p, "Div")) {
    const bool mul = p->opType == "Mul";
    float c;
    const std::size_t rank = g.values[s].dims.size();
    if (scalarConstant(g, p->inputs[1], rank, c)) {
      scores = p->inputs[0];
    } else if (mul && scalarConstant(g, p->inputs[0], rank, c)) {
      scores = p->inputs[1];
    } else {
      return false;
    }
    if (!mul && c == 0.f) return false;
    m.scale = mul ? c : 1.f / c;
    m.nodes.push_back(idx.producerIndex(s));
    if (idx.soleConsumer(scores) != idx.producerIndex(s) || !sameShape(g.values[scores], g.values[s])) return false;
    p = idx.producer(scores);
    if (!p) return false;
  }
  if (!isPlainMatMul(*p)) return false;
  m.nodes.insert(m.nodes.begin(), idx.producerIndex(scores));
  m.nodes.push_back(softmaxIndex);
  const int probs = sm.outputs[0];
  const int mm2Index = idx.soleConsumer(probs);
  if (mm2Index < 0 || !isPlainMatMul(g.nodes[mm2Index]) || g.nodes[mm2Index].inputs[0] != probs) return false;
  m.nodes.push_back(mm2Index);
  m.q = p->inputs[0];
  m.kt = p->inputs[1];
  m.v = g.nodes[mm2Index].inputs[1];
  return m.v != probs && compatibleOperands(g.values[m.q], g.values[m.kt], g.values[m.v]) &&
         g.values[g.nodes[mm2Index].outputs[0]].hasShape;
}

}  // namespace

void fuseAttention(Graph& g) {
  PatternIndex idx(g);
  bool changed = false;
  for (std::size_t k = 0; k < g.nodes.size(); ++k) {
    if (idx.removed[k] || g.nodes[k].opType != "Softmax") continue;
    AttentionMatch m;
    if (!matchAttention(g, idx, static_cast<int>(k), m)) continue;
    int last = -1;
    if (!claimPattern(idx, m.nodes, last)) continue;
    Node att = fusedNode(g, static_cast<int>(k), "Attention");
    att.inputs = {m.q, m.kt, m.v};
    att.outputs = {g.nodes[last].outputs[0]};
    att.attrs.set("scale", m.scale);
    g.nodes[last] = std::move(att);
    changed = true;
  }
  if (changed) g.eraseNodes(idx.removed);
}

}  // namespace e2e::runtime
