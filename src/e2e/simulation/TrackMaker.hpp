#pragma once
// Reconstructed tracks from charged generator particles: efficiency and resolutions are parametrised
// (SPEC.md section 1) on top of the exact helix perigee, so d0 and dz carry the real displacement of tau, b and
// K0S daughters. sigma(pT)/pT = a pT (+) b; sigma(d0), sigma(dz) = c (+) d / (pT sin^k theta), the second term
// being multiple scattering, which makes low-pT tracks wide.
#include <cstdint>

#include "e2e/core/Random.hpp"
#include "e2e/dataformats/Tracks.hpp"
#include "e2e/simulation/Helix.hpp"
#include "e2e/simulation/SimulationConfig.hpp"

namespace e2e::sim {

struct TrackResolution {
  double relPt, d0, dz, phi, eta;
};

class TrackMaker {
public:
  explicit TrackMaker(const SimulationConfig& config);

  // Probability to reconstruct a charged particle (production radius in cm).
  double efficiency(double pt, double eta, double productionRadius, bool electron) const;
  static TrackResolution resolution(double pt, double eta);
  // Appends a track for the charged particle starting at `state` when it is found. `pixelHits` is the number
  // of its simulated pixel hits (quality flag). Returns whether a track was made.
  bool make(const TrackState& state, double charge, bool electron, std::int32_t genIndex, int pixelHits, Rng& rng,
            Tracks& out) const;

private:
  double m_minPt, m_maxEta;
};

}  // namespace e2e::sim
