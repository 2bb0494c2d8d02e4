#include "e2e/simulation/EcalFace.hpp"

#include <array>
#include <cmath>

#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/simulation/CaloAccumulator.hpp"
#include "e2e/simulation/Quadrature.hpp"

namespace e2e::sim {

double ecalFacePitch(bool endcap) { return endcap ? geo::kEECellSize : geo::kEcalRadius * geo::kCrystalDPhi; }

AxisCell locateInEcal(bool endcap, double x, double y, double z) {
  AxisCell c;
  c.endcap = endcap;
  if (!endcap) {
    const double r = quadrature(x, y);
    const double eta = std::asinh(z / r);
    const double phi = std::atan2(y, x);
    const double fPhi = (phi + geo::kPi) / geo::kCrystalDPhi;
    const double fEta = (eta + geo::kEBEtaMax) / geo::kCrystalDEta;
    c.a = static_cast<int>(std::floor(fPhi));
    c.b = static_cast<int>(std::floor(fEta));
    c.ox = fPhi - c.a - 0.5;
    c.oy = fEta - c.b - 0.5;
    c.a = ((c.a % geo::kPhiBins) + geo::kPhiBins) % geo::kPhiBins;
    c.phi = phi;
    return c;
  }
  c.side = z > 0 ? +1 : -1;
  const double scale = geo::kEEz / std::abs(z);
  const double fx = x * scale / geo::kEECellSize + geo::kEEGrid / 2;
  const double fy = y * scale / geo::kEECellSize + geo::kEEGrid / 2;
  c.a = static_cast<int>(std::floor(fx));
  c.b = static_cast<int>(std::floor(fy));
  c.ox = fx - c.a - 0.5;
  c.oy = fy - c.b - 0.5;
  c.phi = std::atan2(y, x);
  return c;
}

void ecalWindow(const AxisCell& cell, std::array<int, LateralTable::kCells>& slots, int half) {
  constexpr int n = LateralTable::kSide, c = LateralTable::kHalf;
  const int lo = c - half, hi = c + half;
  if (cell.endcap) {
    for (int j = lo; j <= hi; ++j)
      for (int i = lo; i <= hi; ++i) slots[static_cast<std::size_t>(j * n + i)] = ecalNeighbour(cell, i - c, j - c);
    return;
  }
  std::array<int, n> phi{};
  for (int i = lo; i <= hi; ++i) {
    int p = cell.a + i - c;
    if (p < 0) p += geo::kPhiBins;
    if (p >= geo::kPhiBins) p -= geo::kPhiBins;
    phi[static_cast<std::size_t>(i)] = p;
  }
  for (int j = lo; j <= hi; ++j) {
    const int ieta = cell.b + j - c;
    const bool valid = ieta >= 0 && ieta < geo::kEBRows;
    for (int i = lo; i <= hi; ++i)
      slots[static_cast<std::size_t>(j * n + i)] = valid ? ecalcell::barrel(ieta, phi[static_cast<std::size_t>(i)]) : -1;
  }
}

void depositEcalWindow(const AxisCell& cell, const std::array<float, LateralTable::kCells>& fractions, float energy, float time,
                       float minEnergy, int half, CellSums& ecal) {
  std::array<int, LateralTable::kCells> slots;
  ecalWindow(cell, slots, half);
  constexpr int n = LateralTable::kSide, c = LateralTable::kHalf;
  for (int j = c - half; j <= c + half; ++j)
    for (int i = c - half; i <= c + half; ++i) {
      const auto k = static_cast<std::size_t>(j * n + i);
      const float deposit = energy * fractions[k];
      if (deposit > minEnergy && slots[k] >= 0) ecal.add(slots[k], deposit, time);
    }
}

int ecalDisplaced(const AxisCell& cell, double du, double dv) {
  const double pitch = ecalFacePitch(cell.endcap);
  double fa, fb;
  if (!cell.endcap) {
    fa = cell.ox + du / pitch;
    fb = cell.oy + dv / pitch;
  } else {
    // Along phi is (-sin, cos); towards larger |eta| is radially inwards on the +z side, outwards on the -z side.
    const double s = std::sin(cell.phi), c = std::cos(cell.phi);
    const double radial = -cell.side * dv;
    fa = cell.ox + (-s * du + c * radial) / pitch;
    fb = cell.oy + (c * du + s * radial) / pitch;
  }
  return ecalNeighbour(cell, static_cast<int>(std::floor(fa + 0.5)), static_cast<int>(std::floor(fb + 0.5)));
}

namespace {
// eeCellExists() as a lookup table: it is asked for every crystal of every EE shower window.
const std::array<bool, geo::kEEGrid * geo::kEEGrid> kEEExists = [] {
  std::array<bool, geo::kEEGrid * geo::kEEGrid> e{};
  for (int ix = 0; ix < geo::kEEGrid; ++ix)
    for (int iy = 0; iy < geo::kEEGrid; ++iy) e[static_cast<std::size_t>(ix * geo::kEEGrid + iy)] = geo::eeCellExists(ix, iy);
  return e;
}();
}  // namespace

int ecalNeighbour(const AxisCell& cell, int di, int dj) {
  if (!cell.endcap) {
    const int ieta = cell.b + dj;
    if (ieta < 0 || ieta >= geo::kEBRows) return -1;
    int iphi = cell.a + di;
    if (iphi < 0) iphi += geo::kPhiBins;
    if (iphi >= geo::kPhiBins) iphi -= geo::kPhiBins;
    return ecalcell::barrel(ieta, iphi);
  }
  const int ix = cell.a + di, iy = cell.b + dj;
  if (ix < 0 || iy < 0 || ix >= geo::kEEGrid || iy >= geo::kEEGrid || !kEEExists[static_cast<std::size_t>(ix * geo::kEEGrid + iy)])
    return -1;
  return ecalcell::endcap(cell.side, ix, iy);
}

}  // namespace e2e::sim
