#pragma once
// The engine's graph IR: values (typed tensors with symbolic shapes, optionally constant) and nodes in ONNX
// semantics, plus the fused post-operations the optimiser attaches to Conv/Gemm/MatMul.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "e2e/runtime/ir/Attributes.hpp"
#include "e2e/runtime/ir/DType.hpp"
#include "e2e/runtime/ir/Tensor.hpp"

namespace e2e::runtime {

// A dimension of -1 is not known at load time (the dynamic batch, or anything derived from it).
inline constexpr std::int64_t kDynamicDim = -1;

struct Value {
  std::string name;
  DType dtype = DType::Undefined;
  Dims dims;            // symbolic: kDynamicDim where unknown; empty with hasShape == false if never inferred
  bool hasShape = false;
  // For batch-dependent dims: dim = batchScale[i] * batch (0 where the dim is static). Filled by shape probing.
  std::vector<std::int64_t> batchScale;
  Tensor constant;      // non-empty for initialisers and folded values

  bool isConstant() const { return !constant.empty(); }
};

// An operation fused into the node that produces the data: applied in order to its result.
struct PostOp {
  enum class Kind { Eltwise, Residual };
  Kind kind = Kind::Eltwise;
  std::string op;          // ONNX op type of the fused eltwise (Relu, Sigmoid, ...) or "Add" for Residual
  float alpha = 0.f, beta = 0.f;
  int input = -1;          // Residual: index into Node::inputs of the tensor added
};

// The arithmetic an anchor op (Conv/Gemm/MatMul) runs in, chosen at load from the session's precision
// (passes/AssignPrecision.cpp). Accumulation and outputs stay float32 in every mode.
struct NodePrecision {
  DType compute = DType::Float32;  // Float32, BFloat16 (src + weights) or Int8 (quantised src + weights)
  float inputScale = 0.f;          // Int8: quantisation step of input 0 (q = round(x / inputScale))
  bool inputUnsigned = false;      // Int8: input 0 is known non-negative: u8 [0, 255], else s8 [-127, 127]
};

struct Node {
  std::string name;
  std::string opType;
  std::string domain;      // "" is the default ONNX domain
  int opset = 0;
  std::vector<int> inputs;   // value ids; -1 for an omitted optional input
  std::vector<int> outputs;  // value ids; -1 for an omitted optional output
  Attributes attrs;
  std::vector<PostOp> postOps;
  NodePrecision precision;

  // "Conv+Relu+Add" style label for dumps and errors.
  std::string label() const;
};

class Graph {
public:
  std::string name;
  int opset = 0;
  std::vector<Value> values;
  std::vector<Node> nodes;     // kept in a topological order by every pass
  std::vector<int> inputs;     // non-constant graph inputs
  std::vector<int> outputs;

  int addValue(std::string valueName, DType dtype = DType::Undefined);
  int addConstant(std::string valueName, Tensor t);
  // A fresh, unused value name derived from `base`.
  std::string uniqueName(const std::string& base);
  int findValue(const std::string& valueName) const;

  // Per value: index of the producing node or -1 (graph input, constant, unused).
  std::vector<int> producers() const;
  // Per value: how many node inputs refer to it (graph outputs not counted).
  std::vector<int> useCounts() const;
  bool isGraphOutput(int value) const;
  bool isGraphInput(int value) const;

  // Rewrites every node input equal to `from` into `to`.
  void replaceUses(int from, int to);
  // Reorders `nodes` topologically (stable for already ordered graphs); throws e2e::Error on a cycle.
  void sortTopologically();
  // Drops nodes flagged in `remove` (same size as nodes).
  void eraseNodes(const std::vector<bool>& remove);

private:
  std::unordered_map<std::string, int> m_byName;
};

}  // namespace e2e::runtime
