#pragma once
// What a run measured: per-module time (summed over threads, so "ms per event" is the CPU cost of a module per
// event, as in the seed paper's breakdown), the run's wall time, events/s and objects/s.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "e2e/framework/Module.hpp"

namespace e2e::fw {

// Live counters of one module, updated from any thread.
struct ModuleStats {
  std::atomic<std::int64_t> ns{0};
  std::atomic<std::uint64_t> calls{0};
  std::atomic<std::uint64_t> items{0};    // batching modules: objects processed
  std::atomic<std::uint64_t> batches{0};  // batching modules: batches run
  void add(std::int64_t dt) {
    ns.fetch_add(dt, std::memory_order_relaxed);
    calls.fetch_add(1, std::memory_order_relaxed);
  }
};

struct ModuleTiming {
  std::string name, type;
  Category category = Category::Other;
  double seconds = 0;
  std::uint64_t calls = 0, items = 0, batches = 0;
  bool batching = false;
  std::vector<Metric> results;
};

struct RunReport {
  std::string title;  // config origin
  std::uint64_t events = 0;
  std::uint64_t requestedEvents = 0;
  double wallSeconds = 0;
  int threads = 1;
  bool interrupted = false;
  std::vector<ModuleTiming> modules;

  double eventsPerSecond() const { return wallSeconds > 0 ? static_cast<double>(events) / wallSeconds : 0.0; }
  std::uint64_t objects() const;      // items over all batching modules
  double moduleSeconds() const;       // summed over modules
  double categorySeconds(Category c) const;
  // Share of module time spent in batching modules (the taggers).
  double taggerShare() const;

  // The human table printed at the end of `e2e run`.
  std::string table() const;
  std::string json() const;
};

// Writes `pngPath`: bar charts of ms/event per module and per category. Uses /usr/bin/python3 with matplotlib;
// returns an empty string on success, otherwise why no chart was written (the JSON report never depends on it).
std::string writeReportChart(const std::string& jsonPath, const std::string& pngPath);

}  // namespace e2e::fw
