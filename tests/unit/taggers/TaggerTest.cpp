// The taggers on the real scheduler with a fake engine whose output identifies its input: every object's score
// must be computed from that object's own crop (or graph), whatever the batching across events and threads.
#include <gtest/gtest.h>

#include <cmath>
#include <mutex>

#include "e2e/core/Random.hpp"
#include "e2e/framework/Scheduler.hpp"
#include "e2e/framework/Source.hpp"
#include "e2e/frames/PhotonCropper.hpp"
#include "e2e/taggers/CropTagger.hpp"
#include "e2e/taggers/GraphTagger.hpp"

using namespace e2e;
using namespace e2e::fw;
using namespace e2e::taggers;

namespace {

constexpr int kSize = 8;

float identity(std::uint64_t event, std::int32_t object) { return static_cast<float>(event * 10 + static_cast<std::uint64_t>(object)); }

// Photons with crops (channels ecal_time, ecal, hcal) whose ecal pixels all hold identity(event, object); the
// photon with object index 1 gets no crop (as if the crop module skipped it), and every third photon is soft.
class CropSource : public Source {
public:
  CropSource() : Source("source", Concurrency::Parallel), photons(this, "photons", "photons"), crops(this, "crops", "crops"), graphs(this, "graphs", "graphs") {}
  void produce(Event& ev) const override {
    Rng rng(ev.seed(), ev.index());
    const int n = static_cast<int>(rng.below(5));
    auto& ph = ev.put(photons);
    ph.resize(static_cast<std::size_t>(n));
    auto& fr = ev.put(crops);
    fr.channels = {"ecal_time", "ecal", "hcal"};
    fr.height = fr.width = kSize;
    auto& gr = ev.put(graphs);
    gr.features = {"energy", "deta", "dphi"};
    for (int k = 0; k < n; ++k) {
      const auto row = static_cast<std::size_t>(k);
      ph.pt[row] = k % 3 == 2 ? 5.f : 40.f;
      ph.eta[row] = 0.1f * static_cast<float>(k);
      ph.phi[row] = 0.3f * static_cast<float>(k) - 1.f;
      ph.seed[row] = static_cast<std::uint32_t>((80 + k) << 9 | (10 * k + 5));  // EB crystal (ieta 80+k, iphi 10k+5)
      if (k == 1) continue;
      fr.object.push_back(k);
      const float id = identity(ev.index(), k);
      for (int c = 0; c < 3; ++c)
        for (int p = 0; p < kSize * kSize; ++p) fr.data.push_back(c == 1 ? id : (c == 0 ? -1.f : 0.001f));
      // A graph with 1 + k % 3 nodes whose energy feature is identity(event, object).
      gr.object.push_back(k);
      const int nodes = 1 + k % 3;
      for (int v = 0; v < nodes; ++v) {
        gr.nodeFeatures.push_back(id);
        gr.nodeFeatures.push_back(0.5f);
        gr.nodeFeatures.push_back(0.25f);
      }
      gr.nodeBegin.push_back(gr.nodeBegin.back() + nodes);
      gr.edgeBegin.push_back(gr.edgeBegin.back());
    }
  }
  Output<Photons> photons;
  Output<Frames> crops;
  Output<HitGraphs> graphs;
};

// Output = mean of image channel `channel` (crop taggers) or sum over nodes of feature 0 weighted by the mask,
// divided by the number of real nodes (graph taggers). Records the batch sizes it ran.
class FakeEngine : public Engine {
public:
  FakeEngine(std::int64_t perObject, int channel, std::int64_t plane, bool graph)
      : m_perObject(perObject), m_channel(channel), m_plane(plane), m_graph(graph) {}
  void run(std::span<const float* const> inputs, float* out, std::int64_t batch) const override {
    for (std::int64_t i = 0; i < batch; ++i) {
      const float* x = inputs[0] + i * m_perObject;
      double s = 0, n = 0;
      if (m_graph) {
        const float* mask = inputs[1] + i * (m_perObject / 3);
        for (std::int64_t v = 0; v < m_perObject / 3; ++v) {
          s += mask[v] * x[3 * v];
          n += mask[v];
        }
      } else {
        for (std::int64_t p = 0; p < m_plane; ++p) s += x[m_channel * m_plane + p];
        n = static_cast<double>(m_plane);
      }
      out[i] = n > 0 ? static_cast<float>(s / n) : -1.f;
      if (inputs.size() > 1 && !m_graph) out[i] += 1000.f * inputs[1][2 * i] + inputs[1][2 * i + 1] * 1e-3f;
    }
    std::lock_guard lock(m_mutex);
    rows.push_back(batch);
  }
  std::string describe() const override { return "fake"; }
  mutable std::vector<std::int64_t> rows;

private:
  std::int64_t m_perObject;
  int m_channel;
  std::int64_t m_plane;
  bool m_graph;
  mutable std::mutex m_mutex;
};

ModelCard imageCard(const std::string& task, bool position) {
  ModelCard c;
  c.path = "fake.json";
  c.task = taskFromName(task);
  ModelInput img;
  img.name = "image";
  img.shape = {2, kSize, kSize};
  img.channels = {"hcal", "ecal"};  // reordered, and ecal_time left out
  img.frameScales = {1.f, 0.25f};
  img.scales = {1.f, 2.f};
  img.zeroSuppression = {0.01f, 0.f};
  c.inputs.push_back(img);
  if (position) {
    ModelInput pos;
    pos.name = "position";
    pos.shape = {2};
    c.inputs.push_back(pos);
  }
  c.outputs = {"y"};
  return c;
}

struct Collected {
  std::vector<std::uint64_t> index;
  std::vector<Photons> photons;
  std::vector<Predictions> scores;
};

class Collect : public Module {
public:
  Collect(Collected& out, const std::string& label)
      : Module("collect", Category::Output, Concurrency::Serial), m_out(out), m_ph(this, "photons", "photons"), m_scores(this, "scores", label) {}
  void produce(Event& ev) const override {
    m_out.index.push_back(ev.index());
    m_out.photons.push_back(ev.get(m_ph));
    m_out.scores.push_back(ev.get(m_scores));
  }

private:
  Collected& m_out;
  Input<Photons> m_ph;
  Input<Predictions> m_scores;
};

Collected runWith(std::unique_ptr<Module> tagger, const std::string& label, int threads, std::uint64_t events) {
  Collected out;
  std::vector<std::unique_ptr<Module>> mods;
  mods.push_back(std::make_unique<CropSource>());
  mods.push_back(std::move(tagger));
  mods.push_back(std::make_unique<Collect>(out, label));
  Schedule schedule(std::move(mods));
  SchedulerOptions opt;
  opt.events = events;
  opt.threads = threads;
  opt.progress = false;
  Scheduler(schedule).run(opt);
  return out;
}

CropTagger::Config cropConfig() {
  CropTagger::Config cfg;
  cfg.frames = "crops";
  cfg.output = "scores";
  cfg.ptMin = 10;
  cfg.maxBatch = 6;
  cfg.warmup = false;  // the fake engine records every run; warm-up has its own test
  return cfg;
}

}  // namespace

TEST(CropTagger, EveryScoreComesFromItsOwnObjectsCrop) {
  for (int threads : {1, 2}) {
    auto engine = std::make_shared<FakeEngine>(2 * kSize * kSize, 1, kSize * kSize, false);
    auto tagger = std::make_unique<CropTagger>("eg", cropConfig(), false, imageCard("mass", false), engine);
    const Collected out = runWith(std::move(tagger), "scores", threads, 120);
    ASSERT_EQ(out.index.size(), 120u);
    std::size_t scored = 0;
    for (std::size_t e = 0; e < out.index.size(); ++e) {
      ASSERT_EQ(out.index[e], e);
      const Photons& ph = out.photons[e];
      const Predictions& p = out.scores[e];
      // Expected: photons with a crop (not object 1) and pT >= 10 (not every third), in object order.
      std::vector<std::int32_t> expected;
      for (std::int32_t k = 0; k < static_cast<std::int32_t>(ph.size()); ++k)
        if (k != 1 && k % 3 != 2) expected.push_back(k);
      ASSERT_EQ(p.object, expected) << "event " << e;
      for (std::size_t r = 0; r < p.size(); ++r)  // model channel 1 = crop ecal x 0.5
        EXPECT_FLOAT_EQ(p.value[r], 0.5f * identity(e, p.object[r])) << "event " << e << " object " << p.object[r];
      scored += p.size();
    }
    EXPECT_GT(scored, 60u);
    // Batches are cut across events: all full except possibly the last.
    for (std::size_t b = 0; b + 1 < engine->rows.size(); ++b) EXPECT_EQ(engine->rows[b], 6);
  }
}

TEST(CropTagger, ZeroSuppressionScaleAndSigmoid) {
  // Model channel 0 = hcal (0.001 everywhere, below the 0.01 threshold): 0 after zero suppression -> sigmoid(0).
  auto engine = std::make_shared<FakeEngine>(2 * kSize * kSize, 0, kSize * kSize, false);
  auto tagger = std::make_unique<CropTagger>("eg", cropConfig(), false, imageCard("egamma", false), engine);
  const Collected out = runWith(std::move(tagger), "scores", 2, 30);
  std::size_t n = 0;
  for (const auto& p : out.scores)
    for (float v : p.value) {
      EXPECT_FLOAT_EQ(v, 0.5f);
      ++n;
    }
  EXPECT_GT(n, 0u);
}

TEST(CropTagger, PositionInputIsTheCropCentre) {
  auto engine = std::make_shared<FakeEngine>(2 * kSize * kSize, 1, kSize * kSize, false);
  auto tagger = std::make_unique<CropTagger>("mass", cropConfig(), false, imageCard("mass", true), engine);
  const Collected out = runWith(std::move(tagger), "scores", 2, 40);
  for (std::size_t e = 0; e < out.scores.size(); ++e) {
    for (std::size_t r = 0; r < out.scores[e].size(); ++r) {
      const auto obj = static_cast<std::size_t>(out.scores[e].object[r]);
      const auto w = frames::PhotonCropper::window(out.photons[e], obj, kSize, kSize);
      const float expect = 0.5f * identity(e, static_cast<std::int32_t>(obj)) + 1000.f * static_cast<float>(w.row0 + (kSize - 1) / 2) +
                           static_cast<float>((w.col0 + (kSize - 1) / 2) % 360) * 1e-3f;
      EXPECT_FLOAT_EQ(out.scores[e].value[r], expect);
    }
  }
}

TEST(CropTagger, PartialBatchesArePaddedToPowersOfTwo) {
  auto engine = std::make_shared<FakeEngine>(2 * kSize * kSize, 1, kSize * kSize, false);
  auto cfg = cropConfig();
  cfg.maxBatch = 16;
  cfg.maxHeldEvents = 3;  // forces partial batches
  auto tagger = std::make_unique<CropTagger>("eg", cfg, false, imageCard("mass", false), engine);
  runWith(std::move(tagger), "scores", 1, 60);
  for (auto rows : engine->rows) EXPECT_TRUE(rows == 1 || rows == 2 || rows == 4 || rows == 8 || rows == 16) << rows;
}

TEST(CropTagger, WarmUpPlansEveryPaddedBatchSizeBeforeTheFirstEvent) {
  auto engine = std::make_shared<FakeEngine>(2 * kSize * kSize, 1, kSize * kSize, false);
  auto cfg = cropConfig();
  cfg.maxBatch = 12;
  cfg.warmup = true;
  runWith(std::make_unique<CropTagger>("eg", cfg, false, imageCard("mass", false), engine), "scores", 1, 30);
  ASSERT_GT(engine->rows.size(), 5u);
  EXPECT_EQ(std::vector<std::int64_t>(engine->rows.begin(), engine->rows.begin() + 5), (std::vector<std::int64_t>{1, 2, 4, 8, 12}));
}

TEST(GraphTagger, EveryScoreComesFromItsOwnGraph) {
  constexpr int kNodes = 2;  // graphs with 3 nodes are cut to 2; the mask says how many are real
  ModelCard card;
  card.path = "fake_graph.json";
  card.task = Task::Mass;
  ModelInput nodes;
  nodes.name = "nodes";
  nodes.shape = {kNodes, 3};
  nodes.features = {"energy", "dphi", "deta"};
  nodes.nodeScales = {2.f, 1.f, 1.f};
  ModelInput mask;
  mask.name = "mask";
  mask.shape = {kNodes};
  card.inputs = {nodes, mask};
  card.outputs = {"y"};
  GraphTagger::Config cfg;
  cfg.graphs = "graphs";
  cfg.output = "scores";
  cfg.maxBatch = 5;
  cfg.warmup = false;
  auto engine = std::make_shared<FakeEngine>(kNodes * 3, 0, 0, true);
  const Collected out = runWith(std::make_unique<GraphTagger>("tau", cfg, false, card, engine), "scores", 2, 80);
  std::size_t n = 0;
  for (std::size_t e = 0; e < out.scores.size(); ++e) {
    const auto& p = out.scores[e];
    for (std::size_t r = 0; r < p.size(); ++r) {
      EXPECT_NE(p.object[r], 1);  // no graph for object 1: no score
      EXPECT_FLOAT_EQ(p.value[r], 2.f * identity(e, p.object[r]));
      ++n;
    }
  }
  EXPECT_GT(n, 80u);
}
