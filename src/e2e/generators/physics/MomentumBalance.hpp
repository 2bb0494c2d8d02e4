#pragma once
// Exact 4-momentum bookkeeping for systems of massive particles.
#include <span>

#include "e2e/generators/Vec4.hpp"

namespace e2e::gen {

// Solves sum_i sqrt(m_i^2 + k^2 q_i^2) = total for k >= 0, where q2[i] is the squared momentum being scaled and
// mass2[i] the fixed part. Returns -1 if total <= sum of the fixed parts.
double solveMomentumScale(std::span<const double> mass2, std::span<const double> q2, double total);

}  // namespace e2e::gen
