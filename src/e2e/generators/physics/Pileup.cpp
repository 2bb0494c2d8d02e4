#include "e2e/generators/physics/Pileup.hpp"

#include <cmath>
#include <numbers>

#include "e2e/core/Random.hpp"
#include "e2e/generators/physics/Beamspot.hpp"
#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {
namespace {

struct Species {
  int pdgId;
  bool charged;
  double fraction;  // of all primaries
  double meanPt;    // GeV
};
// Primary hadron mix of soft LHC collisions (pi : K : p ~ 0.8 : 0.12 : 0.06 among charged; neutrals alike).
constexpr Species kSpecies[] = {
    {pdg::kPiPlus, true, 0.55, 0.45},  {pdg::kPi0, false, 0.28, 0.45},   {pdg::kKPlus, true, 0.07, 0.65},
    {pdg::kK0S, false, 0.035, 0.65},   {pdg::kK0L, false, 0.035, 0.65}, {pdg::kProton, true, 0.025, 0.80},
    {pdg::kNeutron, false, 0.025, 0.80},
};
constexpr double kChargedFraction = 0.55 + 0.07 + 0.025;
constexpr double kTailProbability = 0.02;  // pT from a p^-5 tail above 1 GeV

}  // namespace

void MinBias::addInteraction(EventRecord& record, const Vertex& vertex, std::uint8_t flags, Rng& rng) const {
  double total = 0;
  for (const Species& s : kSpecies) total += s.fraction;
  const double meanPrimaries = m_config.chargedDensity * 2.0 * m_config.etaMax / kChargedFraction;
  // Negative binomial as a Gamma-Poisson mixture.
  const double lambda = meanPrimaries * rng.gamma(m_config.nbdK) / m_config.nbdK;
  const unsigned n = rng.poisson(lambda);
  int chargeSign = rng.uniform() < 0.5 ? 1 : -1;
  for (unsigned i = 0; i < n; ++i) {
    double u = rng.uniform() * total;
    const Species* s = &kSpecies[0];
    for (const Species& c : kSpecies) {
      s = &c;
      if ((u -= c.fraction) < 0) break;
    }
    int id = s->pdgId;
    if (s->charged) {
      id *= chargeSign;  // alternate signs: each interaction stays close to neutral
      chargeSign = -chargeSign;
    } else if (id == pdg::kNeutron && rng.uniform() < 0.5) {
      id = -id;
    }
    double pt;
    if (rng.uniform() < kTailProbability) pt = std::pow(rng.uniformOpen(), -0.25);
    else pt = -0.5 * s->meanPt * std::log(rng.uniformOpen() * rng.uniformOpen());  // Gamma(2) with that mean
    const double eta = m_config.etaMax * (2.0 * rng.uniform() - 1.0);
    const double phi = 2.0 * std::numbers::pi * rng.uniform();
    record.add(id, kGenFinal, Vec4::fromPtEtaPhiM(pt, eta, phi, nominalMass(id)), vertex, -1, flags);
  }
}

int PileupOverlay::overlay(EventRecord& record, std::uint64_t seed, std::uint64_t eventIndex) const {
  if (m_mu <= 0) return 0;
  Rng rng(seed, eventIndex, Stream::Pileup);
  const unsigned n = rng.poisson(m_mu);
  const int first = record.size();
  for (unsigned i = 0; i < n; ++i) m_minBias.addInteraction(record, sampleBeamspot(rng, m_sigmaZ), kGenFromPileup, rng);
  m_decayer.decayFrom(record, first, rng);
  return static_cast<int>(n);
}

}  // namespace e2e::gen
