#include "e2e/simulation/Species.hpp"

#include <cstdlib>

namespace e2e::sim {
namespace {
// Baryons have four-digit PDG codes (nqqq with q != 0); nuclei and exotics are larger and handled as hadrons.
bool isBaryon(std::int32_t absId) { return absId >= 1000 && absId < 10000 && (absId / 10) % 10 != 0 && (absId / 1000) % 10 != 0; }
}  // namespace

Species classify(std::int32_t pdgId, double charge) {
  const std::int32_t a = std::abs(pdgId);
  switch (a) {
    case 22: return Species::Photon;
    case 11: return Species::Electron;
    case 13: return Species::Muon;
    case 12: case 14: case 16: case 18: case 1000022: case 1000039: return Species::Invisible;
    case 111: case 221: return Species::LightNeutralMeson;
    default: break;
  }
  return charge != 0.0 ? Species::ChargedHadron : Species::NeutralHadron;
}

double depositableEnergy(std::int32_t pdgId, double energy, double mass) {
  if (!isBaryon(std::abs(pdgId))) return energy;
  return pdgId > 0 ? energy - mass : energy + mass;
}

}  // namespace e2e::sim
