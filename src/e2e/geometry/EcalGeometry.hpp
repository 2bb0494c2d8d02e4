#pragma once
// ECAL cells: EB crystals (ieta row 0..169 from eta = -1.479 upwards, iphi 0..359 from phi = -pi) and EE crystals
// (side -1/+1, ix/iy 0..99 on a square grid at |z| = 315 cm). A cell is named by a packed 32-bit EcalId.
// Both map onto the 280 x 360 whole-event frame.
#include <cstdint>
#include <optional>

#include "e2e/geometry/Detector.hpp"

namespace e2e::geo {

struct EcalId {
  static constexpr std::uint32_t kEndcapBit = 1u << 31;
  static constexpr std::uint32_t kPlusSideBit = 1u << 30;

  static std::uint32_t barrel(int ieta, int iphi) { return static_cast<std::uint32_t>(ieta) << 9 | static_cast<std::uint32_t>(iphi); }
  static std::uint32_t endcap(int side, int ix, int iy) {
    return kEndcapBit | (side > 0 ? kPlusSideBit : 0u) | static_cast<std::uint32_t>(ix) << 7 | static_cast<std::uint32_t>(iy);
  }
  static bool isEndcap(std::uint32_t id) { return (id & kEndcapBit) != 0; }
  static int ebIeta(std::uint32_t id) { return static_cast<int>((id >> 9) & 0xff); }
  static int ebIphi(std::uint32_t id) { return static_cast<int>(id & 0x1ff); }
  static int eeSide(std::uint32_t id) { return (id & kPlusSideBit) ? +1 : -1; }
  static int eeIx(std::uint32_t id) { return static_cast<int>((id >> 7) & 0x7f); }
  static int eeIy(std::uint32_t id) { return static_cast<int>(id & 0x7f); }
};

// Wraps phi into [-pi, pi).
double wrapPhi(double phi);
// Phi column 0..359 of the frame (EB iphi): column 0 starts at phi = -pi.
int phiColumn(double phi);
double phiColumnCenter(int column);

// EB
bool inBarrel(double eta);
int ebRow(double eta);  // 0..169; clamps to the edge rows
double ebRowCenterEta(int row);

// EE
struct EECell {
  int side, ix, iy;
};
// Cell hit by a straight line from the origin at (eta, phi), if it is inside the endcap acceptance.
std::optional<EECell> eeCellAt(double eta, double phi);
// A grid cell is a real crystal when its centre lies between |eta| 1.479 and 3.0.
bool eeCellExists(int ix, int iy);
double eeCellX(int ix);  // cm, centre
double eeCellY(int iy);
double eeCellEta(int side, int ix, int iy);
double eeCellPhi(int ix, int iy);

// Centre of any ECAL cell.
double ecalCellEta(std::uint32_t id);
double ecalCellPhi(std::uint32_t id);
std::uint32_t ecalCellAt(double eta, double phi);  // EB or EE cell, for |eta| < 3

// The whole-event frame: rows 0-54 EE-, 55-224 EB, 225-279 EE+. Each HCAL ring maps to 5 rows; in the endcaps a
// ring's eta range is split into 5 equal sub-rows, so ECAL rows and HCAL towers stay aligned everywhere.
int frameRow(double eta);  // -1 outside |eta| < 3
double frameRowLowEdge(int row);
double frameRowCenterEta(int row);
// Frame position of an ECAL cell (EE cells by the eta/phi of their centre).
struct FramePos {
  int row, col;
};
FramePos ecalFramePos(std::uint32_t id);

}  // namespace e2e::geo
