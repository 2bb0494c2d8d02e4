#pragma once
// The detector inputs of one event that images and graphs are made from. Non-owning; a null collection simply
// contributes nothing (e.g. an event file without tracker hits).
#include "e2e/dataformats/CaloHits.hpp"
#include "e2e/dataformats/TrackerHits.hpp"
#include "e2e/dataformats/Tracks.hpp"

namespace e2e::frames {

struct EventHits {
  const EcalHits* ecal = nullptr;
  const HcalHits* hcal = nullptr;
  const TrackerHits* trackerHits = nullptr;
  const Tracks* tracks = nullptr;
  float pvZ = 0;  // primary vertex z [cm]: the track d0/dz channels keep tracks with |dz - pvZ| < kTrackDzCut
};

// SPEC.md section 3: only tracks this close to the primary vertex along z enter the d0 and dz channels.
inline constexpr float kTrackDzCut = 0.1f;  // cm

}  // namespace e2e::frames
