#include "e2e/simulation/EmShower.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "e2e/geometry/Detector.hpp"
#include "e2e/simulation/CaloAccumulator.hpp"
#include "e2e/simulation/EcalFace.hpp"
#include "e2e/simulation/GrindhammerPeters.hpp"
#include "e2e/simulation/Helix.hpp"
#include "e2e/simulation/LateralTable.hpp"

namespace e2e::sim {
namespace {

constexpr int kSlices = 26;       // 1 X0 slices over the 25.8 X0 crystal
constexpr int kSegments = 3;      // axis positions followed through the depth
// Containment fluctuations of the 3x3 sum that the simulation produces by itself (shower shape and spot
// statistics, measured with bench/simulation/sim_validation at crystal centres); the intrinsic smearing adds
// only what is missing to reach the SPEC stochastic and constant terms.
constexpr double kContainmentStochastic = 0.0175;
constexpr double kContainmentConstant = 0.0030;
// Crystal fractions below this skip the spot-statistics fluctuation: their share of the energy is negligible.
constexpr float kMinFluctuatedFraction = 1e-3f;

}  // namespace

double upperIncompleteGamma(double a, double x) {
  if (x <= 0.0) return 1.0;
  const double lnPrefix = a * std::log(x) - x - std::lgamma(a);
  if (x < a + 1.0) {
    // Series for the lower function.
    double term = 1.0 / a, sum = term;
    for (int n = 1; n < 200; ++n) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-12) break;
    }
    return std::max(0.0, 1.0 - sum * std::exp(lnPrefix));
  }
  // Continued fraction (modified Lentz) for the upper function.
  constexpr double tiny = 1e-300;
  double b = x + 1.0 - a, c = 1.0 / tiny, d = 1.0 / b, h = d;
  for (int i = 1; i < 200; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (std::abs(c) < tiny) c = tiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < 1e-12) break;
  }
  return std::exp(lnPrefix) * h;
}

EmShower::EmShower(const SimulationConfig& config)
    : m_mode(config.showerMode),
      m_fluctuate(config.showerFluctuations),
      m_shapeScale(config.shapeFluctuationScale),
      m_smear(config.intrinsicSmearing) {
  LateralTable::instance();  // built at construction, not inside the first event
}

double EmShower::intrinsicSigma(double energy) {
  const double e = std::max(energy, 1e-3);
  const double target = kStochastic * kStochastic / e + kConstant * kConstant;
  const double simulated = kContainmentStochastic * kContainmentStochastic / e + kContainmentConstant * kContainmentConstant;
  return std::sqrt(std::max(0.0, target - simulated));
}

double EmShower::deposit(const ShowerStart& start, double energy, Rng& rng, CellSums& ecal) const {
  if (!(energy > 0.0)) return 0.0;
  return m_mode == ShowerMode::Spots ? depositSpots(start, energy, rng, ecal) : depositIntegrated(start, energy, rng, ecal);
}

double EmShower::depositIntegrated(const ShowerStart& s, double energy, Rng& rng, CellSums& ecal) const {
  const LongitudinalShape shape = m_fluctuate ? GrindhammerPeters::sampleShape(energy, rng, m_shapeScale) : GrindhammerPeters::meanShape(energy);
  const double a = shape.alpha, b = shape.beta, tmax = shape.tmax();
  const double leak = upperIncompleteGamma(a, b * kCrystalDepthX0);

  std::array<double, kSlices> weight{}, depth{};
  const double lnNorm = a * std::log(b) - std::lgamma(a);
  double sum = 0.0;
  for (int k = 0; k < kSlices; ++k) {
    const double t0 = k, t1 = std::min(k + 1.0, kCrystalDepthX0), tm = 0.5 * (t0 + t1);
    weight[static_cast<std::size_t>(k)] = std::exp(lnNorm + (a - 1.0) * std::log(tm) - b * tm) * (t1 - t0);
    depth[static_cast<std::size_t>(k)] = tm;
    sum += weight[static_cast<std::size_t>(k)];
  }
  const double scale = sum > 0.0 ? (1.0 - leak) / sum : 0.0;
  for (double& w : weight) w *= scale;

  double visible = energy;
  if (m_smear) visible *= std::max(0.0, 1.0 + intrinsicSigma(energy) * rng.gauss());
  const double spots = GrindhammerPeters::spotCount(energy);

  std::array<float, LateralTable::kCells> frac{};
  const double pitch = ecalFacePitch(s.endcap);
  LateralSum lateral;
  int k = 0;
  double done = 0.0;
  for (int seg = 0; seg < kSegments && k < kSlices; ++seg) {
    const double target = (1.0 - leak) * (seg + 1) / kSegments;
    lateral.clear();
    double segWeight = 0.0, segDepth = 0.0;
    const int first = k;
    for (; k < kSlices; ++k) {
      const double w = weight[static_cast<std::size_t>(k)];
      if (seg + 1 < kSegments && done + w > target && k > first) break;
      done += w;
      segWeight += w;
      segDepth += w * depth[static_cast<std::size_t>(k)];
    }
    if (!(segWeight > 0.0)) continue;
    segDepth = segDepth / segWeight * geo::kX0;
    for (int q = first; q < k; ++q) {
      const double w = weight[static_cast<std::size_t>(q)];
      const LateralShape l = GrindhammerPeters::lateral(energy, depth[static_cast<std::size_t>(q)] / tmax);
      const double toCells = geo::kMoliereRadius / pitch;  // front-face widths at every depth
      lateral.add(l.rCore * toCells, w * l.pCore);
      lateral.add(l.rTail * toCells, w * (1.0 - l.pCore));
    }
    const AxisCell axis = locateInEcal(s.endcap, s.x + segDepth * s.ux, s.y + segDepth * s.uy, s.z + segDepth * s.uz);
    lateral.evaluate(axis.ox, axis.oy, frac);

    if (m_fluctuate) {
      // Multinomial spot statistics: independent Gaussians, then the window sum is restored.
      const double nSpots = std::max(1.0, spots * segWeight);
      double gSum = 0.0, fSum = 0.0;
      std::array<float, LateralTable::kCells> g{};
      for (int c = 0; c < LateralTable::kCells; ++c) {
        const float f = frac[static_cast<std::size_t>(c)];
        fSum += f;
        if (f < kMinFluctuatedFraction) continue;
        g[static_cast<std::size_t>(c)] = static_cast<float>(rng.gauss() * std::sqrt(f / nSpots));
        gSum += g[static_cast<std::size_t>(c)];
      }
      const double pull = fSum > 0.0 ? gSum / fSum : 0.0;
      for (int c = 0; c < LateralTable::kCells; ++c) {
        float& f = frac[static_cast<std::size_t>(c)];
        f = std::max(0.0f, f + g[static_cast<std::size_t>(c)] - static_cast<float>(pull) * f);
      }
    }
    const float time = static_cast<float>(s.t + segDepth / kSpeedOfLight);
    for (int j = 0; j < LateralTable::kSide; ++j)
      for (int i = 0; i < LateralTable::kSide; ++i) {
        const float f = frac[static_cast<std::size_t>(j * LateralTable::kSide + i)];
        if (!(f > 0.0f)) continue;
        const int cell = ecalNeighbour(axis, i - LateralTable::kHalf, j - LateralTable::kHalf);
        if (cell >= 0) ecal.add(cell, static_cast<float>(visible * f), time);
      }
  }
  return visible * leak;
}

double EmShower::depositSpots(const ShowerStart& s, double energy, Rng& rng, CellSums& ecal) const {
  const LongitudinalShape shape = m_fluctuate ? GrindhammerPeters::sampleShape(energy, rng, m_shapeScale) : GrindhammerPeters::meanShape(energy);
  const double tmax = shape.tmax();
  double visible = energy;
  if (m_smear) visible *= std::max(0.0, 1.0 + intrinsicSigma(energy) * rng.gauss());
  const long n = std::max(1L, std::lround(GrindhammerPeters::spotCount(energy)));
  const double eSpot = visible / static_cast<double>(n);
  double leak = 0.0;
  for (long i = 0; i < n; ++i) {
    const double t = rng.gamma(shape.alpha) / shape.beta;
    if (t > kCrystalDepthX0) {
      leak += eSpot;
      continue;
    }
    const LateralShape l = GrindhammerPeters::lateral(energy, t / tmax);
    const double radius = (rng.uniform() < l.pCore ? l.rCore : l.rTail) * geo::kMoliereRadius;
    const double u = rng.uniform();
    const double r = std::min(radius * std::sqrt(u / (1.0 - u)), 100.0);
    const double angle = 2.0 * std::numbers::pi * rng.uniform();
    const double d = t * geo::kX0;
    const AxisCell axis = locateInEcal(s.endcap, s.x + d * s.ux, s.y + d * s.uy, s.z + d * s.uz);
    const int cell = ecalDisplaced(axis, r * std::cos(angle), r * std::sin(angle));
    if (cell >= 0) ecal.add(cell, static_cast<float>(eSpot), static_cast<float>(s.t + d / kSpeedOfLight));
  }
  return leak;
}

}  // namespace e2e::sim
