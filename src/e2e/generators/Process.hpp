#pragma once
// Generator process ids: the value stored in EventInfo::process, with the names `e2e generate --process` takes
// and `e2e info` prints. Ids are part of the file format: never renumber, only add.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace e2e::gen {

enum class Process : std::int32_t {
  kUnknown = 0,
  // Particle guns (one particle per event, |eta| < eta-max, pT fixed or flat in a range).
  kPhotonGun = 1,
  kElectronGun = 2,
  kPositronGun = 3,
  kPi0Gun = 4,
  kChargedPionGun = 5,
  kMuonGun = 6,
  kTauGun = 7,    // hadronic tau decays only
  kAToGammaGamma = 8,  // merged photons: A (pdg 36) -> gamma gamma, flat mass range
  // QCD.
  kDijet = 10,       // 2 -> 2 with the LHC mix of quark and gluon jets
  kDijetQuark = 11,  // quark jets only
  kDijetGluon = 12,  // gluon jets only
  kQcdBoosted = 13,  // dijets at the pT of boosted tops (background to ttbar-boosted)
  kQcdTau = 14,      // dijets at the pT of tau jets from H -> tau tau (its background)
  // Heavy objects.
  kTTbar = 20,         // hadronic ttbar
  kTTbarBoosted = 21,  // hadronic ttbar, top pT > 400 GeV
  kHiggsTauTau = 30,   // gg -> H(125) (+ recoil jet) -> tau tau
  kMinBias = 40,       // one soft inelastic interaction
  // Converted input.
  kHepMC3Input = 90,
  kTextInput = 91,
};

struct ProcessInfo {
  Process id;
  const char* name;
  const char* description;
};

std::span<const ProcessInfo> processTable();
// nullptr for names the generator does not know.
const ProcessInfo* findProcess(std::string_view name);
// The name of an EventInfo::process value ("unknown" when not in the table).
const char* processName(std::int32_t id);
// One line per process, "name  description", for --help.
std::string processHelp();

}  // namespace e2e::gen
