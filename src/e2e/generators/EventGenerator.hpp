#pragma once
// The generator interface the pipeline calls per event. An event is a pure function of (configuration, seed,
// event index): generate() may run for any index on any thread, in any order, with identical results.
#include <cstdint>
#include <memory>

#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/dataformats/Objects.hpp"
#include "e2e/generators/GeneratorConfig.hpp"

namespace e2e::gen {

class EventGenerator {
public:
  virtual ~EventGenerator() = default;
  // Replaces the content of `particles` and `info` (one row) with event `eventIndex`. Thread-safe; buffers are
  // reused, so steady-state calls do not allocate.
  virtual void generate(std::uint64_t eventIndex, std::uint64_t seed, GenParticles& particles, EventInfo& info) const = 0;
  virtual Process process() const = 0;
};

// The generator for config.process (validated first: throws e2e::UsageError on bad settings).
std::unique_ptr<EventGenerator> makeGenerator(const GeneratorConfig& config);

}  // namespace e2e::gen
