#include "e2e/runtime/passes/Passes.hpp"

#include <cfloat>

#include "e2e/runtime/ir/FusedOps.hpp"

namespace e2e::runtime {
namespace {

bool isAnchor(const Node& n) { return n.opType == "Conv" || n.opType == "Gemm" || n.opType == "MatMul"; }

const Tensor* constantInput(const Graph& g, const Node& n, std::size_t i) {
  if (i >= n.inputs.size() || n.inputs[i] < 0 || !g.values[n.inputs[i]].isConstant()) return nullptr;
  return &g.values[n.inputs[i]].constant;
}

// Activations oneDNN applies as eltwise post-ops. Reads the consumer's attributes (alpha, min/max).
bool eltwisePostOp(const Graph& g, const Node& c, PostOp& p) {
  p.kind = PostOp::Kind::Eltwise;
  p.op = c.opType;
  if (c.opType == "Relu" || c.opType == "Sigmoid" || c.opType == "Tanh") return true;
  if (c.opType == "Gelu" && isFusedNode(c)) return true;  // from fuseGelu
  if (c.opType == "LeakyRelu") {
    p.alpha = c.attrs.getFloat("alpha", 0.01f);
    return true;
  }
  if (c.opType == "Elu") {
    p.alpha = c.attrs.getFloat("alpha", 1.0f);
    return true;
  }
  if (c.opType == "Clip") {
    p.alpha = -FLT_MAX;
    p.beta = FLT_MAX;
    for (std::size_t i = 1; i < c.inputs.size(); ++i) {
      if (c.inputs[i] < 0) continue;
      const Tensor* t = constantInput(g, c, i);
      if (!t || t->dtype() != DType::Float32 || t->numel() != 1) return false;
      (i == 1 ? p.alpha : p.beta) = *t->data<float>();
    }
    return true;
  }
  if (c.opType == "Mul" || c.opType == "Div") {
    // x * s or x / s with a scalar constant s: a linear post-op.
    const Tensor* s = constantInput(g, c, 1);
    if (!s || s->dtype() != DType::Float32 || s->numel() != 1) return false;
    float v = *s->data<float>();
    if (c.opType == "Div" && v == 0.f) return false;
    p.op = "Linear";
    p.alpha = c.opType == "Mul" ? v : 1.f / v;
    p.beta = 0.f;
    return true;
  }
  return false;
}

bool sameShape(const Value& a, const Value& b) {
  return a.hasShape && b.hasShape && a.dims == b.dims && a.batchScale == b.batchScale;
}

// Bias length along the anchor's output channel axis (1 for Conv, last for Gemm/MatMul), or 0 if `c` does not
// broadcast as a per-channel bias.
std::int64_t biasLength(const Node& anchor, const Value& out, const Tensor& c) {
  if (c.dtype() != DType::Float32 || !out.hasShape || out.dims.empty()) return 0;
  const auto& cd = c.dims();
  if (cd.size() > out.dims.size()) return 0;
  const std::size_t axis = anchor.opType == "Conv" ? 1 : out.dims.size() - 1;
  const std::size_t shift = out.dims.size() - cd.size();
  for (std::size_t i = 0; i < cd.size(); ++i)
    if (cd[i] != 1 && i + shift != axis) return 0;
  std::int64_t len = out.dims[axis];
  if (len <= 0 || (c.numel() != 1 && c.numel() != len) || axis < shift) return 0;
  return len;
}

int biasInputIndex(const Node& n) { return 2; }

}  // namespace

void fusePostOps(Graph& g) {
  std::vector<bool> remove(g.nodes.size(), false);
  bool changed = false;
  for (std::size_t k = 0; k < g.nodes.size(); ++k) {
    if (remove[k] || !isAnchor(g.nodes[k])) continue;
    if (g.nodes[k].opType == "Gemm") {
      // Gemm's beta scales C: only the default beta leaves C usable as a plain bias.
      if (g.nodes[k].attrs.getFloat("beta", 1.f) != 1.f) continue;
    }
    for (;;) {
      Node& a = g.nodes[k];
      int v = a.outputs[0];
      auto uses = g.useCounts();
      if (uses[v] != 1 || g.isGraphOutput(v)) break;
      std::size_t ci = 0;
      for (std::size_t j = k + 1; j < g.nodes.size(); ++j)
        if (!remove[j])
          for (int in : g.nodes[j].inputs)
            if (in == v) ci = j;
      if (ci == 0) break;
      const Node& c = g.nodes[ci];
      PostOp p;
      bool fused = false;
      if (c.inputs.size() >= 1 && c.inputs[0] == v && eltwisePostOp(g, c, p)) {
        a.postOps.push_back(p);
        fused = true;
      } else if (c.opType == "Add" && c.inputs.size() == 2) {
        int other = c.inputs[0] == v ? c.inputs[1] : c.inputs[0];
        const Value& ov = g.values[other];
        if (ov.isConstant() && a.postOps.empty()) {
          std::int64_t len = biasLength(a, g.values[v], ov.constant);
          int bi = biasInputIndex(a);
          if (len > 0) {
            std::vector<float> bias(len, 0.f);
            if (static_cast<int>(a.inputs.size()) > bi && a.inputs[bi] >= 0) {
              const Tensor& old = g.values[a.inputs[bi]].constant;
              if (old.numel() != len) break;
              bias = old.toFloats();
            }
            auto add = ov.constant.toFloats();
            for (std::int64_t i = 0; i < len; ++i) bias[i] += add.size() == 1 ? add[0] : add[i];
            int id = g.addConstant(g.uniqueName(a.name + ".bias"), Tensor::fromFloats({len}, bias));
            Node& an = g.nodes[k];
            an.inputs.resize(std::max<std::size_t>(an.inputs.size(), bi + 1), -1);
            an.inputs[bi] = id;
            fused = true;
          }
        } else if (!ov.isConstant() && other != v && sameShape(ov, g.values[v]) && ov.dtype == DType::Float32) {
          bool hasResidual = false;
          for (const auto& q : a.postOps) hasResidual |= q.kind == PostOp::Kind::Residual;
          if (!hasResidual) {
            Node& an = g.nodes[k];
            if (an.opType != "Conv") an.inputs.resize(std::max<std::size_t>(an.inputs.size(), 3), -1);
            else an.inputs.resize(std::max<std::size_t>(an.inputs.size(), 3), -1);
            p.kind = PostOp::Kind::Residual;
            p.op = "Add";
            p.input = static_cast<int>(an.inputs.size());
            an.inputs.push_back(other);
            an.postOps.push_back(p);
            fused = true;
          }
        }
      }
      if (!fused) break;
      Node& an = g.nodes[k];
      an.outputs[0] = g.nodes[ci].outputs[0];
      remove[ci] = true;
      changed = true;
    }
  }
  g.eraseNodes(remove);
  // A residual may come from a node that used to run later.
  if (changed) g.sortTopologically();
}

}  // namespace e2e::runtime
