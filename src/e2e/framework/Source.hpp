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
  // Events available from the input; nullopt when not known in advance.
  virtual std::optional<std::uint64_t> eventsAvailable() const { return std::nullopt; }
  // Whether the input ends by itself (a file), even when its length is not known before reading it (a stream).
  virtual bool finite() const { return eventsAvailable().has_value(); }
  // Serial sources: fills the next event; false at the end of the input (the event is then dropped).
  virtual bool read(Event& event) const {
    produce(event);
    return true;
  }
};

}  // namespace e2e::fw
