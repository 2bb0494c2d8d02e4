#pragma once
// How far a session's outputs are from a reference session's (a bf16/int8 session against fp32) on the same inputs.
#include <cstdint>
#include <span>

#include "e2e/runtime/Session.hpp"

namespace e2e::runtime {

struct OutputDeviation {
  double maxAbs = 0;  // largest |test - reference| over all float32 outputs
  // maxAbs / the largest |reference| of that output (the worst output): the error relative to the output's
  // scale. Per-element ratios are not used: outputs that cancel to nearly zero would dominate them.
  double maxRel = 0;
};

OutputDeviation compareOutputs(std::span<const float> test, std::span<const float> reference);
// Runs both sessions (same model, same inputs and outputs) and compares every float32 output.
OutputDeviation compareSessions(const Session& test, const Session& reference, std::span<const void* const> inputs,
                                std::int64_t batch);
// The worse of two deviations (accumulating over batches).
OutputDeviation worst(const OutputDeviation& a, const OutputDeviation& b);

}  // namespace e2e::runtime
