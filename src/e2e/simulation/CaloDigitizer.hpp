#pragma once
// Turns the event's true cell energies into hits: Gaussian electronic noise (plus optional out-of-time pileup
// noise), zero suppression at a number of noise sigmas, and the hit time with its amplitude-dependent
// resolution. Cells without signal are never visited one by one: the number of them that fluctuate above the
// threshold is drawn from a Poisson law and those cells are picked at random, with noise from the Gaussian tail.
#include <vector>

#include "e2e/core/Random.hpp"
#include "e2e/dataformats/CaloHits.hpp"
#include "e2e/simulation/SimulationConfig.hpp"

namespace e2e::sim {

class CellSums;

class CaloDigitizer {
public:
  explicit CaloDigitizer(const SimulationConfig& config);

  // Consumes the sums (noise-only cells are added to their touched lists) and appends hits in the order the
  // cells were first filled, noise-only cells last (deterministic; sorting would cost more than the rest).
  void ecal(CellSums& sums, Rng& rng, EcalHits& out) const;
  void hcal(CellSums& sums, Rng& rng, HcalHits& out) const;

  double ebSigma() const { return m_ebSigma; }
  double eeSigma() const { return m_eeSigma; }
  double hcalSigma() const { return m_hcalSigma; }
  // Expected number of noise-only hits per event (EB + EE, HCAL).
  double expectedEcalNoiseHits() const;
  double expectedHcalNoiseHits() const;

private:
  bool m_noise;
  double m_zs;
  double m_ebSigma, m_eeSigma, m_hcalSigma;
  double m_tailProbability;  // P(noise > zs sigma)
  double m_timeNoise, m_timeConstant, m_hcalTime;
  std::vector<int> m_eeCells;       // dense slots of the existing EE crystals
  std::vector<float> m_ecalTime;    // per ECAL slot: time of flight from the origin to the crystal face, ns
  std::vector<int> m_hcalChannels;  // dense slots of the existing HCAL channels
  std::vector<float> m_tailQuantiles;  // noise (in sigmas) of a noise-only cell: quantiles of the Gaussian tail
  double tailSample(Rng& rng) const;
};

}  // namespace e2e::sim
