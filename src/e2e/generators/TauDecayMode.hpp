#pragma once
// Tau decay modes. Hadronic modes use the CMS decay-mode numbering, 5 * (prongs - 1) + pi0s, so that a tagger's
// truth label reads the same as in CMS; leptonic and kaon modes get their own values. Jets::truthDecayMode
// stores these numbers.
#include <cstdint>
#include <span>

#include "e2e/dataformats/GenParticles.hpp"

namespace e2e::gen {

enum class TauDecayMode : std::int16_t {
  kNone = -1,            // not a tau (or not decayed)
  kOneProng = 0,         // pi nu
  kOneProngPi0 = 1,      // pi pi0 nu (via rho)
  kOneProng2Pi0 = 2,     // pi 2pi0 nu (via a1)
  kThreeProng = 10,      // 3pi nu (via a1)
  kThreeProngPi0 = 11,   // 3pi pi0 nu
  kOtherHadronic = 15,   // modes with a kaon: K nu, K pi0 nu, K0 pi nu
  kElectron = 20,        // e nu nu
  kMuon = 21,            // mu nu nu
};

struct TauModeInfo {
  TauDecayMode mode;
  double branching;  // PDG / SPEC.md section 2; the table sums to 1
  const char* name;
};

// The generator's tau decay table.
std::span<const TauModeInfo> tauDecayTable();
const char* tauDecayModeName(TauDecayMode mode);
inline bool isHadronic(TauDecayMode m) { return m != TauDecayMode::kNone && m != TauDecayMode::kElectron && m != TauDecayMode::kMuon; }

// The decay mode of the tau at `row`, read from its descendants in the record (charged hadrons, pi0s, kaons,
// leptons): what truth matching calls to label a tau jet. kNone if `row` is not a decayed tau.
TauDecayMode classifyTauDecay(const GenParticles& particles, int row);

}  // namespace e2e::gen
