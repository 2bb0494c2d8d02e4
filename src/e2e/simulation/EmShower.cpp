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
#include "e2e/simulation/Ziggurat.hpp"

namespace e2e::sim {
namespace {

constexpr int kSlices = 26;       // 1 X0 slices over the 25.8 X0 crystal
constexpr int kSegments = 3;      // axis positions followed through the depth
// Containment fluctuations of the 3x3 sum that the simulation produces by itself (shower shape and spot
// statistics, measured with bench/simulation/sim_validation at crystal centres); the intrinsic smearing adds
// only what is missing to reach the SPEC stochastic and constant terms.
constexpr double kContainmentStochastic = 0.0175;
constexpr double kContainmentConstant = 0.0030;
// Slices carrying less than this fraction of the shower are not spread laterally (at most ~0.03% in all).
constexpr double kMinSliceWeight = 1e-5;
// Crystal fractions below this skip the spot-statistics fluctuation: their share of the energy is negligible.
constexpr float kMinFluctuatedFraction = 1e-3f;
// Showers below this energy use a precomputed mean profile (one axis position, offsets rounded to the table's
// steps): they are most of the showers in a jet (brem photons, soft pi0 photons) and carry little of its energy.
constexpr double kDetailedEnergy = 2.0;  // GeV
// Above this energy the axis offset is interpolated between table nodes (position resolution of the images);
// below, the nearest node is enough.
constexpr double kInterpolatedEnergy = 10.0;
// Crystal deposits below 0.1 MeV (1/400 of the EB noise) are not written: a soft shower's far window would
// otherwise touch ~100 crystals for nothing.
constexpr float kMinCellEnergy = 1e-4f;
constexpr double kSmallMinEnergy = 0.01;
constexpr int kSmallBinsPerDecade = 4;

using Fractions = std::array<float, LateralTable::kCells>;

struct Slices {
  std::array<double, kSlices> weight{}, depth{};  // energy fraction and centre (X0) of each 1 X0 slice
  double leak = 0.0;                              // fraction beyond the crystal depth
};

// Longitudinal gamma profile integrated per slice (midpoint rule, normalised to the exact containment).
Slices slice(const LongitudinalShape& shape) {
  Slices s;
  const double a = shape.alpha, b = shape.beta;
  s.leak = upperIncompleteGamma(a, b * EmShower::kCrystalDepthX0);
  const double lnNorm = a * std::log(b) - std::lgamma(a);
  double sum = 0.0;
  for (int k = 0; k < kSlices; ++k) {
    const double t0 = k, t1 = std::min(k + 1.0, EmShower::kCrystalDepthX0), tm = 0.5 * (t0 + t1);
    s.weight[static_cast<std::size_t>(k)] = std::exp(lnNorm + (a - 1.0) * std::log(tm) - b * tm) * (t1 - t0);
    s.depth[static_cast<std::size_t>(k)] = tm;
    sum += s.weight[static_cast<std::size_t>(k)];
  }
  const double scale = sum > 0.0 ? (1.0 - s.leak) / sum : 0.0;
  for (double& w : s.weight) w *= scale;
  return s;
}

// Adds the core and tail terms of slices [first, last) to `lateral`.
void addSlices(const Slices& s, int first, int last, const LateralParams& params, double tmax, double toCells, LateralSum& lateral) {
  for (int q = first; q < last; ++q) {
    const double w = s.weight[static_cast<std::size_t>(q)];
    if (w < kMinSliceWeight) continue;
    const LateralShape l = params.at(s.depth[static_cast<std::size_t>(q)] / tmax);
    lateral.add(l.rCore * toCells, w * l.pCore);
    lateral.add(l.rTail * toCells, w * (1.0 - l.pCore));
  }
}

// Multinomial spot statistics: independent Gaussians of variance f / n, then the window sum is restored. Only the
// crystals within `half` of the centre take part (the rest hold less than kMinFluctuatedFraction each).
void fluctuateSpots(Fractions& frac, double nSpots, int half, Rng& rng) {
  Fractions noise;
  double gSum = 0.0, fSum = 0.0;
  constexpr int n = LateralTable::kSide, c0 = LateralTable::kHalf;
  for (int j = c0 - half; j <= c0 + half; ++j)
    for (int i = c0 - half; i <= c0 + half; ++i) {
      const auto c = static_cast<std::size_t>(j * n + i);
      const float f = frac[c];
      fSum += f;
      float g = 0.0f;
      if (f >= kMinFluctuatedFraction) g = static_cast<float>(Ziggurat::normal(rng) * std::sqrt(f / nSpots));
      noise[c] = g;
      gSum += g;
    }
  const float pull = static_cast<float>(fSum > 0.0 ? gSum / fSum : 0.0);
  for (int j = c0 - half; j <= c0 + half; ++j)
    for (int i = c0 - half; i <= c0 + half; ++i) {
      const auto c = static_cast<std::size_t>(j * n + i);
      frac[c] = std::max(0.0f, frac[c] + noise[c] - pull * frac[c]);
    }
}

// Window half-size that still holds every crystal above kMinCellEnergy for a shower of this energy (the far
// rings of a soft shower carry less than that per crystal).
int windowHalf(double energy) { return energy < 0.2 ? 2 : energy < 0.5 ? 3 : energy < 1.0 ? 4 : LateralTable::kHalf; }

void depositWindow(const AxisCell& axis, const Fractions& frac, double energy, float time, CellSums& ecal) {
  depositEcalWindow(axis, frac, static_cast<float>(energy), time, kMinCellEnergy, windowHalf(energy), ecal);
}

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
  const int bins = static_cast<int>(std::ceil(std::log10(kDetailedEnergy / kSmallMinEnergy) * kSmallBinsPerDecade)) + 1;
  for (int i = 0; i < bins; ++i) {
    const double energy = kSmallMinEnergy * std::pow(10.0, static_cast<double>(i) / kSmallBinsPerDecade);
    const LongitudinalShape shape = GrindhammerPeters::meanShape(energy);
    const Slices s = slice(shape);
    SmallProfile p;
    double depth = 0.0;
    for (int k = 0; k < kSlices; ++k) depth += s.weight[static_cast<std::size_t>(k)] * s.depth[static_cast<std::size_t>(k)];
    p.depth = depth / (1.0 - s.leak) * geo::kX0;
    p.leak = s.leak;
    const LateralParams params(energy);
    for (const bool endcap : {false, true}) {
      LateralSum sum;
      addSlices(s, 0, kSlices, params, shape.tmax(), geo::kMoliereRadius / ecalFacePitch(endcap), sum);
      p.lateral[endcap ? 1 : 0].build(sum);
    }
    m_small.push_back(p);
  }
}

double EmShower::intrinsicSigma(double energy) {
  const double e = std::max(energy, 1e-3);
  const double target = kStochastic * kStochastic / e + kConstant * kConstant;
  const double simulated = kContainmentStochastic * kContainmentStochastic / e + kContainmentConstant * kContainmentConstant;
  return std::sqrt(std::max(0.0, target - simulated));
}

double EmShower::deposit(const ShowerStart& start, double energy, Rng& rng, CellSums& ecal) const {
  if (!(energy > 0.0)) return 0.0;
  if (m_mode == ShowerMode::Spots) return depositSpots(start, energy, rng, ecal);
  return energy < kDetailedEnergy ? depositSmall(start, energy, rng, ecal) : depositIntegrated(start, energy, rng, ecal);
}

double EmShower::visibleEnergy(double energy, Rng& rng) const {
  return m_smear ? energy * std::max(0.0, 1.0 + intrinsicSigma(energy) * Ziggurat::normal(rng)) : energy;
}

double EmShower::depositSmall(const ShowerStart& s, double energy, Rng& rng, CellSums& ecal) const {
  const double bin = std::log10(std::max(energy, kSmallMinEnergy) / kSmallMinEnergy) * kSmallBinsPerDecade;
  const auto index = std::min(static_cast<std::size_t>(bin + 0.5), m_small.size() - 1);
  const SmallProfile& p = m_small[index];
  const double visible = visibleEnergy(energy, rng);
  const AxisCell axis = locateInEcal(s.endcap, s.x + p.depth * s.ux, s.y + p.depth * s.uy, s.z + p.depth * s.uz);
  Fractions frac;
  p.lateral[s.endcap ? 1 : 0].evaluate(axis.ox, axis.oy, frac);
  if (m_fluctuate) fluctuateSpots(frac, std::max(1.0, GrindhammerPeters::spotCount(energy) * (1.0 - p.leak)), windowHalf(energy), rng);
  depositWindow(axis, frac, visible, static_cast<float>(s.t + p.depth / kSpeedOfLight), ecal);
  return visible * p.leak;
}

double EmShower::depositIntegrated(const ShowerStart& s, double energy, Rng& rng, CellSums& ecal) const {
  const LongitudinalShape shape = m_fluctuate ? GrindhammerPeters::sampleShape(energy, rng, m_shapeScale) : GrindhammerPeters::meanShape(energy);
  const double tmax = shape.tmax();
  const Slices slices = slice(shape);
  const double leak = slices.leak;
  const double visible = visibleEnergy(energy, rng);
  const double spots = GrindhammerPeters::spotCount(energy);
  const double toCells = geo::kMoliereRadius / ecalFacePitch(s.endcap);  // front-face widths at every depth
  const LateralParams params(energy);

  Fractions frac, total{};
  LateralSum lateral;
  // Segments whose axis stays in the same crystal are summed before touching the cells (the common case).
  AxisCell current;
  bool pending = false;
  double pendingWeight = 0.0, pendingTime = 0.0;
  auto flush = [&] {
    if (!pending) return;
    depositWindow(current, total, visible, static_cast<float>(pendingTime / pendingWeight), ecal);
    total.fill(0.0f);
    pending = false;
    pendingWeight = pendingTime = 0.0;
  };

  int k = 0;
  double done = 0.0;
  for (int seg = 0; seg < kSegments && k < kSlices; ++seg) {
    const double target = (1.0 - leak) * (seg + 1) / kSegments;
    double segWeight = 0.0, segDepth = 0.0;
    const int first = k;
    for (; k < kSlices; ++k) {
      const double w = slices.weight[static_cast<std::size_t>(k)];
      if (seg + 1 < kSegments && done + w > target && k > first) break;
      done += w;
      segWeight += w;
      segDepth += w * slices.depth[static_cast<std::size_t>(k)];
    }
    if (!(segWeight > 0.0)) continue;
    segDepth = segDepth / segWeight * geo::kX0;
    lateral.clear();
    addSlices(slices, first, k, params, tmax, toCells, lateral);
    const AxisCell axis = locateInEcal(s.endcap, s.x + segDepth * s.ux, s.y + segDepth * s.uy, s.z + segDepth * s.uz);
    if (energy < kInterpolatedEnergy)
      lateral.evaluateNearest(axis.ox, axis.oy, frac);
    else
      lateral.evaluate(axis.ox, axis.oy, frac);
    if (m_fluctuate) fluctuateSpots(frac, std::max(1.0, spots * segWeight), LateralTable::kHalf, rng);
    if (pending && (axis.a != current.a || axis.b != current.b || axis.side != current.side)) flush();
    current = axis;
    pending = true;
    for (int c = 0; c < LateralTable::kCells; ++c) total[static_cast<std::size_t>(c)] += frac[static_cast<std::size_t>(c)];
    pendingWeight += segWeight;
    pendingTime += segWeight * (s.t + segDepth / kSpeedOfLight);
  }
  flush();
  return visible * leak;
}

double EmShower::depositSpots(const ShowerStart& s, double energy, Rng& rng, CellSums& ecal) const {
  const LongitudinalShape shape = m_fluctuate ? GrindhammerPeters::sampleShape(energy, rng, m_shapeScale) : GrindhammerPeters::meanShape(energy);
  const double tmax = shape.tmax();
  const LateralParams params(energy);
  const double visible = visibleEnergy(energy, rng);
  const long n = std::max(1L, std::lround(GrindhammerPeters::spotCount(energy)));
  const double eSpot = visible / static_cast<double>(n);
  double leak = 0.0;
  for (long i = 0; i < n; ++i) {
    const double t = rng.gamma(shape.alpha) / shape.beta;
    if (t > kCrystalDepthX0) {
      leak += eSpot;
      continue;
    }
    const LateralShape l = params.at(t / tmax);
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
