#include "e2e/generators/physics/MomentumBalance.hpp"

#include <cmath>

namespace e2e::gen {

double solveMomentumScale(std::span<const double> mass2, std::span<const double> q2, double total) {
  double floor = 0, scale2 = 0;
  for (std::size_t i = 0; i < mass2.size(); ++i) {
    floor += std::sqrt(mass2[i]);
    scale2 += q2[i];
  }
  if (total <= floor || scale2 <= 0) return -1.0;
  // f(k) = sum sqrt(m2 + k^2 q2) - total is increasing and convex in k: Newton from above converges monotonically.
  double k = total / std::sqrt(scale2) + 1.0;
  for (int it = 0; it < 100; ++it) {
    double f = -total, df = 0;
    for (std::size_t i = 0; i < mass2.size(); ++i) {
      const double e = std::sqrt(mass2[i] + k * k * q2[i]);
      f += e;
      if (e > 0) df += k * q2[i] / e;
    }
    if (df <= 0) break;
    const double step = f / df;
    k -= step;
    if (std::abs(step) <= 1e-15 * k) break;
  }
  return k;
}

}  // namespace e2e::gen
