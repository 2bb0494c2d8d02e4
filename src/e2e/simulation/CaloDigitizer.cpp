#include "e2e/simulation/CaloDigitizer.hpp"

#include <algorithm>
#include <cmath>

#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/geometry/HcalGeometry.hpp"
#include "e2e/simulation/CaloAccumulator.hpp"
#include "e2e/simulation/Helix.hpp"

namespace e2e::sim {
namespace {

constexpr double kMaxTimeSigma = 25.0;      // ns: one bunch crossing; noise hits have no meaningful time
constexpr double kHcalNominalTime = 7.0;    // ns: typical arrival at the HCAL

// Gaussian tail beyond `a` sigmas (Marsaglia's exponential rejection).
double gaussTail(double a, Rng& rng) {
  for (;;) {
    const double x = -std::log(rng.uniformOpen()) / a;
    const double y = -std::log(rng.uniformOpen());
    if (2.0 * y > x * x) return a + x;
  }
}

double ecalNominalTime(std::uint32_t id) {
  const double eta = geo::ecalCellEta(id);
  const double distance = geo::EcalId::isEndcap(id) ? geo::kEEz * std::cosh(eta) / std::abs(std::sinh(eta))
                                                    : geo::kEcalRadius * std::cosh(eta);
  return distance / kSpeedOfLight;
}

}  // namespace

CaloDigitizer::CaloDigitizer(const SimulationConfig& c)
    : m_noise(c.noise),
      m_zs(c.zeroSuppressionSigmas),
      m_ebSigma(c.noise ? std::hypot(c.ebNoise, c.pileupNoise) : 0.0),
      m_eeSigma(c.noise ? std::hypot(c.eeNoise, c.pileupNoise) : 0.0),
      m_hcalSigma(c.noise ? std::hypot(c.hcalNoise, 5.0 * c.pileupNoise) : 0.0),
      m_tailProbability(c.zeroSuppressionSigmas > 0.0 ? 0.5 * std::erfc(c.zeroSuppressionSigmas / std::sqrt(2.0)) : 0.0),
      m_timeNoise(c.ecalTimeNoiseTerm),
      m_timeConstant(c.ecalTimeConstant),
      m_hcalTime(c.hcalTimeResolution) {
  for (int side : {-1, 1})
    for (int ix = 0; ix < geo::kEEGrid; ++ix)
      for (int iy = 0; iy < geo::kEEGrid; ++iy)
        if (geo::eeCellExists(ix, iy)) m_eeCells.push_back(ecalcell::endcap(side, ix, iy));
  for (int ring = 0; ring < geo::kHcalRings; ++ring) {
    const int ieta = geo::hcalIetaOfIndex(ring);
    for (int iphi = 0; iphi < geo::kHcalPhiBins; iphi += geo::hcalPhiSpan(ieta))
      for (int d = 1; d <= hcalcell::depths(ieta); ++d) m_hcalChannels.push_back(hcalcell::index(ring, iphi, d));
  }
}

double CaloDigitizer::expectedEcalNoiseHits() const {
  return m_noise ? m_tailProbability * (ecalcell::kEB + static_cast<double>(m_eeCells.size())) : 0.0;
}
double CaloDigitizer::expectedHcalNoiseHits() const {
  return m_noise ? m_tailProbability * static_cast<double>(m_hcalChannels.size()) : 0.0;
}

void CaloDigitizer::ecal(CellSums& sums, Rng& rng, EcalHits& out) const {
  const bool noiseOnly = m_noise && m_zs > 0.0;
  if (noiseOnly) {
    // Picks that land on a cell with signal are dropped: that cell's noise is drawn with its signal below.
    const unsigned nEB = rng.poisson(m_tailProbability * ecalcell::kEB);
    for (unsigned i = 0; i < nEB; ++i) sums.touch(static_cast<int>(rng.below(ecalcell::kEB)));
    const unsigned nEE = rng.poisson(m_tailProbability * static_cast<double>(m_eeCells.size()));
    for (unsigned i = 0; i < nEE; ++i) sums.touch(m_eeCells[rng.below(m_eeCells.size())]);
  }
  std::vector<int>& cells = sums.list();
  std::sort(cells.begin(), cells.end());
  for (const int cell : cells) {
    const double sigma = ecalcell::isEndcap(cell) ? m_eeSigma : m_ebSigma;
    const double signal = sums.energy(cell);
    const std::uint32_t id = ecalcell::id(cell);
    double energy, time;
    if (signal > 0.0) {
      energy = signal + sigma * rng.gauss();
      if (m_zs > 0.0 && energy <= m_zs * sigma) continue;
      time = sums.meanTime(cell);
    } else {
      if (!(sigma > 0.0)) continue;
      energy = sigma * gaussTail(m_zs, rng);
      time = ecalNominalTime(id);
    }
    const double tSigma = std::min(kMaxTimeSigma, std::hypot(m_timeNoise * sigma / std::max(energy, 1e-6), m_timeConstant));
    out.add(id, static_cast<float>(energy), static_cast<float>(time + tSigma * rng.gauss()));
  }
}

void CaloDigitizer::hcal(CellSums& sums, Rng& rng, HcalHits& out) const {
  if (m_noise && m_zs > 0.0) {
    const unsigned n = rng.poisson(m_tailProbability * static_cast<double>(m_hcalChannels.size()));
    for (unsigned i = 0; i < n; ++i) sums.touch(m_hcalChannels[rng.below(m_hcalChannels.size())]);
  }
  std::vector<int>& cells = sums.list();
  std::sort(cells.begin(), cells.end());
  for (const int cell : cells) {
    const double signal = sums.energy(cell);
    double energy, time;
    if (signal > 0.0) {
      energy = signal + m_hcalSigma * rng.gauss();
      if (m_zs > 0.0 && energy <= m_zs * m_hcalSigma) continue;
      time = sums.meanTime(cell);
    } else {
      if (!(m_hcalSigma > 0.0)) continue;
      energy = m_hcalSigma * gaussTail(m_zs, rng);
      time = kHcalNominalTime;
    }
    const int ring = hcalcell::ring(cell);
    out.add(static_cast<std::int16_t>(geo::hcalIetaOfIndex(ring)), static_cast<std::int16_t>(hcalcell::iphi(cell)),
            static_cast<std::uint8_t>(hcalcell::depth(cell)), static_cast<float>(energy),
            static_cast<float>(time + m_hcalTime * rng.gauss()));
  }
}

}  // namespace e2e::sim
