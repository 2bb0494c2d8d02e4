#include "e2e/generators/TauDecayMode.hpp"

#include <cstdlib>

#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {
namespace {

constexpr TauModeInfo kTable[] = {
    {TauDecayMode::kOneProng, 0.108, "pi nu"},
    {TauDecayMode::kOneProngPi0, 0.255, "pi pi0 nu"},
    {TauDecayMode::kOneProng2Pi0, 0.093, "pi 2pi0 nu"},
    {TauDecayMode::kThreeProng, 0.090, "3pi nu"},
    {TauDecayMode::kThreeProngPi0, 0.045, "3pi pi0 nu"},
    {TauDecayMode::kOtherHadronic, 0.057, "K modes"},
    {TauDecayMode::kElectron, 0.178, "e nu nu"},
    {TauDecayMode::kMuon, 0.174, "mu nu nu"},
};

bool descendsFrom(const GenParticles& g, int row, int ancestor) {
  for (int m = g.mother[row]; m >= 0; m = g.mother[m]) {
    if (m == ancestor) return true;
    if (m < ancestor) return false;  // mothers always precede their daughters
  }
  return false;
}

}  // namespace

std::span<const TauModeInfo> tauDecayTable() { return kTable; }

const char* tauDecayModeName(TauDecayMode mode) {
  for (const TauModeInfo& m : kTable)
    if (m.mode == mode) return m.name;
  return "none";
}

TauDecayMode classifyTauDecay(const GenParticles& g, int row) {
  if (row < 0 || row >= static_cast<int>(g.size()) || std::abs(g.pdgId[row]) != pdg::kTau || g.status[row] != kGenDecayed)
    return TauDecayMode::kNone;
  int prongs = 0, pi0s = 0, kaons = 0, electrons = 0, muons = 0;
  const int n = static_cast<int>(g.size());
  for (int r = row + 1; r < n; ++r) {
    if (!descendsFrom(g, r, row)) continue;
    // Count the tau's own decay products: stop at pi0 and neutral kaons (their decay products are not prongs).
    bool insideCounted = false;
    for (int m = g.mother[r]; m != row; m = g.mother[m]) {
      const int am = std::abs(g.pdgId[m]);
      if (am == pdg::kPi0 || am == pdg::kK0S || am == pdg::kK0 || am == pdg::kK0L) insideCounted = true;
    }
    if (insideCounted) continue;
    const int a = std::abs(g.pdgId[r]);
    if (a == pdg::kPi0) ++pi0s;
    else if (a == pdg::kPiPlus) ++prongs;
    else if (a == pdg::kKPlus) {
      ++prongs;
      ++kaons;
    } else if (a == pdg::kK0S || a == pdg::kK0L || a == pdg::kK0) ++kaons;
    else if (a == pdg::kElectron) ++electrons;
    else if (a == pdg::kMuon) ++muons;
  }
  if (electrons) return TauDecayMode::kElectron;
  if (muons) return TauDecayMode::kMuon;
  if (kaons) return TauDecayMode::kOtherHadronic;
  if (prongs == 1) return pi0s == 0 ? TauDecayMode::kOneProng : (pi0s == 1 ? TauDecayMode::kOneProngPi0 : TauDecayMode::kOneProng2Pi0);
  if (prongs == 3) return pi0s == 0 ? TauDecayMode::kThreeProng : TauDecayMode::kThreeProngPi0;
  return TauDecayMode::kOtherHadronic;
}

}  // namespace e2e::gen
