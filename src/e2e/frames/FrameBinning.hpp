#pragma once
// Where each kind of hit lands on the 280 x 360 frame. Images (dense and sparse paths) and hit graphs all bin
// through these functions, so a hit is inside a window for one exactly when it is inside it for the others.
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/geometry/HcalGeometry.hpp"

namespace e2e::frames {

struct FrameCell {
  int row = -1, col = -1;  // row -1: outside |eta| < 3
  float eta = 0, phi = 0;
};

// A track at its vertex direction.
inline FrameCell trackCell(float eta, float phi) {
  return {geo::frameRow(eta), geo::phiColumn(phi), eta, phi};
}

// A tracker hit by its direction seen from the origin.
inline FrameCell trackerHitCell(float x, float y, float z) {
  const float eta = std::asinh(z / std::hypot(x, y));
  const float phi = std::atan2(y, x);
  return {geo::frameRow(eta), geo::phiColumn(phi), eta, phi};
}

// An HCAL tower as a block of crystals: 5 rows x 5 columns, or 5 x 10 for the 10-degree rings |ieta| >= 21
// whose energy is split evenly over both 5-degree columns. width 0: not a tower.
struct HcalBlock {
  int row = 0, col = 0, width = 0;
};

inline HcalBlock hcalBlock(int ieta, int iphi) {
  const int a = std::abs(ieta);
  if (a < 1 || a > geo::kHcalRingsPerSide || iphi < 0 || iphi >= geo::kHcalPhiBins) return {};
  return {geo::kCrystalsPerTower * geo::hcalRingIndex(ieta), geo::kCrystalsPerTower * iphi,
          geo::kCrystalsPerTower * geo::hcalPhiSpan(ieta)};
}

}  // namespace e2e::frames
