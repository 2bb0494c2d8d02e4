#include "e2e/framework/Scheduler.hpp"

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

#include "e2e/core/Error.hpp"
#include "e2e/core/Progress.hpp"
#include "e2e/core/Timer.hpp"
#include "e2e/framework/BatchingModule.hpp"
#include "e2e/framework/Source.hpp"

namespace e2e::fw {
namespace {

using Batch = BatchingModule::Batch;

std::int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Grows on demand and hands objects back for reuse; after warm-up nothing is allocated.
template <class T>
class Pool {
public:
  template <class Make>
  T* acquire(Make&& make) {
    std::lock_guard lock(m_mutex);
    if (m_free.empty()) {
      m_all.push_back(make());
      return m_all.back().get();
    }
    T* p = m_free.back();
    m_free.pop_back();
    return p;
  }
  void release(T* p) {
    std::lock_guard lock(m_mutex);
    m_free.push_back(p);
  }

private:
  std::mutex m_mutex;
  std::vector<std::unique_ptr<T>> m_all;
  std::vector<T*> m_free;
};

// What travels through the pipeline: the events this token carries (one from the source; a batching module may
// release several at once, or none while it waits for a full batch) and the batches closed on its way.
struct Chunk {
  std::vector<Event*> events;
  std::vector<std::vector<Batch*>> batches;  // per batching lane
  bool last = false;                         // the end-of-run marker: batching modules flush on it
};

struct Segment {
  enum class Kind { Parallel, Serial, Batching } kind;
  std::vector<std::size_t> modules;
  int lane = -1;
};

// The gather state of one batching module.
struct Lane {
  const BatchingModule* module = nullptr;
  std::size_t moduleIndex = 0;
  std::size_t index = 0;      // position in Chunk::batches
  std::vector<Event*> released;  // scratch, swapped with the chunk's event list
  Pool<Batch> pool;
  Batch* open = nullptr;
  std::deque<Event*> held;    // events not yet released, in order
  std::size_t firstOpen = 0;  // held[firstOpen] is the first event with items in the open batch
};

class Run {
public:
  Run(Schedule& schedule, const SchedulerOptions& opt) : m_schedule(schedule), m_opt(opt), m_stats(schedule.size()) {}

  RunReport execute();

private:
  template <class F>
  void timed(std::size_t m, const Event* ev, F&& f);
  void buildSegments();
  int defaultInFlight(int threads) const;
  Chunk* newChunk() {
    return m_chunks.acquire([this] {
      auto c = std::make_unique<Chunk>();
      c->batches.resize(m_lanes.size());
      return c;
    });
  }
  Chunk* source(tbb::flow_control& fc);
  void runParallel(const Segment& s, Chunk& c);
  void runSerial(const Segment& s, Chunk& c);
  void gather(Lane& lane, Chunk& c);
  void processBatches(Lane& lane, Chunk& c);
  void sink(Chunk* c);

  Schedule& m_schedule;
  const SchedulerOptions& m_opt;
  std::vector<ModuleStats> m_stats;
  std::vector<Segment> m_segments;
  std::vector<std::unique_ptr<Lane>> m_lanes;
  Pool<Event> m_events;
  Pool<Chunk> m_chunks;
  std::unique_ptr<Progress> m_progress;
  bool m_serialSource = false;
  std::uint64_t m_next = 0, m_done = 0;
  bool m_finished = false, m_interrupted = false, m_sourceEnded = false;
};

template <class F>
void Run::timed(std::size_t m, const Event* ev, F&& f) {
  const std::int64_t t0 = nowNs();
  try {
    f();
  } catch (const Error& e) {
    const Module& mod = m_schedule.module(m);
    throw Error(cat("module '", mod.name(), "' (", mod.typeName(), ")", ev ? cat(", event ", ev->index()) : "", ": ", e.what()));
  }
  m_stats[m].add(nowNs() - t0);
}

// Outputs see events in order, so a token carrying a batch that is still running holds back every later token at
// the next in-order stage. For batches to run on several threads at once, the window of tokens must span that many
// batches' worth of events: up to max_batch events each when objects are one per event (or rarer).
int Run::defaultInFlight(int threads) const {
  int largestBatch = 0;
  for (const auto& lane : m_lanes) largestBatch = std::max(largestBatch, lane->module->maxBatch());
  const int concurrentBatches = threads > 1 ? std::min(threads, 8) : 0;
  return 2 * threads + concurrentBatches * largestBatch;
}

void Run::buildSegments() {
  const std::size_t n = m_schedule.size();
  std::size_t first = 0;
  if (n > 0 && dynamic_cast<const Source*>(&m_schedule.module(0)) &&
      m_schedule.module(0).concurrency() == Concurrency::Serial) {
    m_serialSource = true;
    first = 1;
  }
  for (std::size_t i = first; i < n; ++i) {
    const Module& m = m_schedule.module(i);
    if (const auto* b = dynamic_cast<const BatchingModule*>(&m)) {
      auto lane = std::make_unique<Lane>();
      lane->module = b;
      lane->moduleIndex = i;
      lane->index = m_lanes.size();
      m_segments.push_back({Segment::Kind::Batching, {i}, static_cast<int>(m_lanes.size())});
      m_lanes.push_back(std::move(lane));
      continue;
    }
    const auto kind = m.concurrency() == Concurrency::Serial ? Segment::Kind::Serial : Segment::Kind::Parallel;
    if (!m_segments.empty() && m_segments.back().kind == kind) m_segments.back().modules.push_back(i);
    else m_segments.push_back({kind, {i}, -1});
  }
}

Chunk* Run::source(tbb::flow_control& fc) {
  if (m_finished) {
    fc.stop();
    return nullptr;
  }
  const bool stopRequested = m_opt.stop && m_opt.stop->load(std::memory_order_relaxed);
  if (m_next >= m_opt.events || stopRequested) {
    m_interrupted = m_next < m_opt.events;
    m_finished = true;
    Chunk* c = newChunk();
    c->last = true;
    return c;
  }
  Chunk* c = newChunk();
  Event* ev = m_events.acquire([this] { return std::make_unique<Event>(m_schedule.makeEvent()); });
  ev->reset(m_next++, m_opt.seed);
  c->events.push_back(ev);
  if (m_serialSource) {
    bool more = true;
    timed(0, ev, [&] { more = static_cast<const Source&>(m_schedule.module(0)).read(*ev); });
    if (!more) {
      // The input ended before the requested count: this event never existed; flush like a normal end.
      c->events.clear();
      m_events.release(ev);
      m_finished = true;
      m_sourceEnded = true;
      c->last = true;
    }
  }
  return c;
}

void Run::runParallel(const Segment& s, Chunk& c) {
  auto work = [&](Event* ev) {
    for (std::size_t m : s.modules) timed(m, ev, [&] { m_schedule.module(m).produce(*ev); });
  };
  if (c.events.size() == 1) work(c.events[0]);
  else if (c.events.size() > 1)
    tbb::parallel_for(std::size_t{0}, c.events.size(), [&](std::size_t i) { work(c.events[i]); });
}

void Run::runSerial(const Segment& s, Chunk& c) {
  for (Event* ev : c.events)
    for (std::size_t m : s.modules) timed(m, ev, [&] { m_schedule.module(m).produce(*ev); });
}

void Run::gather(Lane& lane, Chunk& c) {
  auto& closed = c.batches[lane.index];
  const auto maxBatch = static_cast<std::size_t>(lane.module->maxBatch());
  auto close = [&] {
    if (lane.open && !lane.open->items.empty()) {
      closed.push_back(lane.open);
      lane.open = nullptr;
    }
  };
  std::vector<Event*>& released = lane.released;
  released.clear();
  auto releaseFront = [&](std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
      released.push_back(lane.held.front());
      lane.held.pop_front();
    }
  };
  for (Event* ev : c.events) {
    std::int32_t items = 0;
    timed(lane.moduleIndex, ev, [&] { items = lane.module->claim(*ev); });
    lane.held.push_back(ev);
    for (std::int32_t k = 0; k < items; ++k) {
      if (!lane.open) lane.open = lane.pool.acquire([&] { return lane.module->makeBatch(); });
      if (lane.open->items.empty()) lane.firstOpen = lane.held.size() - 1;
      lane.open->items.push_back({ev, k});
      if (lane.open->items.size() >= maxBatch) close();
    }
    // Events before the first one waiting in the open batch are complete; later ones keep their place in line.
    const bool waiting = lane.open && !lane.open->items.empty();
    if (waiting && lane.held.size() >= static_cast<std::size_t>(lane.module->maxHeldEvents())) close();
    if (lane.open && !lane.open->items.empty()) {
      releaseFront(lane.firstOpen);
      lane.firstOpen = 0;
    } else {
      releaseFront(lane.held.size());
    }
  }
  if (c.last) {
    close();
    releaseFront(lane.held.size());
  }
  c.events.swap(released);
}

void Run::processBatches(Lane& lane, Chunk& c) {
  auto& closed = c.batches[lane.index];
  ModuleStats& st = m_stats[lane.moduleIndex];
  for (Batch* b : closed) {
    timed(lane.moduleIndex, b->items.front().event, [&] { lane.module->process(*b); });
    st.items.fetch_add(b->items.size(), std::memory_order_relaxed);
    st.batches.fetch_add(1, std::memory_order_relaxed);
    b->items.clear();
    lane.pool.release(b);
  }
  closed.clear();
}

void Run::sink(Chunk* c) {
  for (Event* ev : c->events) {
    ++m_done;
    if (m_progress) m_progress->add();
    m_events.release(ev);
  }
  c->events.clear();
  c->last = false;
  m_chunks.release(c);
}

RunReport Run::execute() {
  buildSegments();
  const int threads = m_opt.threads > 0 ? m_opt.threads : tbb::info::default_concurrency();
  const int tokens = m_opt.inFlight > 0 ? m_opt.inFlight : defaultInFlight(threads);
  // A stream of unknown length gets no bar: its total would be a guess.
  if (m_opt.progress && m_opt.events != kUntilEnd) m_progress = std::make_unique<Progress>("events", m_opt.events);

  auto chain = tbb::make_filter<void, Chunk*>(tbb::filter_mode::serial_in_order,
                                              [this](tbb::flow_control& fc) { return source(fc); });
  for (std::size_t s = 0; s < m_segments.size(); ++s) {
    const Segment& seg = m_segments[s];
    switch (seg.kind) {
      case Segment::Kind::Parallel:
        chain = chain & tbb::make_filter<Chunk*, Chunk*>(tbb::filter_mode::parallel, [this, &seg](Chunk* c) {
                  runParallel(seg, *c);
                  return c;
                });
        break;
      case Segment::Kind::Serial:
        chain = chain & tbb::make_filter<Chunk*, Chunk*>(tbb::filter_mode::serial_in_order, [this, &seg](Chunk* c) {
                  runSerial(seg, *c);
                  return c;
                });
        break;
      case Segment::Kind::Batching: {
        Lane& lane = *m_lanes[static_cast<std::size_t>(seg.lane)];
        chain = chain & tbb::make_filter<Chunk*, Chunk*>(tbb::filter_mode::serial_in_order, [this, &lane](Chunk* c) {
                  gather(lane, *c);
                  return c;
                });
        chain = chain & tbb::make_filter<Chunk*, Chunk*>(tbb::filter_mode::parallel, [this, &lane](Chunk* c) {
                  processBatches(lane, *c);
                  return c;
                });
        // A parallel stage next could see an event released here before the batch (carried by an earlier token)
        // holding its other items was processed; a serial in-order stage in between orders them.
        const bool nextParallel = s + 1 < m_segments.size() && m_segments[s + 1].kind == Segment::Kind::Parallel;
        if (nextParallel)
          chain = chain & tbb::make_filter<Chunk*, Chunk*>(tbb::filter_mode::serial_in_order, [](Chunk* c) { return c; });
        break;
      }
    }
  }
  auto pipeline = chain & tbb::make_filter<Chunk*, void>(tbb::filter_mode::serial_in_order, [this](Chunk* c) { sink(c); });

  for (std::size_t i = 0; i < m_schedule.size(); ++i) m_schedule.module(i).beginJob(m_opt.job);
  const Timer wall;
  try {
    // Lets a run ask for more threads than cores (timing studies) without TBB capping it and warning.
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    tbb::task_arena arena(threads);
    arena.execute([&] { tbb::parallel_pipeline(static_cast<std::size_t>(tokens), pipeline); });
    if (m_progress) m_progress->finish();
    if (m_interrupted) {
      for (std::size_t i = 0; i < m_schedule.size(); ++i) m_schedule.module(i).abortJob();
    } else {
      for (std::size_t i = 0; i < m_schedule.size(); ++i) m_schedule.module(i).endJob();
    }
  } catch (...) {
    if (m_progress) m_progress->finish();
    for (std::size_t i = 0; i < m_schedule.size(); ++i) {
      try {
        m_schedule.module(i).abortJob();
      } catch (...) {
        // The first error is the one to report.
      }
    }
    throw;
  }

  RunReport r;
  r.title = m_opt.title;
  r.events = m_done;
  r.requestedEvents = m_sourceEnded ? m_done : m_opt.events;
  r.wallSeconds = wall.seconds();
  r.threads = threads;
  r.interrupted = m_interrupted;
  for (std::size_t i = 0; i < m_schedule.size(); ++i) {
    const Module& m = m_schedule.module(i);
    ModuleTiming t;
    t.name = m.name();
    t.type = m.typeName();
    t.category = m.category();
    t.seconds = 1e-9 * static_cast<double>(m_stats[i].ns.load());
    t.calls = m_stats[i].calls.load();
    t.items = m_stats[i].items.load();
    t.batches = m_stats[i].batches.load();
    t.batching = dynamic_cast<const BatchingModule*>(&m) != nullptr;
    t.results = m.results();
    r.modules.push_back(std::move(t));
  }
  return r;
}

}  // namespace

RunReport Scheduler::run(const SchedulerOptions& options) {
  Run run(m_schedule, options);
  return run.execute();
}

}  // namespace e2e::fw
