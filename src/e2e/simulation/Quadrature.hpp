#pragma once
// sqrt(a^2 + b^2) without std::hypot's overflow guards, which cost ~20 ns a call in the hot loops; the simulation's
// values (cm, GeV, ns) are nowhere near the range where squaring could overflow.
#include <cmath>

namespace e2e::sim {

inline double quadrature(double a, double b) { return std::sqrt(a * a + b * b); }

}  // namespace e2e::sim
