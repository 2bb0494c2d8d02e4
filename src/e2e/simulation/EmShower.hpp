#pragma once
// Electromagnetic showers in the ECAL crystals (Grindhammer-Peters, SPEC.md section 2).
//
// Integrated mode (default): the shower's own longitudinal shape is drawn once, cut into 1 X0 slices, and each
// slice's core and tail terms are integrated over the crystals with LateralTable. The shower axis is followed in
// three depth segments (tilted and displaced showers cross crystal boundaries). The energy-spot statistics of a
// full spot simulation are kept as a multinomial fluctuation of the crystal fractions.
// Spots mode: the reference, ~93 ln(Z) E^0.876 spots drawn one by one (about 10^4 for 50 GeV).
// Showers below 2 GeV (most of those in a jet: brem photons, soft pi0 photons) use the mean profile of their
// energy, precomputed, with one axis position and the spot statistics only.
// Both modes then apply the ECAL's intrinsic resolution to the shower's visible energy.
#include <array>
#include <vector>

#include "e2e/core/Random.hpp"
#include "e2e/simulation/LateralTable.hpp"
#include "e2e/simulation/SimulationConfig.hpp"

namespace e2e::sim {

class CellSums;

// A shower's starting point on the ECAL face and its axis (unit vector).
struct ShowerStart {
  double x = 0, y = 0, z = 0;
  double ux = 0, uy = 0, uz = 0;
  double t = 0;       // ns at the face
  double energy = 0;  // GeV of the particle arriving there
  bool endcap = false;
};

class EmShower {
public:
  static constexpr double kCrystalDepthX0 = 25.8;
  // SPEC resolution: 2.8%/sqrt(E) (+) 0.12 GeV/E (+) 0.3%; the noise term comes from the crystal noise.
  static constexpr double kStochastic = 0.028;
  static constexpr double kConstant = 0.003;

  explicit EmShower(const SimulationConfig& config);

  // Deposits a shower of `energy` GeV into `ecal`; returns the energy leaking out of the back of the crystals.
  double deposit(const ShowerStart& start, double energy, Rng& rng, CellSums& ecal) const;
  // Relative intrinsic smearing applied on top of the simulated containment fluctuations so that the 3x3 sum
  // reproduces the stochastic and constant terms.
  static double intrinsicSigma(double energy);

private:
  // Mean lateral sum (EB and EE crystal widths), mean depth (cm) and leakage of a small shower's energy bin.
  struct SmallProfile {
    std::array<ProfileGrid, 2> lateral;
    double depth = 0.0, leak = 0.0;
  };

  double visibleEnergy(double energy, Rng& rng) const;
  double depositSmall(const ShowerStart& start, double energy, Rng& rng, CellSums& ecal) const;
  double depositIntegrated(const ShowerStart& start, double energy, Rng& rng, CellSums& ecal) const;
  double depositSpots(const ShowerStart& start, double energy, Rng& rng, CellSums& ecal) const;

  ShowerMode m_mode;
  bool m_fluctuate;
  double m_shapeScale;
  bool m_smear;
  std::vector<SmallProfile> m_small;  // log-spaced energy bins, 4 per decade from 10 MeV to 2 GeV
};

// Regularised upper incomplete gamma Q(a, x) = Gamma(a, x) / Gamma(a).
double upperIncompleteGamma(double a, double x);

}  // namespace e2e::sim
