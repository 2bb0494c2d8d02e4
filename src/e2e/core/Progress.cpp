#include "e2e/core/Progress.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace e2e {
namespace {
std::int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

bool Progress::enabled() { return isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::string label, std::uint64_t total)
    : m_label(std::move(label)), m_total(total), m_enabled(enabled()), m_startNs(nowNs()) {}

Progress::~Progress() { finish(); }

void Progress::add(std::uint64_t n) {
  const std::uint64_t done = m_done.fetch_add(n, std::memory_order_relaxed) + n;
  if (!m_enabled) return;
  const std::int64_t now = nowNs();
  std::int64_t last = m_lastDrawNs.load(std::memory_order_relaxed);
  if (now - last < 100'000'000) return;  // redraw at most 10 times a second
  if (!m_lastDrawNs.compare_exchange_strong(last, now)) return;
  std::lock_guard lock(m_drawMutex);
  draw(done, false);
}

void Progress::finish() {
  if (!m_enabled || m_finished) return;
  m_finished = true;
  std::lock_guard lock(m_drawMutex);
  draw(m_done.load(), true);
}

void Progress::draw(std::uint64_t done, bool final) {
  constexpr int kWidth = 30;
  const double frac = m_total ? static_cast<double>(done) / static_cast<double>(m_total) : 1.0;
  const int filled = static_cast<int>(frac * kWidth + 0.5);
  const double elapsed = static_cast<double>(nowNs() - m_startNs) * 1e-9;
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kWidth, '.');
  std::fprintf(stderr, "\r%s [%s] %llu/%llu %.0f/s", m_label.c_str(), bar.c_str(), static_cast<unsigned long long>(done),
               static_cast<unsigned long long>(m_total), rate);
  if (final) std::fputc('\n', stderr);
  std::fflush(stderr);
}

}  // namespace e2e
