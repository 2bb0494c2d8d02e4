#include "e2e/geometry/HcalGeometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "e2e/geometry/EcalGeometry.hpp"

namespace e2e::geo {

int hcalRingIndex(int ieta) { return ieta < 0 ? kHcalRingsPerSide + ieta : kHcalRingsPerSide - 1 + ieta; }
int hcalIetaOfIndex(int ring) { return ring < kHcalRingsPerSide ? ring - kHcalRingsPerSide : ring - kHcalRingsPerSide + 1; }

int hcalIeta(double eta) {
  const double a = std::abs(eta);
  if (a >= kHcalEtaEdges.back()) return 0;
  const auto it = std::upper_bound(kHcalEtaEdges.begin(), kHcalEtaEdges.end(), a);
  const int ring = static_cast<int>(it - kHcalEtaEdges.begin());  // 1..28
  return eta < 0 ? -ring : ring;
}

double hcalRingLowEta(int ieta) {
  const int a = std::abs(ieta);
  return ieta > 0 ? kHcalEtaEdges[static_cast<std::size_t>(a - 1)] : -kHcalEtaEdges[static_cast<std::size_t>(a)];
}
double hcalRingHighEta(int ieta) {
  const int a = std::abs(ieta);
  return ieta > 0 ? kHcalEtaEdges[static_cast<std::size_t>(a)] : -kHcalEtaEdges[static_cast<std::size_t>(a - 1)];
}
double hcalRingCenterEta(int ieta) { return 0.5 * (hcalRingLowEta(ieta) + hcalRingHighEta(ieta)); }

bool hcalWideRing(int ieta) { return std::abs(ieta) >= kHcalFirstWideRing; }
int hcalPhiSpan(int ieta) { return hcalWideRing(ieta) ? 2 : 1; }

int hcalIphi(int ieta, double phi) {
  const int col = phiColumn(phi) / kCrystalsPerTower;
  return hcalWideRing(ieta) ? col & ~1 : col;
}

double hcalTowerCenterPhi(int ieta, int iphi) {
  const double width = kTwoPi / kHcalPhiBins * hcalPhiSpan(ieta);
  return -kPi + iphi * (kTwoPi / kHcalPhiBins) + 0.5 * width;
}

int hcalCenterFrameRow(int ieta) { return kCrystalsPerTower * hcalRingIndex(ieta) + 2; }
int hcalCenterFrameCol(int iphi) { return kCrystalsPerTower * iphi + 2; }

}  // namespace e2e::geo
