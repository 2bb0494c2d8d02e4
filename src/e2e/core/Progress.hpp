#pragma once
// A progress bar on stderr when stderr is a terminal; silent otherwise (logs and CI stay clean).
// Thread-safe: workers call add() concurrently.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

namespace e2e {

class Progress {
public:
  Progress(std::string label, std::uint64_t total);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void add(std::uint64_t n = 1);
  void finish();
  static bool enabled();

private:
  void draw(std::uint64_t done, bool final);

  std::string m_label;
  std::uint64_t m_total;
  std::atomic<std::uint64_t> m_done{0};
  std::atomic<std::int64_t> m_lastDrawNs{0};
  std::mutex m_drawMutex;
  bool m_enabled;
  bool m_finished = false;
  std::int64_t m_startNs;
};

}  // namespace e2e
