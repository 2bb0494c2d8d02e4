#pragma once
// Where a point inside the ECAL lands in the crystal grid. Crystals are treated as projective: a point maps to
// the crystal along the line from the nominal interaction point (EB by its eta/phi, EE by its radial projection
// onto the |z| = 315 cm face). Lengths across a shower are measured in crystal front-face widths at every depth
// (the SPEC containment numbers are defined that way; the real crystals widen by ~15% towards the back).
// Local axes: x along phi (EB) or the grid x (EE), y along eta (EB) or the grid y (EE).
#include <array>
#include <cstdint>

#include "e2e/simulation/LateralTable.hpp"

namespace e2e::sim {

class CellSums;

struct AxisCell {
  bool endcap = false;
  int side = 0;       // EE side, -1 / +1
  int a = 0, b = 0;   // EB: iphi, ieta (ieta may lie outside 0..169: the axis left the barrel); EE: ix, iy
  double ox = 0, oy = 0;  // offset of the point from the crystal centre, in crystal widths (-0.5 .. 0.5)
  double phi = 0;         // azimuth of the point
};

AxisCell locateInEcal(bool endcap, double x, double y, double z);
// Dense ECAL slot (CaloAccumulator.hpp) of the crystal shifted by (di, dj) from the located one, -1 if that
// crystal does not exist.
int ecalNeighbour(const AxisCell& cell, int di, int dj);
// Dense slots of the 11 x 11 LateralTable window around the located crystal (index j * 11 + i for the shift
// (i - 5, j - 5)), -1 where no crystal exists. Only shifts up to `half` are filled.
void ecalWindow(const AxisCell& cell, std::array<int, LateralTable::kCells>& slots, int half = LateralTable::kHalf);
// Adds energy x fraction to the crystals of the window within `half` of the centre, skipping deposits below
// `minEnergy` (GeV).
void depositEcalWindow(const AxisCell& cell, const std::array<float, LateralTable::kCells>& fractions, float energy, float time,
                       float minEnergy, int half, CellSums& ecal);
// Front-face crystal width, cm: 129 cm x 2 pi / 360 in EB, the 3.05 cm grid pitch in EE.
double ecalFacePitch(bool endcap);
// Dense slot of the crystal containing the point displaced from the located one by du (along phi) and dv (towards
// larger eta) centimetres across the shower axis; -1 if no crystal is there.
int ecalDisplaced(const AxisCell& cell, double du, double dv);

}  // namespace e2e::sim
