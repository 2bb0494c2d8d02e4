// Hot path rule: once warmed up, simulating an event allocates nothing. Counts global operator new calls on this
// thread while a flag is set (the replacement operators below serve the whole test executable).
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>

#include "SimTestHelpers.hpp"
#include "e2e/core/Random.hpp"
#include "e2e/simulation/DetectorSimulation.hpp"

namespace {
thread_local bool tCounting = false;
thread_local long tAllocations = 0;
}  // namespace

void* operator new(std::size_t n) {
  if (tCounting) ++tAllocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace e2e;
using namespace e2e::sim;

TEST(Allocation, SteadyStateSimulationDoesNotAllocate) {
  // Pileup-like content: many soft particles from several vertices, plus hard photons and electrons.
  std::vector<GenParticles> events(4);
  for (std::uint64_t k = 0; k < events.size(); ++k) {
    Rng r(k + 1);
    for (int i = 0; i < 300; ++i) {
      const std::int32_t pdg = i % 5 == 0 ? 22 : (i % 7 == 0 ? 11 : (i % 3 == 0 ? 130 : 211));
      const double eta = r.uniform(-2.9, 2.9), pt = r.uniform(0.3, 30.0);
      validation::addGunParticle(events[k], {pdg, std::hypot(pt * std::cosh(eta), validation::gunMass(pdg)), eta,
                                             r.uniform(-3.1, 3.1), 0.0, 0.0, r.uniform(-8.0, 8.0)});
    }
  }
  const DetectorSimulation sim;
  SimEvent out;
  SimScratch scratch;
  for (std::uint64_t k = 0; k < events.size(); ++k) sim.simulate(k, 1, events[k], out, scratch);  // warm up
  tAllocations = 0;
  tCounting = true;
  for (std::uint64_t k = 0; k < events.size(); ++k) sim.simulate(k, 1, events[k], out, scratch);
  tCounting = false;
  EXPECT_EQ(tAllocations, 0);
  EXPECT_GT(out.ecal.size(), 0u);
}
