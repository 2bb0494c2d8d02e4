#pragma once
// Events from files other people's generators wrote, behind the same per-event interface as the built-in
// generator but sequential: next() returns the events in file order. Formats: HepMC3 ASCII (read through
// libHepMC3) and plain 4-vector text (TextEventReader.hpp documents it). Malformed input throws e2e::Error with
// the file and line at fault.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/dataformats/Objects.hpp"

namespace e2e::gen {

enum class InputFormat { kHepMC3, kText };

// "hepmc3" or "text"; throws e2e::UsageError otherwise.
InputFormat parseInputFormat(std::string_view name);
// From the file name: .hepmc / .hepmc3 / .hepmc3.txt -> HepMC3, .txt / .dat / .csv -> text; throws e2e::UsageError
// asking for --format when the extension says nothing.
InputFormat guessInputFormat(const std::string& path);

class EventSource {
public:
  virtual ~EventSource() = default;
  // Replaces `particles` and `info` with the next event; false (and both cleared) at the end of the input.
  virtual bool next(GenParticles& particles, EventInfo& info) = 0;
  virtual std::uint64_t eventsRead() const = 0;
};

std::unique_ptr<EventSource> openEventSource(const std::string& path, InputFormat format);

}  // namespace e2e::gen
