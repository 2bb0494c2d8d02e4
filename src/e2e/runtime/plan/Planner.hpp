#pragma once
// Builds a Plan: concrete shapes, one Step per remaining node, layout reorders at region boundaries, caller-buffer
// outputs, and a static arena (liveness-based offsets) sized once for this (batch, threads).
#include <oneapi/dnnl/dnnl.hpp>

#include <memory>
#include <vector>

#include "e2e/runtime/plan/Plan.hpp"

namespace e2e::runtime {

std::unique_ptr<Plan> buildPlan(const Graph& graph, const std::vector<const Kernel*>& kernels, std::int64_t batch,
                                int threads, const dnnl::engine& engine);

}  // namespace e2e::runtime
