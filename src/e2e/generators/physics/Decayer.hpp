#pragma once
// Decays every unstable particle of the record, in order, including the products of earlier decays: pi0, eta,
// light resonances, K0S and Lambda, charm and bottom hadrons, taus. Long-lived ones fly first: the daughters'
// production vertex is the decay point (b hadrons ~0.45 mm, tau 87 um, K0S 2.7 cm), so their tracks are displaced.
#include "e2e/generators/EventRecord.hpp"

namespace e2e {
class Rng;
}

namespace e2e::gen {

struct DecayerConfig {
  bool tauHadronicOnly = false;  // force hadronic tau decays (tau gun)
  // Particles with c tau above 1 cm (K0S, Lambda) decay only inside this volume, the solenoid; beyond it the
  // detector simulation sees them as neutral hadrons.
  double volumeRadius = 129.0;   // cm
  double volumeHalfLength = 300.0;  // cm
};

class Decayer {
public:
  explicit Decayer(DecayerConfig config = {}) : m_config(config) {}
  // Decays the final-state particles at rows >= firstRow and, recursively, their products.
  void decayFrom(EventRecord& record, int firstRow, Rng& rng) const;
  // Decays one particle; returns false if it stays stable.
  bool decay(EventRecord& record, int row, Rng& rng) const;

private:
  DecayerConfig m_config;
};

}  // namespace e2e::gen
