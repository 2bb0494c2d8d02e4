#pragma once
// Runs a Schedule over many events with several in flight (a TBB pipeline):
//
//   source (serial, in order) -> runs of parallel modules -> serial modules (in order) -> ...
//   batching module: gather (serial, in order) -> process batches (parallel) -> [join (serial) if needed]
//   -> sink (serial, in order: recycles the event store)
//
// Event stores are pooled and recycled, so the steady state allocates nothing. Outputs see events in order and
// batches are cut from the event order alone, so the output is byte-identical for any thread count.
#include <atomic>
#include <cstdint>
#include <string>

#include "e2e/framework/RunReport.hpp"
#include "e2e/framework/Schedule.hpp"

namespace e2e::fw {

// SchedulerOptions::events for a serial source read to its end.
inline constexpr std::uint64_t kUntilEnd = ~std::uint64_t{0};

struct SchedulerOptions {
  std::uint64_t events = 0;                // events to process (indices 0 .. events-1); kUntilEnd: until the source ends
  std::uint64_t seed = 12345;              // the run seed every event carries
  int threads = 1;                         // 0: all cores
  int inFlight = 0;                        // pipeline tokens; 0: automatic (twice the threads, plus room for
                                           // min(threads, 8) batches of the largest tagger when threads > 1)
  bool progress = true;                    // progress bar (only drawn on a terminal)
  const std::atomic<bool>* stop = nullptr; // polled before each new event: set -> finish in-flight events and stop
  JobInfo job;                             // handed to every module's beginJob
  std::string title;                       // names the run in the report
};

class Scheduler {
public:
  explicit Scheduler(Schedule& schedule) : m_schedule(schedule) {}
  // beginJob, all events, endJob (or abortJob on an interrupt or an error, which is rethrown with the module and
  // event named).
  RunReport run(const SchedulerOptions& options);

private:
  Schedule& m_schedule;
};

}  // namespace e2e::fw
