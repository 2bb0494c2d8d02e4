#pragma once
// A run configuration (configs/*.toml):
//
//   [run]
//   events = 200
//   path = ["source", "simulation", "reconstruction", "photon_crops", "eg_tagger", "output"]
//
//   [modules.source]
//   type = "Generator"
//   process = "photon_gun"
//   ...
//
// `path` is the module sequence; every [modules.NAME] table must be on it and every path entry must have one.
// Building the modules checks every table against its Config (naming `[modules.NAME] key` on any mistake), then the
// Schedule checks the wiring.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "e2e/framework/Config.hpp"
#include "e2e/framework/Module.hpp"
#include "e2e/framework/Registry.hpp"

namespace e2e::fw {

struct RunSection {
  std::string description;          // one line: what the run is for
  std::uint64_t events = 0;         // events to process when --events is not given; 0: every event of the source
  std::uint64_t seed = 12345;       // run seed (--seed overrides)
  int threads = 0;                  // worker threads (--threads overrides); 0: all cores
  int inFlight = 0;                 // events in flight; 0: automatic
  std::vector<std::string> path;    // module names, in processing order

  template <class F, class... S>
  static void fields(F&& f, S&&... s) {
    f("description", "one line: what the run is for", s.description...);
    f("events", "events to process when --events is not given; 0: every event of the source", s.events...);
    f("seed", "run seed: every random stream derives from (seed, event index); --seed overrides", s.seed...);
    f("threads", "worker threads; 0: all cores; --threads overrides", s.threads...);
    f("in_flight", "events in flight at once; 0: automatic (twice the threads, plus min(threads, 8) x the largest tagger "
      "max_batch so that several batches can run at once)", s.inFlight...);
    f("path", "module names in processing order; each has a [modules.NAME] table", s.path...);
  }
  void check(const ConfigCheck& c) const;
};

class RunConfig {
public:
  // `origin` names the text in messages (the file path, or "embedded demo configuration").
  static RunConfig parse(std::string_view text, const std::string& origin);
  static RunConfig load(const std::string& path);

  const std::string& origin() const { return m_origin; }
  RunSection& run() { return m_run; }
  const RunSection& run() const { return m_run; }
  const ConfigTable& moduleTable(const std::string& name) const;

  // Builds the modules of the path, in order.
  std::vector<std::unique_ptr<Module>> build(const ModuleRegistry& registry, const RunSettings& settings) const;
  // The effective configuration of built modules (every field, defaults included): the provenance of outputs.
  std::string describe(const std::vector<const Module*>& modules) const;

private:
  std::string m_origin;
  RunSection m_run;
  std::vector<std::pair<std::string, ConfigTable>> m_modules;
};

}  // namespace e2e::fw
