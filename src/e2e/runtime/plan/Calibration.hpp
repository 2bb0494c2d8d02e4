#pragma once
// Int8 calibration: runs the float32 graph on sample batches and measures the range of chosen values.
#include <oneapi/dnnl/dnnl.hpp>

#include <span>
#include <vector>

#include "e2e/runtime/Session.hpp"
#include "e2e/runtime/ir/Graph.hpp"
#include "e2e/runtime/plan/MagnitudeHistogram.hpp"

namespace e2e::runtime {

// The distribution of |x| of each of `values` (float32 activations) over all batches. The graph is planned once per
// distinct batch size with these values as extra outputs, so every layout region delivers them in plain order.
// Batch sizes must already be valid for the graph.
std::vector<MagnitudeHistogram> measureMagnitudes(const Graph& g, std::span<const int> values, std::span<const CalibrationBatch> batches,
                                 const dnnl::engine& engine);

}  // namespace e2e::runtime
