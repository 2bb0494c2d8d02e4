#pragma once
// The Grindhammer-Peters parametrisation of EM showers in a homogeneous medium (SPEC.md section 2), for PbWO4.
// Longitudinal: dE/dt = E (b t)^(a-1) b exp(-b t) / Gamma(a), t in X0, with correlated log-normal fluctuations
// of T = (a-1)/b and a per shower. Lateral (r in Moliere radii): a core and a tail term of the form
// 2 r R^2 / (r^2 + R^2)^2 whose radii and mixing depend on tau = t / T.
#include "e2e/core/Random.hpp"

namespace e2e::sim {

struct LongitudinalShape {
  double alpha;  // gamma shape a
  double beta;   // rate b, 1/X0
  double tmax() const { return (alpha - 1.0) / beta; }
};

struct LateralShape {
  double rCore;   // Moliere radii
  double rTail;   // Moliere radii
  double pCore;   // fraction of the energy at this depth in the core term
};

// The energy-dependent constants of the lateral profile, computed once per shower.
class LateralParams {
public:
  explicit LateralParams(double energy);
  LateralShape at(double tau) const;

private:
  double m_z1, m_z2, m_k1, m_k4, m_p1, m_p2, m_invP3;
};

class GrindhammerPeters {
public:
  // Below this energy the fluctuation formulas diverge; smaller showers use its shape (they fit in a crystal).
  static constexpr double kMinParamEnergy = 0.2;  // GeV

  static LongitudinalShape meanShape(double energy);
  // A shower's own (T, a), drawn from the correlated log-normal distributions; `scale` multiplies both sigmas.
  static LongitudinalShape sampleShape(double energy, Rng& rng, double scale = 1.0);
  static LateralShape lateral(double energy, double tau);
  // Number of energy spots a full spot-by-spot simulation draws for this energy: 93 ln(Z) E^0.876.
  static double spotCount(double energy);
};

}  // namespace e2e::sim
