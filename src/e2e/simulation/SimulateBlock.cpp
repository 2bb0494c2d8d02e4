#include "e2e/simulation/SimulateBlock.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <stdexcept>

namespace e2e::sim {

void simulateBlock(const DetectorSimulation& simulation, std::uint64_t seed, std::span<const std::uint64_t> eventIndex,
                   std::span<const GenParticles> gen, std::span<SimEvent> out) {
  if (eventIndex.size() != gen.size() || out.size() < gen.size())
    throw std::logic_error("simulateBlock: event index, input and output spans differ in size");
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, gen.size(), 1), [&](const tbb::blocked_range<std::size_t>& r) {
    for (std::size_t i = r.begin(); i != r.end(); ++i) simulation.simulate(eventIndex[i], seed, gen[i], out[i]);
  });
}

}  // namespace e2e::sim
