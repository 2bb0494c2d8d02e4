#pragma once
// Decay channels of the unstable hadrons the generator produces (PDG 2022 branching ratios, the main channels
// only, renormalised to 1). Channels are listed for the positive id; the antiparticle decays to the conjugates.
// Kinematics is flat phase space (no matrix elements) except where Decayer says otherwise.
#include <span>

#include "e2e/generators/physics/PhaseSpace.hpp"

namespace e2e::gen {

struct DecayChannel {
  double branching;  // relative weight within the particle's list
  int n;             // number of daughters
  int daughters[kMaxDaughters];
};

// Channels of |pdgId|; empty if the generator does not decay it through the table.
std::span<const DecayChannel> decayChannels(int pdgId);

}  // namespace e2e::gen
