#pragma once
// The CMS-like detector layout (SPEC.md section 1). Units: cm, T, GeV. The cell-size choices that SPEC leaves
// open are ours and documented in docs/geometry.md.
#include <array>
#include <cstdint>
#include <numbers>

namespace e2e::geo {

inline constexpr double kPi = std::numbers::pi;
inline constexpr double kTwoPi = 2.0 * std::numbers::pi;

// Solenoid.
inline constexpr double kBField = 3.8;             // T
inline constexpr double kSolenoidRadius = 129.0;   // cm: the field ends at the ECAL face
inline constexpr double kSolenoidHalfLength = 300.0;

// ECAL barrel: 170 x 360 crystals, front face at r = 129 cm.
inline constexpr int kEBRows = 170;
inline constexpr int kPhiBins = 360;
inline constexpr double kEBEtaMax = 1.479;
inline constexpr double kCrystalDEta = 2.0 * kEBEtaMax / kEBRows;  // 0.0174
inline constexpr double kCrystalDPhi = kTwoPi / kPhiBins;
inline constexpr double kEcalRadius = 129.0;
inline constexpr double kEcalDepth = 23.0;  // 25.8 X0 of PbWO4

// ECAL endcaps: a 100 x 100 grid per side at |z| = 315 cm. The grid pitch is our choice: it makes the grid's
// inscribed circle reach the barrel edge (r = 315 / sinh(1.479) = 152.2 cm) so no eta gap is left.
inline constexpr int kEEGrid = 100;
inline constexpr double kEEz = 315.0;
inline constexpr double kEEEtaMin = kEBEtaMax;
inline constexpr double kEEEtaMax = 3.0;
inline constexpr double kEECellSize = 3.05;  // cm

// PbWO4.
inline constexpr double kX0 = 0.89;            // cm
inline constexpr double kMoliereRadius = 2.19; // cm
inline constexpr double kCriticalEnergy = 0.00874;  // GeV
inline constexpr double kLambdaI = 18.5;       // cm
inline constexpr double kZeff = 68.36;

// The whole-event frame: 280 x 360. Rows 0-54 EE-, 55-224 EB, 225-279 EE+.
inline constexpr int kFrameRows = 280;
inline constexpr int kFrameCols = kPhiBins;
inline constexpr int kEERows = 55;
inline constexpr int kFrameEBFirstRow = kEERows;

// HCAL: 28 rings per side (56 in eta) x 72 towers in phi; 5 x 5 crystals per barrel tower.
inline constexpr int kHcalRingsPerSide = 28;
inline constexpr int kHcalRings = 2 * kHcalRingsPerSide;
inline constexpr int kHcalPhiBins = 72;
inline constexpr int kHcalFirstWideRing = 21;  // |ieta| >= 21: 10-degree towers (even iphi only)
inline constexpr int kHcalBarrelLastRing = 16;  // HB: |ieta| 1-16, HE: 17-28
inline constexpr int kCrystalsPerTower = 5;
inline constexpr double kHcalInnerRadius = 179.0;  // cm (HB front)
// Upper |eta| edge of ring |ieta| = 1..28; edge[0] = 0.
extern const std::array<double, kHcalRingsPerSide + 1> kHcalEtaEdges;

}  // namespace e2e::geo
