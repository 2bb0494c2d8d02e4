#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

#include "ToyModules.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/framework/Scheduler.hpp"

using namespace e2e;
using namespace e2e::fw;
using namespace e2e::fw::test;

namespace {

struct Setup {
  ToySource* source;
  ToyTagger* tagger;
  Collector* collector;
  std::unique_ptr<Schedule> schedule;
};

Setup makeSetup(int maxBatch, int maxHeld, int maxObjects = 5, int fixedObjects = -1) {
  Setup s;
  std::vector<std::unique_ptr<Module>> mods;
  auto src = std::make_unique<ToySource>(maxObjects, fixedObjects, 20);
  auto tag = std::make_unique<ToyTagger>(maxBatch, maxHeld);
  auto col = std::make_unique<Collector>();
  s.source = src.get();
  s.tagger = tag.get();
  s.collector = col.get();
  mods.push_back(std::move(src));
  mods.push_back(std::move(tag));
  mods.push_back(std::move(col));
  s.schedule = std::make_unique<Schedule>(std::move(mods));
  return s;
}

RunReport runIt(Setup& s, std::uint64_t events, int threads, const std::atomic<bool>* stop = nullptr) {
  SchedulerOptions opt;
  opt.events = events;
  opt.seed = 77;
  opt.threads = threads;
  opt.progress = false;
  opt.stop = stop;
  Scheduler sched(*s.schedule);
  return sched.run(opt);
}

// Every event arrives once, in order, and every score belongs to its own object: the fake model's output is
// 2 * pt + 1 and pt encodes (event, object), so a score moved to another object or event cannot match.
void expectNoMixUp(const Collector& c, std::uint64_t events) {
  ASSERT_EQ(c.seen.size(), events);
  for (std::uint64_t i = 0; i < events; ++i) {
    const auto& s = c.seen[i];
    ASSERT_EQ(s.index, i) << "events out of order";
    std::size_t expected = 0;
    for (std::size_t k = 0; k < s.photons.size(); ++k)
      if (s.photons.eta[k] != 2.f) ++expected;
    ASSERT_EQ(s.scores.size(), expected) << "event " << i;
    std::int32_t previous = -1;
    for (std::size_t r = 0; r < s.scores.size(); ++r) {
      const std::int32_t obj = s.scores.object[r];
      ASSERT_GT(obj, previous);
      previous = obj;
      ASSERT_LT(static_cast<std::size_t>(obj), s.photons.size());
      EXPECT_NE(s.photons.eta[static_cast<std::size_t>(obj)], 2.f) << "a photon failing the selection got a score";
      EXPECT_EQ(s.scores.value[r], 2.f * static_cast<float>(i * 16 + static_cast<std::uint64_t>(obj)) + 1.f)
          << "event " << i << " object " << obj;
    }
  }
}

}  // namespace

TEST(Scheduler, BatchesAcrossEventsWithoutMixingScores) {
  for (int threads : {1, 2, 4}) {
    auto s = makeSetup(7, 64);
    const auto report = runIt(s, 300, threads);
    expectNoMixUp(*s.collector, 300);
    EXPECT_TRUE(s.collector->ended);
    EXPECT_FALSE(s.collector->aborted);
    EXPECT_EQ(report.events, 300u);
    std::uint64_t scored = 0;
    for (const auto& seen : s.collector->seen) scored += seen.scores.size();
    EXPECT_EQ(report.objects(), scored);
    EXPECT_GT(scored, 300u);
  }
}

TEST(Scheduler, OneObjectPerEventStillGivesFullBatches) {
  auto s = makeSetup(16, 1000, 5, 1);  // one photon per event, eta 0: always selected
  runIt(s, 100, 2);
  expectNoMixUp(*s.collector, 100);
  const auto sizes = s.tagger->batchSizes();
  ASSERT_EQ(sizes.size(), 7u);  // 6 full batches + the remainder flushed at the end
  std::size_t full = 0, total = 0;
  for (auto n : sizes) {
    full += n == 16;
    total += n;
  }
  EXPECT_EQ(full, 6u);
  EXPECT_EQ(total, 100u);
}

TEST(Scheduler, HeldEventLimitFlushesPartialBatches) {
  // Rare objects: at most 3 events wait, so batches run before they are full.
  auto s = makeSetup(1000, 3, 1);
  runIt(s, 200, 2);
  expectNoMixUp(*s.collector, 200);
  for (auto n : s.tagger->batchSizes()) EXPECT_LE(n, 3u);
}

TEST(Scheduler, EventWithMoreObjectsThanABatch) {
  auto s = makeSetup(2, 100, 5, 5);  // 5 photons, 4 selected, batches of 2: every event spans batches
  runIt(s, 50, 4);
  expectNoMixUp(*s.collector, 50);
  for (auto n : s.tagger->batchSizes()) EXPECT_EQ(n, 2u);
}

TEST(Scheduler, SameResultsForAnyThreadCount) {
  auto a = makeSetup(5, 10);
  auto b = makeSetup(5, 10);
  runIt(a, 150, 1);
  runIt(b, 150, 3);
  ASSERT_EQ(a.collector->seen.size(), b.collector->seen.size());
  for (std::size_t i = 0; i < a.collector->seen.size(); ++i) {
    EXPECT_TRUE(a.collector->seen[i].photons == b.collector->seen[i].photons);
    EXPECT_TRUE(a.collector->seen[i].scores == b.collector->seen[i].scores);
  }
  EXPECT_EQ(a.tagger->batchSizes().size(), b.tagger->batchSizes().size());
}

TEST(Scheduler, StopFlagFinishesInFlightEventsAndAborts) {
  // A serial module raises the stop flag after event 20, as a Ctrl-C would.
  struct Stopper : Module {
    explicit Stopper(std::atomic<bool>& f) : Module("stopper", Category::Other, Concurrency::Serial), flag(f), in(this, "p", "photons") {}
    void produce(Event& ev) const override {
      if (ev.index() == 20) flag = true;
    }
    std::atomic<bool>& flag;
    Input<Photons> in;
  };
  std::atomic<bool> stop{false};
  std::vector<std::unique_ptr<Module>> mods;
  mods.push_back(std::make_unique<ToySource>());
  mods.push_back(std::make_unique<ToyTagger>(4, 8));
  mods.push_back(std::make_unique<Stopper>(stop));
  auto col = std::make_unique<Collector>();
  Collector* c = col.get();
  mods.push_back(std::move(col));
  Schedule sched(std::move(mods));
  SchedulerOptions opt;
  opt.events = 100000;
  opt.threads = 2;
  opt.progress = false;
  opt.stop = &stop;
  const auto report = Scheduler(sched).run(opt);
  EXPECT_TRUE(report.interrupted);
  EXPECT_TRUE(c->aborted);
  EXPECT_FALSE(c->ended);
  EXPECT_GE(report.events, 21u);
  EXPECT_LT(report.events, 200u);
  expectNoMixUp(*c, report.events);
}

TEST(Scheduler, ModuleErrorNamesModuleAndEvent) {
  struct Corrupt : Module {
    Corrupt() : Module("reader", Category::Other, Concurrency::Serial), in(this, "p", "photons") {}
    void produce(Event& ev) const override {
      if (ev.index() == 13) fail("checksum mismatch");
    }
    Input<Photons> in;
  };
  std::vector<std::unique_ptr<Module>> mods;
  mods.push_back(std::make_unique<ToySource>());
  mods.push_back(std::make_unique<Corrupt>());
  auto col = std::make_unique<Collector>(false);
  Collector* c = col.get();
  mods.push_back(std::move(col));
  Schedule sched(std::move(mods));
  sched.module(1).setRegistration("CorruptReader", "");
  SchedulerOptions opt;
  opt.events = 100;
  opt.threads = 2;
  opt.progress = false;
  try {
    Scheduler(sched).run(opt);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("module 'reader' (CorruptReader), event 13: checksum mismatch"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(c->aborted);
  EXPECT_FALSE(c->ended);
  EXPECT_LE(c->seen.size(), 13u);
}

TEST(Scheduler, TimingCountsEveryModuleCall) {
  auto s = makeSetup(8, 16);
  const auto r = runIt(s, 64, 2);
  ASSERT_EQ(r.modules.size(), 3u);
  EXPECT_EQ(r.modules[0].calls, 64u);  // source
  EXPECT_EQ(r.modules[2].calls, 64u);  // collector
  EXPECT_EQ(r.modules[1].batches, s.tagger->batchSizes().size());
  EXPECT_GT(r.modules[0].seconds, 0.0);
  EXPECT_GT(r.wallSeconds, 0.0);
  EXPECT_NE(r.table().find("throughput: 64 events"), std::string::npos) << r.table();
  EXPECT_NE(r.json().find("\"events\":64"), std::string::npos);
  EXPECT_GT(r.taggerShare(), 0.0);
  EXPECT_LT(r.taggerShare(), 1.0);
}

TEST(Scheduler, SerialSourceMayEndTheRun) {
  // A file-like source with 7 events of unknown count: the run stops cleanly after them, batches flushed.
  struct Stream : Source {
    Stream() : Source("source", Concurrency::Serial), out(this, "photons", "photons") {}
    bool finite() const override { return true; }
    bool read(Event& ev) const override {
      if (ev.index() >= 7) return false;
      auto& ph = ev.put(out);
      ph.resize(1);
      ph.pt[0] = static_cast<float>(ev.index() * 16);
      return true;
    }
    void produce(Event& ev) const override { read(ev); }
    Output<Photons> out;
  };
  std::vector<std::unique_ptr<Module>> mods;
  mods.push_back(std::make_unique<Stream>());
  mods.push_back(std::make_unique<ToyTagger>(4, 100));
  auto col = std::make_unique<Collector>();
  Collector* c = col.get();
  mods.push_back(std::move(col));
  Schedule sched(std::move(mods));
  SchedulerOptions opt;
  opt.events = kUntilEnd;
  opt.threads = 2;
  opt.progress = false;
  const auto report = Scheduler(sched).run(opt);
  EXPECT_EQ(report.events, 7u);
  EXPECT_EQ(report.requestedEvents, 7u);
  EXPECT_FALSE(report.interrupted);
  EXPECT_TRUE(c->ended);
  expectNoMixUp(*c, 7);
}
