#include "e2e/geometry/EcalGeometry.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "e2e/geometry/HcalGeometry.hpp"

namespace e2e::geo {

double wrapPhi(double phi) {
  phi = std::fmod(phi + kPi, kTwoPi);
  if (phi < 0) phi += kTwoPi;
  return phi - kPi;
}

int phiColumn(double phi) {
  const int c = static_cast<int>(std::floor((wrapPhi(phi) + kPi) / kCrystalDPhi));
  return std::clamp(c, 0, kPhiBins - 1);
}

double phiColumnCenter(int column) { return -kPi + (column + 0.5) * kCrystalDPhi; }

bool inBarrel(double eta) { return std::abs(eta) < kEBEtaMax; }

int ebRow(double eta) {
  const int r = static_cast<int>(std::floor((eta + kEBEtaMax) / kCrystalDEta));
  return std::clamp(r, 0, kEBRows - 1);
}

double ebRowCenterEta(int row) { return -kEBEtaMax + (row + 0.5) * kCrystalDEta; }

double eeCellX(int ix) { return (ix - kEEGrid / 2 + 0.5) * kEECellSize; }
double eeCellY(int iy) { return (iy - kEEGrid / 2 + 0.5) * kEECellSize; }

namespace {
double etaFromRZ(double r, double z) { return std::asinh(z / r); }
const double kEERMin = kEEz / std::sinh(kEEEtaMax);
const double kEERMax = kEEz / std::sinh(kEEEtaMin);
}  // namespace

bool eeCellExists(int ix, int iy) {
  if (ix < 0 || iy < 0 || ix >= kEEGrid || iy >= kEEGrid) return false;
  const double r = std::hypot(eeCellX(ix), eeCellY(iy));
  return r >= kEERMin && r <= kEERMax;
}

double eeCellEta(int side, int ix, int iy) {
  return side * etaFromRZ(std::hypot(eeCellX(ix), eeCellY(iy)), kEEz);
}

double eeCellPhi(int ix, int iy) { return std::atan2(eeCellY(iy), eeCellX(ix)); }

std::optional<EECell> eeCellAt(double eta, double phi) {
  const double aeta = std::abs(eta);
  if (aeta < kEEEtaMin || aeta >= kEEEtaMax) return std::nullopt;
  const double r = kEEz / std::sinh(aeta);
  const int ix = static_cast<int>(std::floor(r * std::cos(phi) / kEECellSize)) + kEEGrid / 2;
  const int iy = static_cast<int>(std::floor(r * std::sin(phi) / kEECellSize)) + kEEGrid / 2;
  if (!eeCellExists(ix, iy)) return std::nullopt;
  return EECell{eta > 0 ? +1 : -1, ix, iy};
}

double ecalCellEta(std::uint32_t id) {
  if (EcalId::isEndcap(id)) return eeCellEta(EcalId::eeSide(id), EcalId::eeIx(id), EcalId::eeIy(id));
  return ebRowCenterEta(EcalId::ebIeta(id));
}

double ecalCellPhi(std::uint32_t id) {
  if (EcalId::isEndcap(id)) return eeCellPhi(EcalId::eeIx(id), EcalId::eeIy(id));
  return phiColumnCenter(EcalId::ebIphi(id));
}

std::uint32_t ecalCellAt(double eta, double phi) {
  if (inBarrel(eta)) return EcalId::barrel(ebRow(eta), phiColumn(phi));
  if (auto c = eeCellAt(eta, phi)) return EcalId::endcap(c->side, c->ix, c->iy);
  // Grid corners at the acceptance edge: fall back to the nearest existing crystal along the same line.
  const double aeta = std::clamp(std::abs(eta), kEEEtaMin + 1e-6, kEEEtaMax - 1e-3);
  for (double shrink = 0.0; shrink < 0.2; shrink += 0.005) {
    const double probe = (std::abs(eta) >= kEEEtaMax - 1e-3) ? aeta - shrink : aeta + shrink;
    if (auto c = eeCellAt(eta > 0 ? probe : -probe, phi)) return EcalId::endcap(c->side, c->ix, c->iy);
  }
  return EcalId::barrel(ebRow(eta), phiColumn(phi));
}

namespace {
// 281 row edges in eta: 5 equal sub-rows per HCAL ring in the endcaps, EB crystal rows in the barrel.
std::array<double, kFrameRows + 1> makeRowEdges() {
  std::array<double, kFrameRows + 1> e{};
  for (int ring = 0; ring < kHcalRings; ++ring) {
    const int ieta = hcalIetaOfIndex(ring);
    const double lo = hcalRingLowEta(ieta), hi = hcalRingHighEta(ieta);
    for (int k = 0; k < kCrystalsPerTower; ++k) e[static_cast<std::size_t>(ring * 5 + k)] = lo + (hi - lo) * k / 5.0;
  }
  e[kFrameRows] = kEEEtaMax;
  // Barrel rows exactly as the crystal grid (avoids rounding differences between the two definitions).
  for (int r = 0; r <= kEBRows; ++r) e[static_cast<std::size_t>(kFrameEBFirstRow + r)] = -kEBEtaMax + r * kCrystalDEta;
  return e;
}
const std::array<double, kFrameRows + 1> kRowEdges = makeRowEdges();
}  // namespace

int frameRow(double eta) {
  if (!(eta >= -kEEEtaMax && eta < kEEEtaMax)) return -1;
  if (inBarrel(eta)) return kFrameEBFirstRow + ebRow(eta);
  const auto it = std::upper_bound(kRowEdges.begin(), kRowEdges.end(), eta);
  return std::clamp(static_cast<int>(it - kRowEdges.begin()) - 1, 0, kFrameRows - 1);
}

double frameRowLowEdge(int row) { return kRowEdges[static_cast<std::size_t>(row)]; }
double frameRowCenterEta(int row) {
  return 0.5 * (kRowEdges[static_cast<std::size_t>(row)] + kRowEdges[static_cast<std::size_t>(row + 1)]);
}

FramePos ecalFramePos(std::uint32_t id) {
  if (!EcalId::isEndcap(id)) return {kFrameEBFirstRow + EcalId::ebIeta(id), EcalId::ebIphi(id)};
  const int row = frameRow(ecalCellEta(id));
  return {std::clamp(row, 0, kFrameRows - 1), phiColumn(ecalCellPhi(id))};
}

}  // namespace e2e::geo
