#include "e2e/simulation/SimulationConfig.hpp"

#include <sstream>

#include "e2e/core/Error.hpp"

namespace e2e::sim {

void SimulationConfig::validate() const {
  auto nonNegative = [](double v, const char* name) {
    if (!(v >= 0.0)) fail("simulation: ", name, " must be >= 0 (got ", v, ")");
  };
  nonNegative(materialScale, "materialScale");
  nonNegative(shapeFluctuationScale, "shapeFluctuationScale");
  nonNegative(ebNoise, "ebNoise");
  nonNegative(eeNoise, "eeNoise");
  nonNegative(hcalNoise, "hcalNoise");
  nonNegative(pileupNoise, "pileupNoise");
  nonNegative(ecalTimeNoiseTerm, "ecalTimeNoiseTerm");
  nonNegative(ecalTimeConstant, "ecalTimeConstant");
  nonNegative(hcalTimeResolution, "hcalTimeResolution");
  nonNegative(trackMinPt, "trackMinPt");
  if (!(trackMaxEta > 0.0)) fail("simulation: trackMaxEta must be > 0 (got ", trackMaxEta, ")");
  if (zeroSuppressionSigmas > 8.0) fail("simulation: zeroSuppressionSigmas must be <= 8 (got ", zeroSuppressionSigmas, ")");
}

std::string SimulationConfig::describe() const {
  std::ostringstream os;
  os << "simulation.material = " << (material ? "true" : "false") << '\n'
     << "simulation.materialScale = " << materialScale << '\n'
     << "simulation.showerMode = " << showerModeName(showerMode) << '\n'
     << "simulation.showerFluctuations = " << (showerFluctuations ? "true" : "false") << '\n'
     << "simulation.shapeFluctuationScale = " << shapeFluctuationScale << '\n'
     << "simulation.intrinsicSmearing = " << (intrinsicSmearing ? "true" : "false") << '\n'
     << "simulation.noise = " << (noise ? "true" : "false") << '\n'
     << "simulation.ebNoise = " << ebNoise << '\n'
     << "simulation.eeNoise = " << eeNoise << '\n'
     << "simulation.hcalNoise = " << hcalNoise << '\n'
     << "simulation.pileupNoise = " << pileupNoise << '\n'
     << "simulation.zeroSuppressionSigmas = " << zeroSuppressionSigmas << '\n'
     << "simulation.ecalTimeNoiseTerm = " << ecalTimeNoiseTerm << '\n'
     << "simulation.ecalTimeConstant = " << ecalTimeConstant << '\n'
     << "simulation.hcalTimeResolution = " << hcalTimeResolution << '\n'
     << "simulation.trackMinPt = " << trackMinPt << '\n'
     << "simulation.trackMaxEta = " << trackMaxEta << '\n';
  return os.str();
}

const char* showerModeName(ShowerMode mode) { return mode == ShowerMode::Spots ? "spots" : "integrated"; }

ShowerMode parseShowerMode(const std::string& name) {
  if (name == "integrated") return ShowerMode::Integrated;
  if (name == "spots") return ShowerMode::Spots;
  fail("unknown shower mode '", name, "' (use integrated or spots)");
}

}  // namespace e2e::sim
