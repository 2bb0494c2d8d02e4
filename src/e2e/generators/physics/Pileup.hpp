#pragma once
// Pileup: Poisson(mu) soft inelastic (minimum-bias) interactions per bunch crossing, each at its own vertex drawn
// from the beamspot. An interaction is a flat rapidity plateau of primary hadrons (pi, K, p, n with LHC-like
// fractions), negative-binomial multiplicity around dN_ch/deta ~ 5.4, soft pT (Gamma spectrum, mean ~0.45 GeV for
// pions) with a small power-law tail; pi0, K0S and the rest decay as usual. All of it carries kGenFromPileup.
// It is a model of the detector occupancy, not of QCD: no conservation laws hold within a pileup interaction.
#include <cstdint>

#include "e2e/generators/EventRecord.hpp"
#include "e2e/generators/physics/Decayer.hpp"

namespace e2e {
class Rng;
}

namespace e2e::gen {

struct MinBiasConfig {
  double etaMax = 3.2;          // generated range: the detector covers |eta| < 3
  double chargedDensity = 5.4;  // mean dN_ch / deta per interaction
  double nbdK = 1.5;            // negative-binomial shape (multiplicity spread)
};

class MinBias {
public:
  explicit MinBias(const MinBiasConfig& config = {}) : m_config(config) {}
  // Appends the primary hadrons of one interaction at `vertex`, with `flags` and no mother.
  void addInteraction(EventRecord& record, const Vertex& vertex, std::uint8_t flags, Rng& rng) const;

private:
  MinBiasConfig m_config;
};

class PileupOverlay {
public:
  PileupOverlay(double mu, double sigmaZ, DecayerConfig decays = {}) : m_mu(mu), m_sigmaZ(sigmaZ), m_decayer(decays) {}
  // Appends the pileup of event `eventIndex` (its own random stream) and returns the number of interactions.
  int overlay(EventRecord& record, std::uint64_t seed, std::uint64_t eventIndex) const;
  double mu() const { return m_mu; }

private:
  double m_mu, m_sigmaZ;
  MinBias m_minBias;
  Decayer m_decayer;
};

}  // namespace e2e::gen
