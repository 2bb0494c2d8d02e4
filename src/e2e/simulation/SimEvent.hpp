#pragma once
// The detector-level products of one simulated event. Collections keep their capacity across events, so a
// SimEvent reused for every event stops allocating once it has seen the largest one.
#include "e2e/dataformats/CaloHits.hpp"
#include "e2e/dataformats/TrackerHits.hpp"
#include "e2e/dataformats/Tracks.hpp"

namespace e2e::sim {

struct SimEvent {
  EcalHits ecal;             // label "ecal"
  HcalHits hcal;             // label "hcal"
  TrackerHits trackerHits;   // label "trackerHits"
  Tracks tracks;             // label "tracks"
  Vertices vertices;         // label "vertices"

  void clear() {
    ecal.clear();
    hcal.clear();
    trackerHits.clear();
    tracks.clear();
    vertices.clear();
  }
};

}  // namespace e2e::sim
