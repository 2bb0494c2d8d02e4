#pragma once
// The first module of every path: it fills the event from a generator or an input file. The scheduler asks it how
// many events it can deliver so a run over a file knows its length up front (and a too-large --events is an error
// before any work starts).
#include <cstdint>
#include <optional>

#include "e2e/framework/Module.hpp"

namespace e2e::fw {

class Source : public Module {
public:
  Source(std::string name, Concurrency concurrency) : Module(std::move(name), Category::Source, concurrency) {}
  // Events available from the input; nullopt when unbounded (a generator).
  virtual std::optional<std::uint64_t> eventsAvailable() const { return std::nullopt; }
};

}  // namespace e2e::fw
