#pragma once
#include <chrono>

namespace e2e {

// Monotonic wall-clock stopwatch.
class Timer {
public:
  Timer() : m_start(Clock::now()) {}
  void reset() { m_start = Clock::now(); }
  double seconds() const { return std::chrono::duration<double>(Clock::now() - m_start).count(); }

private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point m_start;
};

}  // namespace e2e
