#pragma once
// Truth labels by matching reconstructed objects to the generator record (pileup particles ignored).
//   photons: the highest-energy final-state photon or electron within dR < 0.1 of the cluster: +-11 electron,
//            22 photon, or 36 / 111 when that photon comes from an A -> gamma gamma / pi0 decay (truthMass: A mass)
//   jets (dR < jet radius), first match wins:
//            6  a top whose b and W -> q q' daughters all lie inside the jet (fully merged; truthMass: top mass)
//            15 a hadronically decaying tau whose visible momentum points into the jet (truthDecayMode: CMS
//               numbering 5 * (prongs - 1) + pi0s, 15 for kaon modes; truthMass: tau mass)
//            1-5 / 21 the highest-pT quark or gluon inside the jet: the parton that started it
//            truthMass of quark/gluon and unmatched jets: mass of the visible final-state particles inside the jet
#include <cstdint>
#include <vector>

#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/dataformats/Objects.hpp"

namespace e2e::reco {

inline constexpr float kPhotonMatchDR = 0.1f;

void matchPhotons(const GenParticles& gen, Photons& photons);
void matchJets(const GenParticles& gen, Jets& jets);

// Decay mode of the tau at `row` in the CMS numbering (0, 1, 2, 10, 11 hadronic; 15 kaon modes; 20 e; 21 mu);
// -1 when `row` is not a decayed tau.
int tauDecayMode(const GenParticles& gen, int row);

}  // namespace e2e::reco
