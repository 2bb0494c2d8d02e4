#include "e2e/generators/Process.hpp"

namespace e2e::gen {
namespace {

constexpr ProcessInfo kTable[] = {
    {Process::kPhotonGun, "photon", "photon gun"},
    {Process::kElectronGun, "electron", "electron gun"},
    {Process::kPositronGun, "positron", "positron gun"},
    {Process::kPi0Gun, "pi0", "neutral pion gun (pi0 -> gamma gamma)"},
    {Process::kChargedPionGun, "pion", "charged pion gun (pi+ or pi-, half each)"},
    {Process::kMuonGun, "muon", "muon gun (mu+ or mu-, half each)"},
    {Process::kTauGun, "tau", "tau gun, hadronic decays only (default pT 10-100 GeV, |eta| < 2.4)"},
    {Process::kAToGammaGamma, "agg", "merged photons A -> gamma gamma (m_A 0.1-1.2 GeV, pT 20-100 GeV)"},
    {Process::kDijet, "dijet", "QCD dijets, quark and gluon jets (pT-hat 300-470 GeV)"},
    {Process::kDijetQuark, "dijet-quark", "QCD dijets with two quark jets (pT-hat 300-470 GeV)"},
    {Process::kDijetGluon, "dijet-gluon", "QCD dijets with two gluon jets (pT-hat 300-470 GeV)"},
    {Process::kQcdBoosted, "qcd-boosted", "QCD dijets, background to ttbar-boosted (pT-hat 400-1000 GeV)"},
    {Process::kQcdTau, "qcd-tau", "QCD dijets, background to htautau (pT-hat 20-120 GeV)"},
    {Process::kTTbar, "ttbar", "hadronic ttbar (top pT 0-1000 GeV)"},
    {Process::kTTbarBoosted, "ttbar-boosted", "hadronic ttbar with top pT > 400 GeV"},
    {Process::kHiggsTauTau, "htautau", "gg -> H(125) -> tau tau, taus decay per the PDG table"},
    {Process::kMinBias, "minbias", "one soft inelastic interaction"},
};

}  // namespace

std::span<const ProcessInfo> processTable() { return kTable; }

const ProcessInfo* findProcess(std::string_view name) {
  for (const ProcessInfo& p : kTable)
    if (name == p.name) return &p;
  return nullptr;
}

const char* processName(std::int32_t id) {
  if (id == static_cast<std::int32_t>(Process::kHepMC3Input)) return "hepmc3";
  if (id == static_cast<std::int32_t>(Process::kTextInput)) return "text";
  for (const ProcessInfo& p : kTable)
    if (static_cast<std::int32_t>(p.id) == id) return p.name;
  return "unknown";
}

std::string processHelp() {
  std::string s;
  for (const ProcessInfo& p : kTable) {
    std::string name = p.name;
    name.resize(15, ' ');
    s += "  " + name + p.description + "\n";
  }
  return s;
}

}  // namespace e2e::gen
