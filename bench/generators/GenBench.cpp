// gen_bench: events per second of the built-in generator on one core, per process, with and without pileup.
//   gen_bench [--events N] [--pileup MU] [--process NAME]...
// Time is the thread's CPU time (robust on a shared machine); wall time is printed beside it. The first events of
// each process warm up the per-thread buffers and are not timed.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "e2e/generators/EventGenerator.hpp"

namespace {

double threadSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

struct Result {
  double cpuPerEvent = 0, wallPerEvent = 0, rows = 0, finals = 0;
};

Result measure(const std::string& process, double mu, int events) {
  e2e::gen::GeneratorConfig c = e2e::gen::GeneratorConfig::forProcess(process);
  c.pileupMu = mu;
  const auto g = e2e::gen::makeGenerator(c);
  e2e::GenParticles p;
  e2e::EventInfo info;
  const int warmup = std::max(5, events / 20);
  for (int i = 0; i < warmup; ++i) g->generate(1000000 + static_cast<std::uint64_t>(i), 1, p, info);
  Result r;
  const double cpu0 = threadSeconds();
  const auto wall0 = std::chrono::steady_clock::now();
  for (int i = 0; i < events; ++i) {
    g->generate(static_cast<std::uint64_t>(i), 1, p, info);
    r.rows += static_cast<double>(p.size());
    for (std::size_t k = 0; k < p.size(); ++k) r.finals += p.status[k] == e2e::kGenFinal;
  }
  r.cpuPerEvent = (threadSeconds() - cpu0) / events;
  r.wallPerEvent = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count() / events;
  r.rows /= events;
  r.finals /= events;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  int events = 2000;
  std::vector<double> pileups = {0, 140};
  std::vector<std::string> processes;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--events") && i + 1 < argc) events = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--pileup") && i + 1 < argc) pileups = {std::atof(argv[++i])};
    else if (!std::strcmp(argv[i], "--process") && i + 1 < argc) processes.emplace_back(argv[++i]);
    else {
      std::fprintf(stderr, "usage: gen_bench [--events N] [--pileup MU] [--process NAME]...\n");
      return 2;
    }
  }
  if (processes.empty())
    for (const auto& p : e2e::gen::processTable()) processes.emplace_back(p.name);
  std::printf("| process | pileup | events/s (CPU) | events/s (wall) | rows/event | final-state/event |\n");
  std::printf("|---|---:|---:|---:|---:|---:|\n");
  for (const double mu : pileups) {
    for (const auto& process : processes) {
      // Pileup events are ~100x heavier: fewer of them keep the run short.
      const int n = mu > 0 ? std::max(20, events / 20) : events;
      const Result r = measure(process, mu, n);
      std::printf("| %s | %g | %.0f | %.0f | %.0f | %.0f |\n", process.c_str(), mu, 1.0 / r.cpuPerEvent,
                  1.0 / r.wallPerEvent, r.rows, r.finals);
      std::fflush(stdout);
    }
  }
  return 0;
}
