#include "e2e/generators/EventGenerator.hpp"

#include "e2e/core/Error.hpp"
#include "e2e/generators/processes/Processes.hpp"
#include "e2e/generators/processes/Workspace.hpp"

namespace e2e::gen {

Workspace& threadWorkspace() {
  thread_local Workspace workspace;
  return workspace;
}

std::unique_ptr<EventGenerator> makeGenerator(const GeneratorConfig& config) {
  config.validate();
  const Process p = config.processId();
  switch (p) {
    case Process::kPhotonGun:
    case Process::kElectronGun:
    case Process::kPositronGun:
    case Process::kPi0Gun:
    case Process::kChargedPionGun:
    case Process::kMuonGun:
    case Process::kTauGun:
    case Process::kAToGammaGamma: return makeGunGenerator(config, p);
    case Process::kDijet:
    case Process::kDijetQuark:
    case Process::kDijetGluon:
    case Process::kQcdBoosted:
    case Process::kQcdTau: return makeDijetGenerator(config, p);
    case Process::kTTbar:
    case Process::kTTbarBoosted: return makeTopPairGenerator(config, p);
    case Process::kHiggsTauTau: return makeHiggsTauTauGenerator(config, p);
    case Process::kMinBias: return makeMinBiasGenerator(config, p);
    default: throw UsageError(cat("process '", config.process, "' cannot be generated (it names an input format)"));
  }
}

}  // namespace e2e::gen
