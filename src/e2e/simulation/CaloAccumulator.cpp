#include "e2e/simulation/CaloAccumulator.hpp"

#include <cstdlib>

#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/geometry/HcalGeometry.hpp"

namespace e2e::sim {

CellSums::CellSums(int cells)
    : m_energy(static_cast<std::size_t>(cells), 0.0f),
      m_energyTime(static_cast<std::size_t>(cells), 0.0f),
      m_touched(static_cast<std::size_t>(cells), 0) {
  m_list.reserve(4096);
}

void CellSums::clear() {
  for (const int cell : m_list) {
    const auto c = static_cast<std::size_t>(cell);
    m_energy[c] = 0.0f;
    m_energyTime[c] = 0.0f;
    m_touched[c] = 0;
  }
  m_list.clear();
}

namespace ecalcell {

std::uint32_t id(int cell) {
  if (cell < kEB) return geo::EcalId::barrel(cell / geo::kPhiBins, cell % geo::kPhiBins);
  const int local = (cell - kEB) % kEEPerSide;
  const int side = cell - kEB >= kEEPerSide ? +1 : -1;
  return geo::EcalId::endcap(side, local / geo::kEEGrid, local % geo::kEEGrid);
}

int endcapCrystalsPerSide() {
  static const int n = [] {
    int count = 0;
    for (int ix = 0; ix < geo::kEEGrid; ++ix)
      for (int iy = 0; iy < geo::kEEGrid; ++iy) count += geo::eeCellExists(ix, iy) ? 1 : 0;
    return count;
  }();
  return n;
}

}  // namespace ecalcell

namespace hcalcell {

int depths(int ieta) { return std::abs(ieta) <= geo::kHcalBarrelLastRing ? 2 : 3; }
int ring(int cell) { return cell / kMaxDepth / geo::kHcalPhiBins; }
int iphi(int cell) { return cell / kMaxDepth % geo::kHcalPhiBins; }
int depth(int cell) { return cell % kMaxDepth + 1; }

int channelCount() {
  int n = 0;
  for (int r = 0; r < geo::kHcalRings; ++r) {
    const int ieta = geo::hcalIetaOfIndex(r);
    n += (geo::kHcalPhiBins / geo::hcalPhiSpan(ieta)) * depths(ieta);
  }
  return n;
}

}  // namespace hcalcell

}  // namespace e2e::sim
