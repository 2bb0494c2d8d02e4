#pragma once
// Frame cell and centre direction of every ECAL crystal, tabulated once: EE cells otherwise need an asinh and an
// atan2 per hit, which would dominate the photon crop budget (a few microseconds per crop).
#include <cstdint>

#include "e2e/geometry/EcalGeometry.hpp"

namespace e2e::reco {

struct EcalCell {
  std::int16_t row = -1, col = -1;  // frame cell; row -1 for ids that name no crystal
  float eta = 0, phi = 0;           // crystal centre
};

class EcalFrameMap {
public:
  static const EcalFrameMap& instance();

  const EcalCell& cell(std::uint32_t id) const {
    using geo::EcalId;
    if (!EcalId::isEndcap(id)) {
      const int ieta = EcalId::ebIeta(id), iphi = EcalId::ebIphi(id);
      if (ieta >= geo::kEBRows || iphi >= geo::kPhiBins) return m_invalid;
      return m_barrel[ieta * geo::kPhiBins + iphi];
    }
    const int ix = EcalId::eeIx(id), iy = EcalId::eeIy(id);
    if (ix >= geo::kEEGrid || iy >= geo::kEEGrid) return m_invalid;
    const int side = EcalId::eeSide(id) > 0 ? 1 : 0;
    return m_endcap[(side * geo::kEEGrid + ix) * geo::kEEGrid + iy];
  }

private:
  EcalFrameMap();
  EcalCell m_barrel[geo::kEBRows * geo::kPhiBins];
  EcalCell m_endcap[2 * geo::kEEGrid * geo::kEEGrid];
  EcalCell m_invalid;
};

}  // namespace e2e::reco
