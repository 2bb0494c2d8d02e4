#pragma once
// One run of a configuration, as `e2e run`, `e2e demo` and `e2e bench pipeline` do it: build the modules from the
// standard registry, check the wiring, decide events/threads/seed (command line over [run] over the source),
// run with Ctrl-C handling, and return the report.
#include <cstdint>
#include <optional>
#include <string>

#include "e2e/framework/RunConfig.hpp"
#include "e2e/framework/RunReport.hpp"

namespace e2e::modules {

struct JobOptions {
  std::optional<std::uint64_t> events;  // --events
  std::optional<int> threads;           // --threads
  std::optional<std::uint64_t> seed;    // --seed
  bool force = false;                   // --force: outputs may replace existing files
  bool progress = true;
  std::string commandLine;
};

// Where relative model paths are looked up after the working directory: the configuration's directory, $E2E_MODELS,
// then the source tree this e2e was built from (so `make demo` finds the shipped models/).
std::vector<std::string> defaultModelDirs(const std::string& configDir);

// The effective configuration and the wiring, without running (for --dump).
std::string describeJob(const fw::RunConfig& config, const JobOptions& options);

// Runs the job. An interrupted run returns a report with `interrupted` set (outputs were discarded); errors throw.
fw::RunReport runJob(const fw::RunConfig& config, const JobOptions& options);

}  // namespace e2e::modules
