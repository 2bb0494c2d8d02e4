#include "e2e/simulation/GrindhammerPeters.hpp"

#include <algorithm>
#include <cmath>

#include "e2e/geometry/Detector.hpp"
#include "e2e/simulation/Ziggurat.hpp"

namespace e2e::sim {
namespace {
constexpr double kZ = geo::kZeff;
// Keeps a shower's gamma shape well defined (a > 1 means a maximum inside the medium).
constexpr double kMinAlpha = 1.05;

double lnY(double energy) { return std::log(std::max(energy, GrindhammerPeters::kMinParamEnergy) / geo::kCriticalEnergy); }
}  // namespace

LongitudinalShape GrindhammerPeters::meanShape(double energy) {
  const double ly = lnY(energy);
  const double tmax = ly - 0.858;
  const double alpha = std::max(kMinAlpha, 0.21 + (0.492 + 2.38 / kZ) * ly);
  return {alpha, (alpha - 1.0) / tmax};
}

LongitudinalShape GrindhammerPeters::sampleShape(double energy, Rng& rng, double scale) {
  const double ly = lnY(energy);
  const double meanLnT = std::log(ly - 0.812);
  const double sigmaLnT = scale / (-1.4 + 1.26 * ly);
  const double meanLnA = std::log(0.81 + (0.458 + 2.26 / kZ) * ly);
  const double sigmaLnA = scale / (-0.58 + 0.86 * ly);
  const double rho = 0.705 - 0.023 * ly;
  const double g1 = Ziggurat::normal(rng), g2 = Ziggurat::normal(rng);
  const double lnT = meanLnT + sigmaLnT * g1;
  const double lnA = meanLnA + sigmaLnA * (rho * g1 + std::sqrt(1.0 - rho * rho) * g2);
  const double alpha = std::max(kMinAlpha, std::exp(lnA));
  const double tmax = std::exp(lnT);
  return {alpha, (alpha - 1.0) / tmax};
}

LateralParams::LateralParams(double energy) {
  const double lnE = std::log(std::max(energy, GrindhammerPeters::kMinParamEnergy));
  m_z1 = 0.0251 + 0.00319 * lnE;
  m_z2 = 0.1162 - 0.000381 * kZ;
  m_k1 = 0.659 - 0.00309 * kZ;
  m_k4 = 0.3585 + 0.0421 * lnE;
  m_p1 = 2.632 - 0.00094 * kZ;
  m_p2 = 0.401 + 0.00187 * kZ;
  m_invP3 = 1.0 / (1.313 - 0.0686 * lnE);
}

LateralShape LateralParams::at(double tau) const {
  constexpr double k2 = 0.645, k3 = -2.59;
  const double q = (m_p2 - tau) * m_invP3;
  LateralShape s;
  s.rCore = m_z1 + m_z2 * tau;
  s.rTail = m_k1 * (std::exp(k3 * (tau - k2)) + std::exp(m_k4 * (tau - k2)));
  s.pCore = std::clamp(m_p1 * std::exp(q - std::exp(q)), 0.0, 1.0);
  return s;
}

LateralShape GrindhammerPeters::lateral(double energy, double tau) { return LateralParams(energy).at(tau); }

double GrindhammerPeters::spotCount(double energy) { return 93.0 * std::log(kZ) * std::pow(std::max(energy, 0.0), 0.876); }

}  // namespace e2e::sim
