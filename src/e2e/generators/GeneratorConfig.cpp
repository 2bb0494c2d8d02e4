#include "e2e/generators/GeneratorConfig.hpp"

#include <cmath>
#include <sstream>

#include "e2e/core/Error.hpp"

namespace e2e::gen {

GeneratorConfig GeneratorConfig::forProcess(std::string_view name) {
  const ProcessInfo* info = findProcess(name);
  if (!info) {
    std::string names;
    for (const ProcessInfo& p : processTable()) names += std::string(names.empty() ? "" : ", ") + p.name;
    throw UsageError(cat("unknown process '", name, "' (known: ", names, ")"));
  }
  GeneratorConfig c;
  c.process = std::string(name);
  switch (info->id) {
    case Process::kTauGun:
      c.ptMin = 10;
      c.ptMax = 100;
      c.etaMax = 2.4;
      break;
    case Process::kAToGammaGamma:
      c.ptMin = 20;
      c.ptMax = 100;
      break;
    case Process::kDijet:
    case Process::kDijetQuark:
    case Process::kDijetGluon: c.etaMax = 2.4; break;
    case Process::kQcdBoosted:
    case Process::kTTbarBoosted:
      c.etaMax = 2.4;
      c.ptHatMin = 400;
      c.ptHatMax = 1000;
      break;
    case Process::kTTbar:
      c.etaMax = 2.4;
      c.ptHatMin = 0;
      c.ptHatMax = 1000;
      break;
    case Process::kQcdTau:
      c.etaMax = 2.4;
      c.ptHatMin = 20;
      c.ptHatMax = 120;
      break;
    case Process::kHiggsTauTau:
      c.etaMax = 2.4;
      c.ptHatMin = 0;
      c.ptHatMax = 300;
      break;
    default: break;
  }
  return c;
}

Process GeneratorConfig::processId() const {
  const ProcessInfo* info = findProcess(process);
  return info ? info->id : Process::kUnknown;
}

void GeneratorConfig::validate() const {
  const Process id = processId();
  if (id == Process::kUnknown) (void)forProcess(process);  // throws the listing
  auto require = [](bool ok, const char* option, const std::string& why) {
    if (!ok) throw UsageError(cat(option, ": ", why));
  };
  auto finite = [](double v) { return std::isfinite(v); };
  require(finite(ptMin) && finite(ptMax) && ptMin > 0 && ptMax >= ptMin, "--pt-min/--pt-max",
          cat("need 0 < pt-min <= pt-max, got ", ptMin, " and ", ptMax));
  require(finite(etaMax) && etaMax > 0 && etaMax <= 5, "--eta-max", cat("need 0 < eta-max <= 5, got ", etaMax));
  require(finite(massMin) && massMin > 0 && massMax >= massMin && massMax < 50, "--mass-min/--mass-max",
          cat("need 0 < mass-min <= mass-max < 50 GeV, got ", massMin, " and ", massMax));
  require(finite(ptHatMin) && ptHatMin >= 0 && ptHatMax > ptHatMin, "--pthat-min/--pthat-max",
          cat("need 0 <= pthat-min < pthat-max, got ", ptHatMin, " and ", ptHatMax));
  const bool dijet = id == Process::kDijet || id == Process::kDijetQuark || id == Process::kDijetGluon ||
                     id == Process::kQcdBoosted || id == Process::kQcdTau;
  require(!dijet || ptHatMin >= 5, "--pthat-min", cat("QCD dijets need pthat-min >= 5 GeV, got ", ptHatMin));
  require(ptHatMax <= 0.35 * beamEnergy, "--pthat-max",
          cat(ptHatMax, " GeV is beyond what ", 2 * beamEnergy / 1000, " TeV collisions make (max ", 0.35 * beamEnergy, ")"));
  require(finite(pileupMu) && pileupMu >= 0 && pileupMu <= 1000, "--pileup", cat("need 0 <= mu <= 1000, got ", pileupMu));
  require(finite(beamspotSigmaZ) && beamspotSigmaZ >= 0 && beamspotSigmaZ < 50, "beamspot sigma z",
          cat("need 0 <= sigma_z < 50 cm, got ", beamspotSigmaZ));
  require(showerCutoff >= 0.5 && showerCutoff <= 10, "shower cutoff", cat("need 0.5-10 GeV, got ", showerCutoff));
  require(alphaSMz > 0.05 && alphaSMz < 0.3, "alpha_s(M_Z)", cat("need 0.05-0.3, got ", alphaSMz));
}

std::string GeneratorConfig::describe() const {
  std::ostringstream os;
  os << "process = " << process << "\n"
     << "pt_min = " << ptMin << "\npt_max = " << ptMax << "\neta_max = " << etaMax << "\n"
     << "mass_min = " << massMin << "\nmass_max = " << massMax << "\n"
     << "pthat_min = " << ptHatMin << "\npthat_max = " << ptHatMax << "\n"
     << "pileup_mu = " << pileupMu << "\nbeam_energy = " << beamEnergy << "\n"
     << "beamspot_sigma_z = " << beamspotSigmaZ << "\nshower_cutoff = " << showerCutoff << "\n"
     << "alpha_s_mz = " << alphaSMz << "\n";
  return os.str();
}

}  // namespace e2e::gen
