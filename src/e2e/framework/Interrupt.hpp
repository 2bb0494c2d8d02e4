#pragma once
// Ctrl-C for long runs: while an InterruptGuard lives, the first SIGINT (or SIGTERM) only raises a flag, which the
// scheduler checks before starting each event, so events in flight finish and outputs are closed or discarded
// properly. A second signal gets the default action (the user really wants out; temporary files stay temporary).
#include <atomic>

namespace e2e::fw {

class InterruptGuard {
public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  // The flag the scheduler polls; set by the signal handler.
  static const std::atomic<bool>& flag();
  static bool requested() { return flag().load(std::memory_order_relaxed); }
  // For tests: behave as if the user pressed Ctrl-C.
  static void request();
  static void clear();
};

}  // namespace e2e::fw
