#pragma once
// Simulates a block of events in parallel (TBB), one SimEvent per event, so that the caller can write them out in
// order. `e2e simulate` and `e2e generate --simulate` both go through here.
#include <cstdint>
#include <span>

#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/simulation/DetectorSimulation.hpp"

namespace e2e::sim {

// Event i of the block uses eventIndex[i] as its random-stream key; results do not depend on the thread count.
void simulateBlock(const DetectorSimulation& simulation, std::uint64_t seed, std::span<const std::uint64_t> eventIndex,
                   std::span<const GenParticles> gen, std::span<SimEvent> out);

}  // namespace e2e::sim
