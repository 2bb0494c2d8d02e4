#include "e2e/reconstruction/PhotonFinder.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/reconstruction/EcalFrameMap.hpp"

namespace e2e::reco {
namespace {
using geo::EcalId;
constexpr int kEBCells = geo::kEBRows * geo::kPhiBins;
constexpr int kEECells = 2 * geo::kEEGrid * geo::kEEGrid;

int cellIndex(std::uint32_t id) {
  if (!EcalId::isEndcap(id)) {
    const int ieta = EcalId::ebIeta(id), iphi = EcalId::ebIphi(id);
    return ieta < geo::kEBRows && iphi < geo::kPhiBins ? ieta * geo::kPhiBins + iphi : -1;
  }
  const int ix = EcalId::eeIx(id), iy = EcalId::eeIy(id);
  if (ix >= geo::kEEGrid || iy >= geo::kEEGrid) return -1;
  return kEBCells + ((EcalId::eeSide(id) > 0 ? 1 : 0) * geo::kEEGrid + ix) * geo::kEEGrid + iy;
}

float wrapDeltaPhi(float d) {
  const float pi = static_cast<float>(geo::kPi);
  if (d >= pi) d -= 2 * pi;
  if (d < -pi) d += 2 * pi;
  return d;
}
}  // namespace

void PhotonFinder::produce(const EcalHits& hits, Photons& result, PhotonScratch& s) const {
  Photons& out = s.unsorted;
  out.clear();
  const std::size_t n = hits.size();
  if (s.cellHit.size() != static_cast<std::size_t>(kEBCells + kEECells)) s.cellHit.assign(kEBCells + kEECells, -1);
  s.used.assign(n, 0);
  s.order.clear();
  for (std::size_t i = 0; i < n; ++i) {
    const int c = cellIndex(hits.id[i]);
    if (c < 0) continue;
    s.cellHit[static_cast<std::size_t>(c)] = static_cast<std::int32_t>(i);
    if (hits.energy[i] >= m_config.seedEnergy) s.order.push_back(static_cast<std::int32_t>(i));
  }
  std::sort(s.order.begin(), s.order.end(), [&](std::int32_t a, std::int32_t b) {
    const float ea = hits.energy[static_cast<std::size_t>(a)], eb = hits.energy[static_cast<std::size_t>(b)];
    return ea > eb || (ea == eb && a < b);
  });
  const auto& map = EcalFrameMap::instance();
  for (const std::int32_t seed : s.order) {
    if (s.used[static_cast<std::size_t>(seed)]) continue;
    const std::uint32_t id = hits.id[static_cast<std::size_t>(seed)];
    const EcalCell sc = map.cell(id);
    double energy = 0, wEta = 0, wPhi = 0, wSum = 0;
    const auto take = [&](int cell) {
      const std::int32_t h = s.cellHit[static_cast<std::size_t>(cell)];
      if (h < 0 || s.used[static_cast<std::size_t>(h)]) return;
      s.used[static_cast<std::size_t>(h)] = 1;
      const float e = hits.energy[static_cast<std::size_t>(h)];
      energy += e;
      if (e <= 0) return;
      const EcalCell c = map.cell(hits.id[static_cast<std::size_t>(h)]);
      wEta += e * c.eta;
      wPhi += e * wrapDeltaPhi(c.phi - sc.phi);
      wSum += e;
    };
    if (!EcalId::isEndcap(id)) {
      const int ieta = EcalId::ebIeta(id), iphi = EcalId::ebIphi(id);
      for (int de = -m_config.halfEta; de <= m_config.halfEta; ++de) {
        const int r = ieta + de;
        if (r < 0 || r >= geo::kEBRows) continue;
        for (int dp = -m_config.halfPhi; dp <= m_config.halfPhi; ++dp)
          take(r * geo::kPhiBins + (iphi + dp + geo::kPhiBins) % geo::kPhiBins);
      }
    } else {
      const int side = EcalId::eeSide(id) > 0 ? 1 : 0, ix = EcalId::eeIx(id), iy = EcalId::eeIy(id);
      for (int dx = -m_config.halfPhi; dx <= m_config.halfPhi; ++dx)
        for (int dy = -m_config.halfEta; dy <= m_config.halfEta; ++dy) {
          const int x = ix + dx, y = iy + dy;
          if (x < 0 || y < 0 || x >= geo::kEEGrid || y >= geo::kEEGrid) continue;
          take(kEBCells + (side * geo::kEEGrid + x) * geo::kEEGrid + y);
        }
    }
    if (wSum <= 0) continue;
    const float eta = static_cast<float>(wEta / wSum);
    const float phi = static_cast<float>(geo::wrapPhi(sc.phi + wPhi / wSum));
    const float pt = static_cast<float>(energy / std::cosh(eta));
    if (pt < m_config.minPt || std::abs(eta) > m_config.maxAbsEta) continue;
    out.pt.push_back(pt);
    out.eta.push_back(eta);
    out.phi.push_back(phi);
    out.energy.push_back(static_cast<float>(energy));
    out.seed.push_back(id);
    out.truthPdgId.push_back(0);
    out.truthMass.push_back(0);
    out.truthIndex.push_back(-1);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const int c = cellIndex(hits.id[i]);
    if (c >= 0) s.cellHit[static_cast<std::size_t>(c)] = -1;
  }
  // Highest pT first (seeds were ordered by energy, which differs from pT across eta).
  s.order.resize(out.size());
  std::iota(s.order.begin(), s.order.end(), 0);
  std::stable_sort(s.order.begin(), s.order.end(), [&](std::int32_t a, std::int32_t b) {
    return out.pt[static_cast<std::size_t>(a)] > out.pt[static_cast<std::size_t>(b)];
  });
  result.resize(out.size());
  Photons::columns(
      [&](const char*, auto& dst, const auto& src) {
        for (std::size_t i = 0; i < dst.size(); ++i) dst[i] = src[static_cast<std::size_t>(s.order[i])];
      },
      result, out);
}

}  // namespace e2e::reco
