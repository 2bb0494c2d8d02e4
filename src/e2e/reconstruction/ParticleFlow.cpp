#include "e2e/reconstruction/ParticleFlow.hpp"

#include <cmath>

#include "e2e/geometry/HcalGeometry.hpp"
#include "e2e/reconstruction/EcalFrameMap.hpp"

namespace e2e::reco {
namespace {
constexpr int kTowers = geo::kHcalRings * geo::kHcalPhiBins;
constexpr float kPionMass = 0.13957f;
}  // namespace

int towerIndex(double eta, double phi) {
  const int row = geo::frameRow(eta);
  if (row < 0) return -1;
  return (row / geo::kCrystalsPerTower) * geo::kHcalPhiBins + geo::phiColumn(phi) / geo::kCrystalsPerTower;
}

bool phiAtEcal(float pt, float phi, int charge, float& phiOut) {
  // Bending radius R = pT / (0.3 B); the phi turned by r is asin(r / 2R). Positive tracks turn clockwise in +z field.
  const double s = 0.3 * geo::kBField * (geo::kEcalRadius / 100.0) / (2.0 * pt);
  if (s >= 1.0) return false;
  phiOut = static_cast<float>(geo::wrapPhi(phi - charge * std::asin(s)));
  return true;
}

void ParticleFlow::produce(const Tracks& tracks, const EcalHits& ecal, const HcalHits& hcal, float pvZ,
                           PFCandidates& out, PFScratch& s) const {
  out.clear();
  s.calo.assign(kTowers, 0.0f);
  s.tracks.assign(kTowers, 0.0f);
  const auto& map = EcalFrameMap::instance();
  for (std::size_t i = 0; i < ecal.size(); ++i) {
    const EcalPos c = map.pos(ecal.id[i]);
    if (c.row < 0) continue;
    s.calo[static_cast<std::size_t>((c.row / geo::kCrystalsPerTower) * geo::kHcalPhiBins + c.col / geo::kCrystalsPerTower)] += ecal.energy[i];
  }
  for (std::size_t i = 0; i < hcal.size(); ++i) {
    const int ieta = hcal.ieta[i], iphi = hcal.iphi[i];
    if (ieta == 0 || std::abs(ieta) > geo::kHcalRingsPerSide || iphi < 0 || iphi >= geo::kHcalPhiBins) continue;
    const int span = geo::hcalPhiSpan(ieta);
    for (int k = 0; k < span; ++k)
      s.calo[static_cast<std::size_t>(geo::hcalRingIndex(ieta) * geo::kHcalPhiBins + (iphi + k) % geo::kHcalPhiBins)] += hcal.energy[i] / span;
  }
  for (std::size_t i = 0; i < tracks.size(); ++i) {
    const float pt = tracks.pt[i];
    if (pt < m_config.minTrackPt) continue;
    float phiCalo = 0;
    if (phiAtEcal(pt, tracks.phi[i], tracks.charge[i], phiCalo)) {
      const int t = towerIndex(tracks.eta[i], phiCalo);
      if (t >= 0) s.tracks[static_cast<std::size_t>(t)] += pt * std::cosh(tracks.eta[i]);
    }
    if (std::abs(tracks.dz[i] - pvZ) < m_config.pvDz)
      out.add(pt, tracks.eta[i], tracks.phi[i], kPionMass, tracks.charge[i], static_cast<std::int32_t>(i));
  }
  for (int t = 0; t < kTowers; ++t) {
    const float excess = s.calo[static_cast<std::size_t>(t)] - s.tracks[static_cast<std::size_t>(t)];
    if (excess < m_config.minNeutral) continue;
    const int ring = t / geo::kHcalPhiBins, col = t % geo::kHcalPhiBins;
    const double etaCentre = geo::hcalRingCenterEta(geo::hcalIetaOfIndex(ring));
    const double phi = -geo::kPi + (col + 0.5) * (geo::kTwoPi / geo::kHcalPhiBins);
    out.add(static_cast<float>(excess / std::cosh(etaCentre)), static_cast<float>(etaCentre), static_cast<float>(phi), 0.0f, 0,
            static_cast<std::int32_t>(t));
  }
}

}  // namespace e2e::reco
