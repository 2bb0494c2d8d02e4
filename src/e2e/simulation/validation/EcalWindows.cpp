#include "e2e/simulation/validation/EcalWindows.hpp"

#include <cmath>
#include <cstdlib>

#include "e2e/geometry/EcalGeometry.hpp"

namespace e2e::sim::validation {
namespace {
using geo::EcalId;

// Signed iphi distance with wrapping.
int phiDistance(int a, int b) {
  int d = a - b;
  if (d > geo::kPhiBins / 2) d -= geo::kPhiBins;
  if (d < -geo::kPhiBins / 2) d += geo::kPhiBins;
  return d;
}

bool inWindow(std::uint32_t id, std::uint32_t centre, int etaHalf, int phiHalf) {
  if (EcalId::isEndcap(id) != EcalId::isEndcap(centre)) return false;
  if (EcalId::isEndcap(id)) {
    return EcalId::eeSide(id) == EcalId::eeSide(centre) && std::abs(EcalId::eeIx(id) - EcalId::eeIx(centre)) <= phiHalf &&
           std::abs(EcalId::eeIy(id) - EcalId::eeIy(centre)) <= etaHalf;
  }
  return std::abs(EcalId::ebIeta(id) - EcalId::ebIeta(centre)) <= etaHalf &&
         std::abs(phiDistance(EcalId::ebIphi(id), EcalId::ebIphi(centre))) <= phiHalf;
}
}  // namespace

int hottestHit(const EcalHits& hits) {
  int best = -1;
  for (std::size_t i = 0; i < hits.size(); ++i)
    if (best < 0 || hits.energy[i] > hits.energy[static_cast<std::size_t>(best)]) best = static_cast<int>(i);
  return best;
}

double windowSum(const EcalHits& hits, std::uint32_t centre, int n) {
  double sum = 0.0;
  for (std::size_t i = 0; i < hits.size(); ++i)
    if (inWindow(hits.id[i], centre, n / 2, n / 2)) sum += hits.energy[i];
  return sum;
}

double phiWidth(const EcalHits& hits, std::uint32_t centre, int etaHalf, int phiHalf) {
  if (EcalId::isEndcap(centre)) return 0.0;
  double sw = 0.0, swd = 0.0, swd2 = 0.0;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (!inWindow(hits.id[i], centre, etaHalf, phiHalf) || hits.energy[i] <= 0.0f) continue;
    const double d = phiDistance(EcalId::ebIphi(hits.id[i]), EcalId::ebIphi(centre));
    sw += hits.energy[i];
    swd += hits.energy[i] * d;
    swd2 += hits.energy[i] * d * d;
  }
  if (!(sw > 0.0)) return 0.0;
  const double mean = swd / sw;
  return std::sqrt(std::max(0.0, swd2 / sw - mean * mean));
}

double totalEnergy(const EcalHits& hits) {
  double s = 0.0;
  for (const float e : hits.energy) s += e;
  return s;
}

}  // namespace e2e::sim::validation
