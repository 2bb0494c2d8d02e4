#include "e2e/runtime/plan/BatchSplit.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace e2e::runtime {
namespace {

bool rowValue(const Value& v) {
  if (v.isConstant()) return true;
  if (!v.hasShape || v.dims.empty() || v.batchScale.empty() || v.batchScale[0] != 1) return false;
  for (std::size_t i = 1; i < v.dims.size(); ++i)
    if (v.dims[i] == kDynamicDim) return false;
  return true;
}

bool axisIsZero(std::int64_t axis, std::size_t rank) {
  return axis == 0 || axis == -static_cast<std::int64_t>(rank);
}

// Ops whose output row i depends only on input row i, given the checks below.
bool rowPreserving(const Graph& g, const Node& n) {
  static const std::set<std::string> kElementwise = {
      "Conv", "MaxPool", "AveragePool", "GlobalMaxPool", "GlobalAveragePool", "BatchNormalization", "Relu",
      "LeakyRelu", "Sigmoid", "Tanh", "Clip", "Elu", "Sqrt", "Neg", "Exp", "Log", "Abs", "Erf", "Add", "Sub",
      "Mul", "Div", "Pow", "Identity", "Dropout", "Cast", "Reshape", "Squeeze", "Unsqueeze", "Shape"};
  const std::string& op = n.opType;
  const std::size_t rank = n.inputs.empty() || n.inputs[0] < 0 ? 0 : g.values[n.inputs[0]].dims.size();
  if (kElementwise.count(op)) return true;
  if (op == "Flatten") return n.attrs.getInt("axis", 1) != 0;
  if (op == "Gemm") return n.attrs.getInt("transA", 0) == 0 && g.values[n.inputs[1]].isConstant();
  if (op == "MatMul") {
    const Value& b = g.values[n.inputs[1]];
    return b.isConstant() || (rank >= 3 && b.dims.size() >= 3);
  }
  if (op == "Transpose") {
    auto perm = n.attrs.getInts("perm");
    return !perm.empty() && perm[0] == 0;
  }
  if (op == "Concat") return !axisIsZero(n.attrs.getInt("axis", 0), rank);
  if (op == "Softmax" || op == "LogSoftmax") {
    std::int64_t axis = n.attrs.getInt("axis", n.opset < 13 ? 1 : -1);
    return !axisIsZero(axis, rank);
  }
  if (op == "Gather") return !axisIsZero(n.attrs.getInt("axis", 0), rank) || g.values[n.inputs[0]].isConstant();
  // The transformer and graph-network operators: elementwise ones, and ones working along a non-batch axis.
  static const std::set<std::string> kElementwiseLogic = {"Equal", "Greater", "Less", "GreaterOrEqual", "LessOrEqual",
                                                          "Where", "And", "Or", "Xor", "Not", "Max", "Min", "Sum", "Mean"};
  if (kElementwiseLogic.count(op)) return true;
  if (op == "LayerNormalization" || op == "TopK") return !axisIsZero(n.attrs.getInt("axis", -1), rank);
  // The fused operators (ir/FusedOps.hpp): Gelu is elementwise; Attention works per leading-dim block, so rows
  // stay apart whenever the batch is one of the leading dims (rank >= 3).
  if (op == "Gelu") return true;
  if (op == "Attention") return rank >= 3;
  if (op == "GatherElements" || op == "ArgMax" || op == "ArgMin" || op == "Split")
    return !axisIsZero(n.attrs.getInt("axis", 0), rank);
  if (op == "Slice") {
    // Omitted axes mean 0, 1, ...: the batch axis is sliced.
    if (n.inputs.size() < 4 || n.inputs[3] < 0 || !g.values[n.inputs[3]].isConstant()) return false;
    for (auto a : g.values[n.inputs[3]].constant.toInt64())
      if (axisIsZero(a, rank)) return false;
    return true;
  }
  if (op == "ReduceMax" || op == "ReduceMean" || op == "ReduceSum") {
    std::vector<std::int64_t> axes = n.attrs.getInts("axes");
    if (n.inputs.size() > 1 && n.inputs[1] >= 0) {
      if (!g.values[n.inputs[1]].isConstant()) return false;
      axes = g.values[n.inputs[1]].constant.toInt64();
    }
    if (axes.empty()) return false;
    for (auto a : axes)
      if (axisIsZero(a, rank)) return false;
    return true;
  }
  return false;
}

}  // namespace

bool isBatchSeparable(const Graph& g) {
  if (g.inputs.empty()) return false;
  for (int in : g.inputs)
    if (!rowValue(g.values[in])) return false;
  for (int out : g.outputs)
    if (g.values[out].isConstant() || !rowValue(g.values[out])) return false;
  // Values computed from shapes and constants only (the exported Shape->Gather->Concat chains) are evaluated
  // per plan, i.e. per chunk: they are not activations and need no row check.
  std::vector<bool> shapeDerived(g.values.size(), false);
  for (const auto& n : g.nodes) {
    bool derived = n.opType == "Shape";
    if (!derived) {
      derived = true;
      for (int i : n.inputs)
        if (i >= 0 && !g.values[i].isConstant() && !shapeDerived[i]) derived = false;
    }
    if (derived) {
      for (int o : n.outputs)
        if (o >= 0) shapeDerived[o] = true;
      continue;
    }
    for (int o : n.outputs)
      if (o >= 0 && !rowValue(g.values[o])) return false;
    if (!rowPreserving(g, n)) return false;
  }
  return true;
}

std::int64_t chooseChunkRows(std::size_t arenaBytesPerRow) {
  constexpr std::size_t kBudget = 1536 * 1024;
  const std::size_t rows = kBudget / std::max<std::size_t>(arenaBytesPerRow, 1);
  return std::clamp<std::int64_t>(static_cast<std::int64_t>(rows), 1, 64);
}

}  // namespace e2e::runtime
