#include "e2e/generators/readers/EventSource.hpp"

#include "e2e/core/Error.hpp"
#include "e2e/generators/readers/HepMC3EventReader.hpp"
#include "e2e/generators/readers/TextEventReader.hpp"

namespace e2e::gen {
namespace {

bool endsWith(const std::string& s, const char* suffix) {
  const std::string t(suffix);
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

}  // namespace

InputFormat parseInputFormat(std::string_view name) {
  if (name == "hepmc3") return InputFormat::kHepMC3;
  if (name == "text") return InputFormat::kText;
  throw UsageError(cat("--format: unknown input format '", name, "' (known: hepmc3, text)"));
}

InputFormat guessInputFormat(const std::string& path) {
  if (endsWith(path, ".hepmc") || endsWith(path, ".hepmc3") || endsWith(path, ".hepmc3.txt")) return InputFormat::kHepMC3;
  if (endsWith(path, ".txt") || endsWith(path, ".dat") || endsWith(path, ".csv")) return InputFormat::kText;
  throw UsageError(cat(path, ": cannot tell the format from the name; add --format hepmc3 or --format text"));
}

std::unique_ptr<EventSource> openEventSource(const std::string& path, InputFormat format) {
  if (format == InputFormat::kHepMC3) return std::make_unique<HepMC3EventReader>(path);
  return std::make_unique<TextEventReader>(path);
}

}  // namespace e2e::gen
