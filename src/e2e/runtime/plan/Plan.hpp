#pragma once
// A plan: everything needed to run the graph for one (batch, threads) pair. Immutable once built and shared by
// all workspaces; the mutable part of a run lives in a Workspace.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "e2e/runtime/kernels/Kernel.hpp"

namespace e2e::runtime {

struct PlanTensor {
  enum class Kind { Arena, Constant, Input, Output, Alias };
  std::string name;
  DType dtype = DType::Float32;
  Dims dims;
  Layout layout;
  std::size_t bytes = 0;
  Kind kind = Kind::Arena;
  int index = -1;                     // Input/Output: position in the graph's list; Alias: the viewed tensor
  std::size_t offset = 0;             // Arena: byte offset in the arena
  const std::byte* constant = nullptr;
  int first = -1, last = -1;          // liveness in step indices (Arena roots)
};

struct PlanStep {
  std::unique_ptr<Step> step;
  std::vector<int> in, out;  // plan tensor ids
  std::string label;         // node name and op, or "reorder"/"copy"
};

struct Plan {
  std::int64_t batch = 0;
  int threads = 1;
  std::vector<PlanTensor> tensors;
  std::vector<PlanStep> steps;
  std::vector<int> inputTensors, outputTensors;
  std::vector<std::unique_ptr<Tensor>> planValues;  // values computed while planning (shape subgraphs)
  std::size_t arenaBytes = 0, scratchBytes = 0;
  double flops = 0;  // conv + matmul FLOPs of one run at this batch

  // Follows aliases to the tensor that owns the bytes.
  int root(int t) const;
  std::string dump() const;
};

}  // namespace e2e::runtime
