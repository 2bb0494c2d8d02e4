#pragma once
// Runs one node on known inputs while loading or planning (constant folding, shape subgraphs). Uses the node's
// normal kernel, so folding can never disagree with execution.
#include <oneapi/dnnl/dnnl.hpp>

#include <vector>

#include "e2e/runtime/kernels/Kernel.hpp"

namespace e2e::runtime {

// `inputs` has one entry per node input: its data, or nullptr where omitted or (for shape-only kernels) unknown.
std::vector<Tensor> evaluateNode(const Kernel& kernel, const Node& node, const std::vector<const Tensor*>& inputs,
                                 const std::vector<DType>& inTypes, const std::vector<Dims>& inDims,
                                 const std::vector<DType>& outTypes, const std::vector<Dims>& outDims,
                                 const dnnl::engine& engine);

}  // namespace e2e::runtime
