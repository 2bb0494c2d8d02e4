#include "e2e/reconstruction/EcalFrameMap.hpp"

namespace e2e::reco {

const EcalFrameMap& EcalFrameMap::instance() {
  static const EcalFrameMap map;
  return map;
}

EcalFrameMap::EcalFrameMap() {
  using namespace geo;
  for (int ieta = 0; ieta < kEBRows; ++ieta)
    for (int iphi = 0; iphi < kPhiBins; ++iphi) {
      const auto id = EcalId::barrel(ieta, iphi);
      const auto pos = ecalFramePos(id);
      m_barrel[ieta * kPhiBins + iphi] = {static_cast<std::int16_t>(pos.row), static_cast<std::int16_t>(pos.col),
                                          static_cast<float>(ecalCellEta(id)), static_cast<float>(ecalCellPhi(id))};
    }
  for (int side = 0; side < 2; ++side)
    for (int ix = 0; ix < kEEGrid; ++ix)
      for (int iy = 0; iy < kEEGrid; ++iy) {
        EcalCell& c = m_endcap[(side * kEEGrid + ix) * kEEGrid + iy];
        if (!eeCellExists(ix, iy)) continue;
        const auto id = EcalId::endcap(side ? +1 : -1, ix, iy);
        const auto pos = ecalFramePos(id);
        c = {static_cast<std::int16_t>(pos.row), static_cast<std::int16_t>(pos.col), static_cast<float>(ecalCellEta(id)),
             static_cast<float>(ecalCellPhi(id))};
      }
}

}  // namespace e2e::reco
