// LayerNorm as PyTorch exports it below opset 17 (F.layer_norm decomposed):
//   m = ReduceMean(x, trailing axes) ; d = Sub(x, m) ; v = ReduceMean(Pow(d, 2), same axes)
//   y = Div(d, Sqrt(Add(v, eps))) [ -> Mul(., gamma) [ -> Add(., beta) ] ]
// becomes one LayerNormalization (opset 17 semantics, run by LayerNormKernel). Every value inside the pattern
// must feed only the pattern (d exactly the Pow and the Div), the axes must be the trailing dims of x, eps a
// scalar constant, and gamma / beta constants that cover the normalised shape (or hold one value).
#include <algorithm>
#include <cmath>

#include "e2e/runtime/passes/PatternMatch.hpp"
#include "e2e/runtime/passes/Passes.hpp"

namespace e2e::runtime {
namespace {

constexpr int kLayerNormOpset = 17;

// The normalised trailing-dims count of a keepdims ReduceMean over x (rank `rank`), or 0 when its axes are not
// exactly the last k dims.
std::size_t trailingAxes(const Graph& g, const Node& r, std::size_t rank) {
  if (r.opType != "ReduceMean" || !r.domain.empty() || r.outputs.size() != 1 || rank == 0) return 0;
  if (r.attrs.getInt("keepdims", 1) != 1 || r.attrs.getInt("noop_with_empty_axes", 0) != 0) return 0;
  std::vector<std::int64_t> axes;
  if (r.attrs.has("axes")) {
    if (r.inputs.size() != 1) return 0;
    axes = r.attrs.getInts("axes");
  } else {
    if (r.inputs.size() != 2 || r.inputs[1] < 0 || !g.values[r.inputs[1]].isConstant()) return 0;
    const Tensor& t = g.values[r.inputs[1]].constant;
    if (t.dtype() != DType::Int64) return 0;
    axes.assign(t.data<std::int64_t>(), t.data<std::int64_t>() + t.numel());
  }
  if (axes.empty() || axes.size() > rank) return 0;
  const auto r64 = static_cast<std::int64_t>(rank);
  for (auto& a : axes) {
    if (a < -r64 || a >= r64) return 0;
    if (a < 0) a += r64;
  }
  std::sort(axes.begin(), axes.end());
  for (std::size_t i = 0; i < axes.size(); ++i)
    if (axes[i] != r64 - static_cast<std::int64_t>(axes.size() - i)) return 0;
  return axes.size();
}

// gamma / beta: a float32 constant equal to the normalised shape after leading 1s, or a single value.
bool coversNormalisedShape(const Graph& g, int value, const Dims& x, std::size_t k) {
  if (value < 0 || !g.values[value].isConstant()) return false;
  const Tensor& t = g.values[value].constant;
  if (t.dtype() != DType::Float32 || t.dims().size() > x.size()) return false;
  if (t.numel() == 1) return true;
  Dims d = t.dims();
  while (d.size() > k && d.front() == 1) d.erase(d.begin());
  return d == Dims(x.end() - static_cast<std::ptrdiff_t>(k), x.end());
}

struct LayerNormMatch {
  int x = -1, gamma = -1, beta = -1;
  std::int64_t axis = 0;
  float eps = 0.f;
  std::vector<int> nodes;
};

bool matchLayerNorm(const Graph& g, const PatternIndex& idx, int meanIndex, LayerNormMatch& m) {
  const Node& mean = g.nodes[meanIndex];
  const int x = mean.inputs.empty() ? -1 : mean.inputs[0];
  if (x < 0 || g.values[x].dtype != DType::Float32 || !g.values[x].hasShape) return false;
  const Dims& xd = g.values[x].dims;
  const std::size_t k = trailingAxes(g, mean, xd.size());
  for (std::size_t i = xd.size() - k; k && i < xd.size(); ++i)
    if (xd[i] <= 0) return false;  // the normalised dims must be static
  if (k == 0) return false;
  // d = x - mean, read by exactly Pow(d, 2) and Div(d, .)
  const int subIndex = idx.soleConsumer(mean.outputs[0]);
  if (subIndex < 0) return false;
  const Node& sub = g.nodes[subIndex];
  if (!isBinary(sub, "Sub") || sub.inputs[0] != x || sub.inputs[1] != mean.outputs[0]) return false;
  const int d = sub.outputs[0];
  const auto& dUsers = idx.consumers(d);
  if (dUsers.size() != 2 || idx.isGraphOutput(d)) return false;
  const bool powFirst = g.nodes[dUsers[0]].opType == "Pow";
  const int powIndex = dUsers[powFirst ? 0 : 1], divIndex = dUsers[powFirst ? 1 : 0];
  const Node& pw = g.nodes[powIndex];
  const Node& dv = g.nodes[divIndex];
  float c;
  if (!isBinary(pw, "Pow") || pw.inputs[0] != d || !scalarConstant(g, pw.inputs[1], xd.size(), c) || c != 2.f)
    return false;
  if (!isBinary(dv, "Div") || dv.inputs[0] != d) return false;
  // var = ReduceMean(d^2) over the same axes; Sqrt(var + eps) divides d
  const int varIndex = idx.soleConsumer(pw.outputs[0]);
  if (varIndex < 0 || trailingAxes(g, g.nodes[varIndex], xd.size()) != k || g.nodes[varIndex].inputs[0] != pw.outputs[0])
    return false;
  const int var = g.nodes[varIndex].outputs[0];
  const int epsIndex = idx.soleConsumer(var);
  if (epsIndex < 0 || !isBinary(g.nodes[epsIndex], "Add")) return false;
  const Node& addEps = g.nodes[epsIndex];
  if (!scalarConstant(g, otherInput(addEps, var), xd.size(), m.eps) || !std::isfinite(m.eps) || m.eps < 0.f) return false;
  const int sqrtIndex = idx.soleConsumer(addEps.outputs[0]);
  if (sqrtIndex < 0) return false;
  const Node& sq = g.nodes[sqrtIndex];
  if (sq.opType != "Sqrt" || !sq.domain.empty() || !sq.postOps.empty() || sq.inputs.size() != 1) return false;
  if (idx.soleConsumer(sq.outputs[0]) != divIndex || dv.inputs[1] != sq.outputs[0]) return false;
  m.x = x;
  m.axis = -static_cast<std::int64_t>(k);
  m.nodes = {meanIndex, subIndex, powIndex, varIndex, epsIndex, sqrtIndex, divIndex};
  // Optional affine part: Mul(., gamma), then Add(., beta).
  int y = dv.outputs[0];
  int next = idx.soleConsumer(y);
  if (next >= 0 && isBinary(g.nodes[next], "Mul") && coversNormalisedShape(g, otherInput(g.nodes[next], y), xd, k)) {
    m.gamma = otherInput(g.nodes[next], y);
    m.nodes.push_back(next);
    y = g.nodes[next].outputs[0];
    next = idx.soleConsumer(y);
    if (next >= 0 && isBinary(g.nodes[next], "Add") && coversNormalisedShape(g, otherInput(g.nodes[next], y), xd, k)) {
      m.beta = otherInput(g.nodes[next], y);
      m.nodes.push_back(next);
    }
  }
  // Nothing in the pattern changes x's shape (the constants broadcast into it).
  for (int n : m.nodes)
    if (n != meanIndex && n != varIndex && n != epsIndex && n != sqrtIndex && !sameShape(g.values[g.nodes[n].outputs[0]], g.values[x]))
      return false;
  return true;
}

}  // namespace

void fuseLayerNorm(Graph& g) {
  PatternIndex idx(g);
  bool changed = false;
  for (std::size_t k = 0; k < g.nodes.size(); ++k) {
    if (idx.removed[k] || g.nodes[k].opType != "ReduceMean" || !g.nodes[k].domain.empty()) continue;
    LayerNormMatch m;
    if (!matchLayerNorm(g, idx, static_cast<int>(k), m)) continue;
    int last = -1;
    if (!claimPattern(idx, m.nodes, last)) continue;
    Node ln;
    ln.name = fusedNodeName(g.nodes[k].name, "LayerNormalization");
    ln.opType = "LayerNormalization";
    ln.opset = kLayerNormOpset;
    if (m.gamma < 0) m.gamma = g.addConstant(g.uniqueName(ln.name + ".ones"), Tensor::fromFloats({1}, {1.f}));
    ln.inputs = {m.x, m.gamma};
    if (m.beta >= 0) ln.inputs.push_back(m.beta);
    ln.outputs = {g.nodes[last].outputs[0]};
    ln.attrs.set("axis", m.axis);
    ln.attrs.set("epsilon", m.eps);
    g.nodes[last] = std::move(ln);
    changed = true;
  }
  if (changed) g.eraseNodes(idx.removed);
}

}  // namespace e2e::runtime
