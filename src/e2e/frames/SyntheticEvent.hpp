#pragma once
// Random hit content with controllable occupancy, for tests and benchmarks that must not depend on the detector
// simulation. Not physics: cells are drawn uniformly (plus optional dense blobs standing in for objects).
#include <cstdint>
#include <vector>

#include "e2e/frames/EventHits.hpp"

namespace e2e::frames {

struct SyntheticOccupancy {
  int ecalBarrel = 800;        // EB crystals hit (distinct)
  int ecalEndcap = 200;        // EE crystals hit (distinct)
  int hcal = 300;              // HCAL hits (tower, depth); wide rings use even iphi
  int tracks = 60;
  int hitsPerLayer = 60;       // tracker hits in each of the 14 barrel layers
  int blobs = 0;               // dense 11 x 11 crystal blobs (objects) added on top, in the barrel
};

struct SyntheticEvent {
  EcalHits ecal;
  HcalHits hcal;
  TrackerHits trackerHits;
  Tracks tracks;
  float pvZ = 0;
  std::vector<std::uint32_t> blobSeeds;  // EB crystal at the centre of each blob

  // Replaces the content with a random event; the same (seed, index) gives the same event.
  void generate(const SyntheticOccupancy& occ, std::uint64_t seed, std::uint64_t index);
  EventHits view() const { return {&ecal, &hcal, &trackerHits, &tracks, pvZ}; }
  void clear();
};

}  // namespace e2e::frames
