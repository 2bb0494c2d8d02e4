#include <algorithm>

#include "e2e/runtime/passes/Precision.hpp"

namespace e2e::runtime {
namespace {

bool nonNegativeActivation(const std::string& op, float alpha) {
  return (op == "Relu" && alpha == 0.f) || op == "Sigmoid" || op == "Exp" || op == "Abs" || op == "Sqrt" ||
         (op == "Clip" && alpha >= 0.f);
}

// Ops whose output is a selection, average or rearrangement of input 0's elements (sign preserved).
bool signPreserving(const std::string& op) {
  return op == "MaxPool" || op == "AveragePool" || op == "GlobalMaxPool" || op == "GlobalAveragePool" ||
         op == "Reshape" || op == "Flatten" || op == "Squeeze" || op == "Unsqueeze" || op == "Transpose" ||
         op == "Identity" || op == "Slice" || op == "Split" || op == "Gather";
}

bool nonNegative(const Graph& g, const std::vector<int>& producer, int v, int depth) {
  if (v < 0 || depth > 64) return false;
  const Value& val = g.values[v];
  if (val.isConstant()) {
    if (val.constant.dtype() != DType::Float32) return false;
    const float* p = val.constant.data<float>();
    return std::all_of(p, p + val.constant.numel(), [](float x) { return x >= 0.f; });
  }
  const int n = producer[v];
  if (n < 0) return false;
  const Node& node = g.nodes[n];
  if (!node.postOps.empty()) {
    const PostOp& last = node.postOps.back();
    return last.kind == PostOp::Kind::Eltwise && nonNegativeActivation(last.op, last.alpha);
  }
  if (node.opType == "Relu") return true;
  if (node.opType == "Clip" || node.opType == "LeakyRelu") return false;
  if (nonNegativeActivation(node.opType, 0.f)) return true;
  if (signPreserving(node.opType)) return !node.inputs.empty() && nonNegative(g, producer, node.inputs[0], depth + 1);
  if (node.opType == "Concat" || node.opType == "Max")
    return std::all_of(node.inputs.begin(), node.inputs.end(),
                       [&](int in) { return nonNegative(g, producer, in, depth + 1); });
  return false;
}

}  // namespace

std::vector<int> lowPrecisionNodes(const Graph& g) {
  std::vector<int> out;
  for (std::size_t n = 0; n < g.nodes.size(); ++n) {
    const Node& node = g.nodes[n];
    const bool constWeights = node.inputs.size() > 1 && node.inputs[1] >= 0 && g.values[node.inputs[1]].isConstant();
    if (node.opType == "Conv" || ((node.opType == "Gemm" || node.opType == "MatMul") && constWeights))
      out.push_back(static_cast<int>(n));
  }
  return out;
}

void assignBf16(Graph& g, std::span<const int> nodes) {
  for (int n : nodes) g.nodes[n].precision = NodePrecision{DType::BFloat16, 0.f, false};
}

void assignInt8(Graph& g, std::span<const int> nodes, std::span<const MagnitudeHistogram> magnitudes,
                const Int8Options& options, DType modelInputCompute) {
  // Per value: computed from the output of some Conv/Gemm/MatMul (false: from model inputs and constants only).
  std::vector<bool> afterAnchor(g.values.size(), false);
  for (const Node& node : g.nodes) {
    bool after = node.opType == "Conv" || node.opType == "Gemm" || node.opType == "MatMul";
    for (int in : node.inputs) after = after || (in >= 0 && afterAnchor[in]);
    for (int out : node.outputs)
      if (out >= 0) afterAnchor[out] = after;
  }
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    Node& node = g.nodes[nodes[k]];
    if (!options.quantiseModelInputs && !afterAnchor[node.inputs[0]]) {
      node.precision = NodePrecision{modelInputCompute, 0.f, false};
      continue;
    }
    NodePrecision p;
    p.compute = DType::Int8;
    p.inputUnsigned = knownNonNegative(g, node.inputs[0]);
    const int levels = p.inputUnsigned ? 255 : 127;
    float range = options.range == CalibrationRange::MaxAbs ? magnitudes[k].maxAbs() : magnitudes[k].bestClip(levels);
    if (!(range > 0.f)) range = 1.f;  // an all-zero input: any step represents it
    p.inputScale = range / static_cast<float>(levels);
    node.precision = p;
  }
}

std::string describePrecision(const Graph& g) {
  int int8 = 0, u8 = 0, bf16 = 0, fp32 = 0;
  const std::vector<int> nodes = lowPrecisionNodes(g);
  for (int n : nodes) {
    const NodePrecision& p = g.nodes[n].precision;
    if (p.compute == DType::Int8) {
      ++int8;
      u8 += p.inputUnsigned ? 1 : 0;
    } else if (p.compute == DType::BFloat16) {
      ++bf16;
    } else {
      ++fp32;
    }
  }
  std::string s = std::to_string(nodes.size()) + " Conv/Gemm/MatMul with constant weights:";
  if (int8) s += " " + std::to_string(int8) + " int8 (" + std::to_string(u8) + " u8, " + std::to_string(int8 - u8) + " s8 inputs)";
  if (bf16) s += " " + std::to_string(bf16) + " bf16";
  if (fp32) s += " " + std::to_string(fp32) + " fp32";
  return s;
}

bool knownNonNegative(const Graph& g, int value) { return nonNegative(g, g.producers(), value, 0); }

}  // namespace e2e::runtime
