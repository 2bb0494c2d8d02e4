#pragma once
// Frame cell and centre direction of every ECAL crystal. EB cells follow from their indices; EE cells are
// tabulated once, because binning them needs an asinh and an atan2 per hit, which would dominate the photon crop
// budget (a few microseconds per crop). pos() reads only a compact 80 kB table, so it stays in cache.
#include <cstdint>

#include "e2e/geometry/EcalGeometry.hpp"

namespace e2e::reco {

struct EcalPos {
  std::int16_t row = -1, col = -1;  // frame cell; row -1 for ids that name no crystal
};

struct EcalCell {
  std::int16_t row = -1, col = -1;
  float eta = 0, phi = 0;  // crystal centre
};

class EcalFrameMap {
public:
  static const EcalFrameMap& instance();

  EcalPos pos(std::uint32_t id) const {
    using geo::EcalId;
    if (!EcalId::isEndcap(id)) {
      const int ieta = EcalId::ebIeta(id), iphi = EcalId::ebIphi(id);
      if (ieta >= geo::kEBRows || iphi >= geo::kPhiBins) return {};
      return {static_cast<std::int16_t>(geo::kFrameEBFirstRow + ieta), static_cast<std::int16_t>(iphi)};
    }
    const int i = endcapIndex(id);
    return i < 0 ? EcalPos{} : m_endcapPos[i];
  }

  EcalCell cell(std::uint32_t id) const {
    using geo::EcalId;
    const EcalPos p = pos(id);
    if (p.row < 0) return {};
    if (!EcalId::isEndcap(id))
      return {p.row, p.col, static_cast<float>(geo::ebRowCenterEta(EcalId::ebIeta(id))),
              static_cast<float>(geo::phiColumnCenter(EcalId::ebIphi(id)))};
    const int i = endcapIndex(id);
    return {p.row, p.col, m_endcapEta[i], m_endcapPhi[i]};
  }

private:
  EcalFrameMap();
  static int endcapIndex(std::uint32_t id) {
    using geo::EcalId;
    const int ix = EcalId::eeIx(id), iy = EcalId::eeIy(id);
    if (ix >= geo::kEEGrid || iy >= geo::kEEGrid) return -1;
    return ((EcalId::eeSide(id) > 0 ? 1 : 0) * geo::kEEGrid + ix) * geo::kEEGrid + iy;
  }
  static constexpr int kEndcapCells = 2 * geo::kEEGrid * geo::kEEGrid;
  EcalPos m_endcapPos[kEndcapCells];
  float m_endcapEta[kEndcapCells] = {};
  float m_endcapPhi[kEndcapCells] = {};
};

}  // namespace e2e::reco
