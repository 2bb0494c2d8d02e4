#pragma once
// Small modules for scheduler tests: a random source of photons, a tagger-like batching module with a fake model
// whose output identifies the object it was computed from, and an in-order collector.
#include <cmath>
#include <mutex>
#include <vector>

#include "e2e/core/Random.hpp"
#include "e2e/dataformats/Objects.hpp"
#include "e2e/framework/BatchingModule.hpp"
#include "e2e/framework/Event.hpp"
#include "e2e/framework/Source.hpp"

namespace e2e::fw::test {

// 0..maxObjects photons per event (fixedObjects >= 0: exactly that many); pt encodes (event, object) exactly.
class ToySource : public Source {
public:
  explicit ToySource(int maxObjects = 5, int fixedObjects = -1, int spinMicros = 0, std::string name = "source")
      : Source(std::move(name), Concurrency::Parallel), m_out(this, "photons", "photons"), m_max(maxObjects),
        m_fixed(fixedObjects), m_spin(spinMicros) {}
  void produce(Event& ev) const override {
    Rng rng(ev.seed(), ev.index(), Stream::Generator);
    const int n = m_fixed >= 0 ? m_fixed : static_cast<int>(rng.below(static_cast<std::uint64_t>(m_max) + 1));
    // Uneven work per event, so that with threads events finish out of order.
    const double spin = m_spin * rng.uniform(0.1, 2.0);
    double x = 0;
    for (int i = 0; i < static_cast<int>(spin * 50); ++i) x += std::sqrt(static_cast<double>(i));
    auto& ph = ev.put(m_out);
    ph.resize(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k) {
      ph.pt[static_cast<std::size_t>(k)] = static_cast<float>(ev.index() * 16 + static_cast<std::uint64_t>(k)) + (x < 0 ? 1.f : 0.f);
      ph.eta[static_cast<std::size_t>(k)] = static_cast<float>(k % 3);
    }
  }
  Output<Photons> m_out;

private:
  int m_max, m_fixed, m_spin;
};

// Scores photons with eta != 2 (others fail the selection) with a fake model: score = 2 * pt + 1.
class ToyTagger : public BatchingModule {
public:
  ToyTagger(int maxBatch, int maxHeld)
      : BatchingModule("tagger", maxBatch, maxHeld), m_in(this, "photons", "photons"), m_out(this, "scores", "scores") {}

  struct ToyBatch : Batch {
    std::vector<float> input, output;
  };
  std::int32_t claim(Event& ev) const override {
    const auto& ph = ev.get(m_in);
    auto& pred = ev.put(m_out);
    for (std::size_t i = 0; i < ph.size(); ++i)
      if (ph.eta[i] != 2.f) pred.add(static_cast<std::int32_t>(i), std::nanf(""));
    return static_cast<std::int32_t>(pred.size());
  }
  std::unique_ptr<Batch> makeBatch() const override { return std::make_unique<ToyBatch>(); }
  void process(Batch& b) const override {
    auto& tb = static_cast<ToyBatch&>(b);
    const std::size_t n = b.items.size();
    tb.input.resize(n);
    tb.output.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const auto& it = b.items[i];
      const auto& pred = it.event->modify(m_out);
      tb.input[i] = it.event->get(m_in).pt[static_cast<std::size_t>(pred.object[static_cast<std::size_t>(it.index)])];
    }
    for (std::size_t i = 0; i < n; ++i) tb.output[i] = 2.f * tb.input[i] + 1.f;
    for (std::size_t i = 0; i < n; ++i) b.items[i].event->modify(m_out).value[static_cast<std::size_t>(b.items[i].index)] = tb.output[i];
    std::lock_guard lock(m_mutex);
    m_batchSizes.push_back(n);
  }
  std::vector<std::size_t> batchSizes() const {
    std::lock_guard lock(m_mutex);
    return m_batchSizes;
  }
  Input<Photons> m_in;
  Output<Predictions> m_out;

private:
  mutable std::mutex m_mutex;
  mutable std::vector<std::size_t> m_batchSizes;
};

// Records, in the order it sees them, each event's index and scores; flags endJob/abortJob.
class Collector : public Module {
public:
  struct Seen {
    std::uint64_t index;
    Photons photons;
    Predictions scores;
  };
  explicit Collector(bool withScores = true, std::string name = "collector")
      : Module(std::move(name), Category::Output, Concurrency::Serial), m_photons(this, "photons", "photons") {
    if (withScores) m_scores = std::make_unique<Input<Predictions>>(this, "scores", "scores");
  }
  void produce(Event& ev) const override {
    Seen s{ev.index(), ev.get(m_photons), {}};
    if (m_scores) s.scores = ev.get(*m_scores);
    seen.push_back(std::move(s));
  }
  void endJob() override { ended = true; }
  void abortJob() override { aborted = true; }

  mutable std::vector<Seen> seen;
  bool ended = false, aborted = false;

private:
  Input<Photons> m_photons;
  std::unique_ptr<Input<Predictions>> m_scores;
};

}  // namespace e2e::fw::test
