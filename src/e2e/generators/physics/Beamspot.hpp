#pragma once
// The luminous region: where and when the collisions of a bunch crossing happen.
#include "e2e/core/Random.hpp"
#include "e2e/generators/EventRecord.hpp"

namespace e2e::gen {

inline constexpr double kBeamspotSigmaXY = 0.0015;  // cm (15 um)

// Gaussian in x, y, z; the time spread of head-on Gaussian bunches is sigma_z / c.
inline Vertex sampleBeamspot(Rng& rng, double sigmaZ) {
  if (sigmaZ <= 0) return {};
  Vertex v;
  v.x = kBeamspotSigmaXY * rng.gauss();
  v.y = kBeamspotSigmaXY * rng.gauss();
  v.z = sigmaZ * rng.gauss();
  v.t = (sigmaZ / kSpeedOfLight) * rng.gauss();
  return v;
}

}  // namespace e2e::gen
