#pragma once
// HCAL towers: signed ring ieta = +-1..+-28 (|eta| edges in Detector.hpp), iphi 0..71 (5 degrees, aligned with
// 5 EB crystals); rings |ieta| >= 21 are 10 degrees wide and use even iphi only. Ring index 0..55 runs from
// eta = -3 upwards and equals frame row / 5.
#include "e2e/geometry/Detector.hpp"

namespace e2e::geo {

int hcalRingIndex(int ieta);   // -28..-1, 1..28 -> 0..55
int hcalIetaOfIndex(int ring); // inverse
// Signed ring containing eta (|eta| < 3), 0 outside.
int hcalIeta(double eta);
double hcalRingLowEta(int ieta);   // signed edges of the ring
double hcalRingHighEta(int ieta);
double hcalRingCenterEta(int ieta);
bool hcalWideRing(int ieta);
// Tower iphi containing phi; for wide rings the even index of the 10-degree tower.
int hcalIphi(int ieta, double phi);
double hcalTowerCenterPhi(int ieta, int iphi);
// Number of 5-degree frame tower columns a tower spans (1 or 2).
int hcalPhiSpan(int ieta);
// The frame cell (row, col) of the tower's central crystal: 5 * tower + 2, as the E2E jet crop rule uses.
int hcalCenterFrameRow(int ieta);
int hcalCenterFrameCol(int iphi);

}  // namespace e2e::geo
