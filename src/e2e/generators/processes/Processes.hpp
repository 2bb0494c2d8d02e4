#pragma once
// Factories of the concrete generators (one file each); makeGenerator() dispatches on the process id.
#include <memory>

#include "e2e/generators/EventGenerator.hpp"

namespace e2e::gen {

std::unique_ptr<EventGenerator> makeGunGenerator(const GeneratorConfig& config, Process process);
std::unique_ptr<EventGenerator> makeDijetGenerator(const GeneratorConfig& config, Process process);
std::unique_ptr<EventGenerator> makeTopPairGenerator(const GeneratorConfig& config, Process process);
std::unique_ptr<EventGenerator> makeHiggsTauTauGenerator(const GeneratorConfig& config, Process process);
std::unique_ptr<EventGenerator> makeMinBiasGenerator(const GeneratorConfig& config, Process process);

}  // namespace e2e::gen
