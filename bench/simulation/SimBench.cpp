// Simulation throughput on one thread: events are loaded first (not timed), then simulated. Prints events/s per
// core (thread CPU time, so that a busy machine does not distort it) and the mean products per event. Usage:
//   sim_bench --gun PDG [--pt PT] [--events N] [--shower integrated|spots] [--seed S] [--repeat R]
//   sim_bench --in gen.h5 [--events N] ...      (events from `e2e generate`)
#include <time.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "e2e/core/Error.hpp"
#include "e2e/core/Timer.hpp"
#include "e2e/core/Random.hpp"
#include "e2e/dataformats/Labels.hpp"
#include "e2e/io/EventFile.hpp"
#include "e2e/simulation/DetectorSimulation.hpp"
#include "e2e/simulation/validation/SingleParticle.hpp"

namespace {

// CPU time of this thread: on a shared machine it measures the work, not the wait for a core.
double threadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct Options {
  std::string input;
  int gun = 22;
  double pt = 50.0;
  int events = 2000;
  std::string shower = "integrated";
  std::uint64_t seed = 1;
  int repeat = 3;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) e2e::fail("sim_bench: ", argv[i], " needs a value");
      return argv[++i];
    };
    if (!std::strcmp(argv[i], "--in")) o.input = value();
    else if (!std::strcmp(argv[i], "--gun")) o.gun = std::atoi(value());
    else if (!std::strcmp(argv[i], "--pt")) o.pt = std::atof(value());
    else if (!std::strcmp(argv[i], "--events")) o.events = std::atoi(value());
    else if (!std::strcmp(argv[i], "--shower")) o.shower = value();
    else if (!std::strcmp(argv[i], "--seed")) o.seed = std::strtoull(value(), nullptr, 10);
    else if (!std::strcmp(argv[i], "--repeat")) o.repeat = std::atoi(value());
    else e2e::fail("sim_bench: unknown option ", argv[i]);
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) try {
  const Options o = parse(argc, argv);
  std::vector<e2e::GenParticles> gen;
  std::string source;
  if (!o.input.empty()) {
    e2e::io::EventReader reader(o.input);
    const auto n = std::min<std::uint64_t>(reader.events(), static_cast<std::uint64_t>(o.events));
    gen.resize(n);
    for (std::uint64_t i = 0; i < n; ++i) reader.get(e2e::labels::kGen, i, gen[i]);
    source = o.input;
  } else {
    // The seed samples' gun: fixed pT, |eta| < 1.44, flat phi.
    gen.resize(static_cast<std::size_t>(o.events));
    for (int i = 0; i < o.events; ++i) {
      e2e::Rng r(o.seed, static_cast<std::uint64_t>(i), e2e::Stream::Generator);
      const double eta = r.uniform(-1.44, 1.44);
      e2e::sim::validation::addGunParticle(gen[static_cast<std::size_t>(i)],
                                           {o.gun, o.pt * std::cosh(eta), eta, r.uniform(-3.14159265, 3.14159265)});
    }
    source = "gun " + std::to_string(o.gun) + " pT " + std::to_string(static_cast<int>(o.pt));
  }
  if (gen.empty()) e2e::fail("sim_bench: no events");
  double particles = 0.0;
  for (const auto& g : gen)
    for (const auto s : g.status) particles += s == e2e::kGenFinal ? 1.0 : 0.0;

  e2e::sim::SimulationConfig sc;
  sc.showerMode = e2e::sim::parseShowerMode(o.shower);
  const e2e::sim::DetectorSimulation sim(sc);
  e2e::sim::SimEvent out;
  e2e::sim::SimScratch scratch;
  sim.simulate(0, o.seed, gen[0], out, scratch);  // warm-up: first-touch of the scratch pages
  double best = 1e30, bestCpu = 1e30, ecal = 0, hcal = 0, hits = 0, tracks = 0, vertices = 0;
  const int events = static_cast<int>(gen.size());
  for (int r = 0; r < o.repeat; ++r) {
    ecal = hcal = hits = tracks = vertices = 0;
    e2e::Timer t;
    const double cpu0 = threadSeconds();
    for (int i = 0; i < events; ++i) {
      sim.simulate(static_cast<std::uint64_t>(i), o.seed, gen[static_cast<std::size_t>(i)], out, scratch);
      ecal += static_cast<double>(out.ecal.size());
      hcal += static_cast<double>(out.hcal.size());
      hits += static_cast<double>(out.trackerHits.size());
      tracks += static_cast<double>(out.tracks.size());
      vertices += static_cast<double>(out.vertices.size());
    }
    best = std::min(best, t.seconds());
    bestCpu = std::min(bestCpu, threadSeconds() - cpu0);
  }
  const double n = static_cast<double>(gen.size());
  std::printf("%-24s shower %-10s events %6zu | %9.0f events/s/core (%.2f us/event CPU, %.2f wall) | per event: "
              "%.0f final particles, %.0f ECAL hits, %.0f HCAL hits, %.0f tracker hits, %.1f tracks, %.1f vertices\n",
              source.c_str(), o.shower.c_str(), gen.size(), n / bestCpu, bestCpu / n * 1e6, best / n * 1e6, particles / n, ecal / n,
              hcal / n, hits / n, tracks / n, vertices / n);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "sim_bench: %s\n", e.what());
  return 1;
}
