#pragma once
// How the simulation treats a generator particle, decided from its PDG id and charge.
#include <cstdint>

namespace e2e::sim {

enum class Species : std::uint8_t {
  Photon,
  Electron,        // e+ and e-
  Muon,
  ChargedHadron,   // pi+-, K+-, p, charged hyperons and anything else charged
  NeutralHadron,   // n, K0L, Lambda, ... (and undecayed K0S)
  LightNeutralMeson,  // pi0 / eta left undecayed by the generator: decayed here into two photons
  Invisible,       // neutrinos and other non-interacting particles
};

Species classify(std::int32_t pdgId, double charge);
// Energy a hadron can deposit: total energy for mesons, kinetic for baryons, kinetic + 2 m for antibaryons.
double depositableEnergy(std::int32_t pdgId, double energy, double mass);

}  // namespace e2e::sim
