#pragma once
// Primary-vertex finding from tracks: tracks sorted by their z at closest approach are split wherever two
// neighbours are more than `gap` apart; each group of at least `minTracks` is a vertex at the error-weighted
// mean z. Vertices come out ordered by sum pT^2, so row 0 is the primary vertex.
#include <cstdint>
#include <vector>

#include "e2e/dataformats/Tracks.hpp"

namespace e2e::reco {

struct VertexConfig {
  float gap = 0.1f;        // cm: largest z distance between neighbouring tracks of one vertex
  int minTracks = 2;
  float maxSigmaDz = 1.0f; // cm: tracks measured worse than this do not seed vertices
};

struct VertexScratch {
  std::vector<std::int32_t> order;
  Vertices unsorted;
};

class VertexFinder {
public:
  explicit VertexFinder(VertexConfig config = {}) : m_config(config) {}
  // Replaces `out` with the vertices found; Tracks::vertex is not modified (tracks stay const).
  void produce(const Tracks& tracks, Vertices& out, VertexScratch& scratch) const;

private:
  VertexConfig m_config;
};

// z of the primary vertex: row 0 of `found` when it has one, else row 0 of `fallback` (e.g. the simulation's
// vertices), else 0.
float primaryVertexZ(const Vertices& found, const Vertices* fallback = nullptr);

}  // namespace e2e::reco
