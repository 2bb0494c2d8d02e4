// Steady-state generation must not allocate (DESIGN.md: every freshly touched page costs ~11 us here): once the
// output collection and the per-thread buffers have grown to an event's size, making it again allocates nothing.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "e2e/generators/EventGenerator.hpp"

namespace {
std::atomic<long> gAllocations{0};
}  // namespace

// Counting replacements of the global allocation functions (this test binary only).
void* operator new(std::size_t n) {
  gAllocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace e2e::gen {
namespace {

TEST(Allocation, RepeatedEventsDoNotAllocate) {
  for (const char* process : {"dijet", "ttbar", "htautau", "tau", "agg"}) {
    GeneratorConfig c = GeneratorConfig::forProcess(process);
    c.pileupMu = 20;
    const auto g = makeGenerator(c);
    GenParticles p;
    EventInfo info;
    const long start = gAllocations.load();
    for (std::uint64_t i = 0; i < 30; ++i) g->generate(i, 1, p, info);
    EXPECT_GT(gAllocations.load() - start, 0) << "the first pass grows the buffers (and proves the counter works)";
    const long before = gAllocations.load();
    for (std::uint64_t i = 0; i < 30; ++i) g->generate(i, 1, p, info);
    EXPECT_EQ(gAllocations.load() - before, 0) << process;
  }
}

}  // namespace
}  // namespace e2e::gen
