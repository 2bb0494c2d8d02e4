#include "e2e/reconstruction/EcalFrameMap.hpp"

namespace e2e::reco {

const EcalFrameMap& EcalFrameMap::instance() {
  static const EcalFrameMap map;
  return map;
}

EcalFrameMap::EcalFrameMap() {
  using namespace geo;
  for (int side = 0; side < 2; ++side)
    for (int ix = 0; ix < kEEGrid; ++ix)
      for (int iy = 0; iy < kEEGrid; ++iy) {
        if (!eeCellExists(ix, iy)) continue;
        const auto id = EcalId::endcap(side ? +1 : -1, ix, iy);
        const int i = endcapIndex(id);
        const auto p = ecalFramePos(id);
        m_endcapPos[i] = {static_cast<std::int16_t>(p.row), static_cast<std::int16_t>(p.col)};
        m_endcapEta[i] = static_cast<float>(ecalCellEta(id));
        m_endcapPhi[i] = static_cast<float>(ecalCellPhi(id));
      }
}

}  // namespace e2e::reco
