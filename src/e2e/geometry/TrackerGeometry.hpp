#pragma once
// Barrel tracker layers (SPEC.md section 1): pixel BPIX1-4, strips TIB1-4 and TOB1-6. Units: cm.
#include <array>
#include <cstdint>
#include <span>

#include "e2e/dataformats/TrackerHits.hpp"

namespace e2e::geo {

struct TrackerLayer {
  TrackerSubdet subdet;
  std::uint8_t layer;      // 1-based within subdet
  double radius;           // cm
  double halfLength;       // |z| extent, cm
  double sigmaRPhi;        // hit resolution in r-phi, cm
  double sigmaZ;           // hit resolution along z, cm (strips: ~length/sqrt(12) unless stereo)
  double thicknessX0;      // material per layer crossing at normal incidence, in X0
};

std::span<const TrackerLayer> trackerLayers();
const TrackerLayer& trackerLayer(TrackerSubdet subdet, int layer);

}  // namespace e2e::geo
