#include "e2e/simulation/CaloDigitizer.hpp"

#include <algorithm>
#include <cmath>

#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/geometry/HcalGeometry.hpp"
#include "e2e/simulation/CaloAccumulator.hpp"
#include "e2e/simulation/Helix.hpp"
#include "e2e/simulation/Quadrature.hpp"
#include "e2e/simulation/Ziggurat.hpp"

namespace e2e::sim {
namespace {

constexpr double kMaxTimeSigma = 25.0;      // ns: one bunch crossing; noise hits have no meaningful time
constexpr double kHcalNominalTime = 7.0;    // ns: typical arrival at the HCAL

constexpr int kTailQuantiles = 4096;

// Quantile u (0..1) of the standard Gaussian beyond `a`, by bisection on erfc (table building only).
double tailQuantile(double a, double u) {
  const double qa = std::erfc(a / std::sqrt(2.0));
  const double target = qa * (1.0 - u);  // erfc at the quantile
  double lo = a, hi = a + 12.0;
  for (int i = 0; i < 80; ++i) {
    const double mid = 0.5 * (lo + hi);
    (std::erfc(mid / std::sqrt(2.0)) > target ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
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
      m_ebSigma(c.noise ? quadrature(c.ebNoise, c.pileupNoise) : 0.0),
      m_eeSigma(c.noise ? quadrature(c.eeNoise, c.pileupNoise) : 0.0),
      m_hcalSigma(c.noise ? quadrature(c.hcalNoise, 5.0 * c.pileupNoise) : 0.0),
      m_tailProbability(c.zeroSuppressionSigmas > 0.0 ? 0.5 * std::erfc(c.zeroSuppressionSigmas / std::sqrt(2.0)) : 0.0),
      m_timeNoise(c.ecalTimeNoiseTerm),
      m_timeConstant(c.ecalTimeConstant),
      m_hcalTime(c.hcalTimeResolution) {
  if (m_zs > 0.0) {
    m_tailQuantiles.resize(kTailQuantiles + 1);
    for (int i = 0; i <= kTailQuantiles; ++i)
      m_tailQuantiles[static_cast<std::size_t>(i)] =
          static_cast<float>(tailQuantile(m_zs, std::min(static_cast<double>(i) / kTailQuantiles, 1.0 - 1e-9)));
  }
  m_ecalTime.resize(ecalcell::kCount, 0.0f);
  for (int cell = 0; cell < ecalcell::kCount; ++cell) {
    if (ecalcell::isEndcap(cell)) {
      const std::uint32_t id = ecalcell::id(cell);
      if (!geo::eeCellExists(geo::EcalId::eeIx(id), geo::EcalId::eeIy(id))) continue;
    }
    m_ecalTime[static_cast<std::size_t>(cell)] = static_cast<float>(ecalNominalTime(ecalcell::id(cell)));
  }
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

double CaloDigitizer::tailSample(Rng& rng) const {
  // Inverse CDF from the table with linear interpolation: one uniform instead of two logarithms.
  const double u = rng.uniform() * kTailQuantiles;
  const auto i = static_cast<std::size_t>(u);
  const double f = u - static_cast<double>(i);
  return m_tailQuantiles[i] + f * (m_tailQuantiles[i + 1] - m_tailQuantiles[i]);
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
  for (const int cell : sums.list()) {
    const double sigma = ecalcell::isEndcap(cell) ? m_eeSigma : m_ebSigma;
    const double signal = sums.energy(cell);
    const std::uint32_t id = ecalcell::id(cell);
    double energy, time;
    if (signal > 0.0) {
      energy = signal + sigma * Ziggurat::normal(rng);
      if (m_zs > 0.0 && energy <= m_zs * sigma) continue;
      time = sums.meanTime(cell);
    } else {
      if (!(sigma > 0.0)) continue;
      energy = sigma * tailSample(rng);
      time = m_ecalTime[static_cast<std::size_t>(cell)];
    }
    const double tSigma = std::min(kMaxTimeSigma, quadrature(m_timeNoise * sigma / std::max(energy, 1e-6), m_timeConstant));
    out.add(id, static_cast<float>(energy), static_cast<float>(time + tSigma * Ziggurat::normal(rng)));
  }
}

void CaloDigitizer::hcal(CellSums& sums, Rng& rng, HcalHits& out) const {
  if (m_noise && m_zs > 0.0) {
    const unsigned n = rng.poisson(m_tailProbability * static_cast<double>(m_hcalChannels.size()));
    for (unsigned i = 0; i < n; ++i) sums.touch(m_hcalChannels[rng.below(m_hcalChannels.size())]);
  }
  for (const int cell : sums.list()) {
    const double signal = sums.energy(cell);
    double energy, time;
    if (signal > 0.0) {
      energy = signal + m_hcalSigma * Ziggurat::normal(rng);
      if (m_zs > 0.0 && energy <= m_zs * m_hcalSigma) continue;
      time = sums.meanTime(cell);
    } else {
      if (!(m_hcalSigma > 0.0)) continue;
      energy = m_hcalSigma * tailSample(rng);
      time = kHcalNominalTime;
    }
    const int ring = hcalcell::ring(cell);
    out.add(static_cast<std::int16_t>(geo::hcalIetaOfIndex(ring)), static_cast<std::int16_t>(hcalcell::iphi(cell)),
            static_cast<std::uint8_t>(hcalcell::depth(cell)), static_cast<float>(energy),
            static_cast<float>(time + m_hcalTime * Ziggurat::normal(rng)));
  }
}

}  // namespace e2e::sim
