#include "e2e/frames/SyntheticEvent.hpp"

#include <cmath>
#include <vector>

#include "e2e/core/Random.hpp"
#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/geometry/HcalGeometry.hpp"
#include "e2e/geometry/TrackerGeometry.hpp"

namespace e2e::frames {

void SyntheticEvent::clear() {
  ecal.clear();
  hcal.clear();
  trackerHits.clear();
  tracks.clear();
  blobSeeds.clear();
}

void SyntheticEvent::generate(const SyntheticOccupancy& occ, std::uint64_t seed, std::uint64_t index) {
  using namespace geo;
  clear();
  Rng rng(seed, index, Stream::Misc);
  // Distinct cells: one bit per EB crystal / EE grid cell (thread_local so that repeated events do not allocate).
  thread_local std::vector<std::uint8_t> usedEB, usedEE;
  usedEB.assign(kEBRows * kPhiBins, 0);
  usedEE.assign(2 * kEEGrid * kEEGrid, 0);
  const auto addEB = [&](int ieta, int iphi, float e) {
    iphi = ((iphi % kPhiBins) + kPhiBins) % kPhiBins;
    if (ieta < 0 || ieta >= kEBRows || usedEB[static_cast<std::size_t>(ieta * kPhiBins + iphi)]) return;
    usedEB[static_cast<std::size_t>(ieta * kPhiBins + iphi)] = 1;
    ecal.add(EcalId::barrel(ieta, iphi), e, static_cast<float>(rng.gauss(0.0, 0.5)));
  };
  for (int b = 0; b < occ.blobs; ++b) {
    const int ieta = 10 + static_cast<int>(rng.below(kEBRows - 20)), iphi = static_cast<int>(rng.below(kPhiBins));
    blobSeeds.push_back(EcalId::barrel(ieta, iphi));
    for (int de = -5; de <= 5; ++de)
      for (int dp = -5; dp <= 5; ++dp)
        addEB(ieta + de, iphi + dp, static_cast<float>(20.0 * std::exp(-0.5 * (de * de + dp * dp)) + rng.exponential(0.1)));
  }
  for (int i = 0; i < occ.ecalBarrel; ++i)
    addEB(static_cast<int>(rng.below(kEBRows)), static_cast<int>(rng.below(kPhiBins)), static_cast<float>(rng.exponential(0.5)));
  for (int placed = 0, tries = 0; placed < occ.ecalEndcap && tries < 100 * (occ.ecalEndcap + 1); ++tries) {
    const int side = rng.accept(0.5) ? 1 : 0, ix = static_cast<int>(rng.below(kEEGrid)), iy = static_cast<int>(rng.below(kEEGrid));
    auto& used = usedEE[static_cast<std::size_t>((side * kEEGrid + ix) * kEEGrid + iy)];
    if (!eeCellExists(ix, iy) || used) continue;
    used = 1;
    ecal.add(EcalId::endcap(side ? 1 : -1, ix, iy), static_cast<float>(rng.exponential(1.0)), static_cast<float>(rng.gauss(0.0, 0.5)));
    ++placed;
  }
  for (int i = 0; i < occ.hcal; ++i) {
    const int ring = static_cast<int>(rng.below(kHcalRings));
    const int ieta = hcalIetaOfIndex(ring);
    int iphi = static_cast<int>(rng.below(kHcalPhiBins));
    if (hcalWideRing(ieta)) iphi &= ~1;
    hcal.add(static_cast<std::int16_t>(ieta), static_cast<std::int16_t>(iphi), static_cast<std::uint8_t>(1 + rng.below(3)),
             static_cast<float>(rng.exponential(2.0)), 0.0f);
  }
  pvZ = static_cast<float>(rng.gauss(0.0, 3.0));
  for (int i = 0; i < occ.tracks; ++i) {
    tracks.pt.push_back(static_cast<float>(0.5 + rng.exponential(5.0)));
    tracks.eta.push_back(static_cast<float>(rng.uniform(-2.5, 2.5)));
    tracks.phi.push_back(static_cast<float>(rng.uniform(-kPi, kPi)));
    tracks.charge.push_back(rng.accept(0.5) ? 1 : -1);
    tracks.d0.push_back(static_cast<float>(rng.gauss(0.0, 0.01)));
    tracks.dz.push_back(pvZ + static_cast<float>(rng.gauss(0.0, 0.1)));
    tracks.sigmaPt.push_back(0.01f);
    tracks.sigmaD0.push_back(0.001f);
    tracks.sigmaDz.push_back(0.003f);
    tracks.quality.push_back(1);
    tracks.vertex.push_back(0);
    tracks.particle.push_back(-1);
  }
  for (const auto& layer : trackerLayers())
    for (int i = 0; i < occ.hitsPerLayer; ++i) {
      const double phi = rng.uniform(-kPi, kPi), z = rng.uniform(-layer.halfLength, layer.halfLength);
      trackerHits.add(layer.subdet, layer.layer, static_cast<float>(layer.radius * std::cos(phi)),
                      static_cast<float>(layer.radius * std::sin(phi)), static_cast<float>(z), -1);
    }
}

}  // namespace e2e::frames
