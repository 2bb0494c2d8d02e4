#pragma once
// Precision modes (SessionOptions::precision): which nodes compute in bf16 or int8. Sets Node::precision on the
// optimised graph, before the kernels are built; kernels read it when they plan. See README "Precision modes".
#include <span>
#include <string>
#include <vector>

#include "e2e/runtime/Session.hpp"
#include "e2e/runtime/ir/Graph.hpp"
#include "e2e/runtime/plan/MagnitudeHistogram.hpp"

namespace e2e::runtime {

// Nodes a low precision applies to: Conv, and Gemm/MatMul whose weights (input 1) are constant.
std::vector<int> lowPrecisionNodes(const Graph& g);
void assignBf16(Graph& g, std::span<const int> nodes);
// magnitudes[k]: |x| of input 0 of nodes[k] over the calibration data. Nodes that read model inputs directly get
// `modelInputCompute` (BFloat16 or Float32) instead, unless options.quantiseModelInputs.
void assignInt8(Graph& g, std::span<const int> nodes, std::span<const MagnitudeHistogram> magnitudes,
                const Int8Options& options, DType modelInputCompute);
// "16 Conv/Gemm/MatMul with constant weights: 15 int8 (12 u8, 3 s8 inputs) 1 bf16" (how the nodes a low
// precision applies to compute)
std::string describePrecision(const Graph& g);
// Whether the value cannot be negative whatever the inputs (a ReLU output, pooled or reshaped).
bool knownNonNegative(const Graph& g, int value);

}  // namespace e2e::runtime
