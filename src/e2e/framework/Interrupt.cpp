#include "e2e/framework/Interrupt.hpp"

#include <csignal>

namespace e2e::fw {
namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

struct sigaction g_oldInt, g_oldTerm;

extern "C" void onSignal(int sig) {
  g_interrupted.store(true, std::memory_order_relaxed);
  std::signal(sig, SIG_DFL);
}

}  // namespace

InterruptGuard::InterruptGuard() {
  struct sigaction sa {};
  sa.sa_handler = onSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &g_oldInt);
  sigaction(SIGTERM, &sa, &g_oldTerm);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &g_oldInt, nullptr);
  sigaction(SIGTERM, &g_oldTerm, nullptr);
}

const std::atomic<bool>& InterruptGuard::flag() { return g_interrupted; }
void InterruptGuard::request() { g_interrupted.store(true); }
void InterruptGuard::clear() { g_interrupted.store(false); }

}  // namespace e2e::fw
