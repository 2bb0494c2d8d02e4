#pragma once
// Primary and pileup vertices from the reconstructed tracks: prompt high-purity tracks are sorted in z and split
// where neighbours are further apart than a gap; clusters of two or more tracks are vertices, ordered by
// sum pT^2 (row 0 is the primary). Every track is then attached to the nearest vertex within its dz reach.
// The beam line is at x = y = 0, so vertices sit on it.
#include <vector>

#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/dataformats/Tracks.hpp"

namespace e2e::sim {

class VertexFinder {
public:
  static constexpr double kGap = 0.06;       // cm between neighbouring tracks in z
  static constexpr double kMinPt = 0.4;      // GeV for tracks that seed vertices
  static constexpr double kMaxD0 = 0.1;      // cm: displaced tracks do not seed
  static constexpr double kMaxPt2 = 10000.0; // GeV^2: one mismeasured track must not make a primary vertex

  // `order` and `clusterOf` are caller-owned scratch (kept between events to avoid reallocation).
  void find(Tracks& tracks, const GenParticles& gen, Vertices& out, std::vector<int>& order,
            std::vector<int>& clusterOf) const;
};

}  // namespace e2e::sim
