#pragma once
// Steps the planner inserts itself: layout reorders at region boundaries and plain copies into caller buffers.
#include <oneapi/dnnl/dnnl.hpp>

#include <memory>

#include "e2e/runtime/kernels/Kernel.hpp"

namespace e2e::runtime {

// Adds the reorder's scratch need to `scratchBytes` (taken as a running maximum).
std::unique_ptr<Step> makeReorderStep(const dnnl::memory::desc& from, const dnnl::memory::desc& to,
                                      const dnnl::engine& engine, std::size_t& scratchBytes);
std::unique_ptr<Step> makeCopyStep(std::size_t bytes);

}  // namespace e2e::runtime
