#include "e2e/taggers/GraphTagger.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "e2e/core/Error.hpp"

namespace e2e::taggers {
namespace {

struct GraphBatch final : fw::BatchingModule::Batch {
  std::vector<float> nodes, mask, output;
};

}  // namespace

GraphTagger::GraphTagger(const fw::BuildContext& ctx, const Config& cfg) : ObjectTagger(ctx, cfg), m_graphs(this, "graphs", cfg.graphs) {
  init();
}

GraphTagger::GraphTagger(std::string name, const Config& cfg, bool jets, ModelCard card, std::shared_ptr<const Engine> engine)
    : ObjectTagger(std::move(name), cfg, jets, std::move(card), std::move(engine)), m_graphs(this, "graphs", cfg.graphs) {
  init();
}

void GraphTagger::init() {
  m_nodes = card().input("nodes");
  if (!m_nodes) fail("[modules.", name(), "] model: ", card().path, " has no nodes input; use a crop tagger for image models");
  for (const auto& in : card().inputs)
    if (in.name != "nodes" && in.name != "mask")
      fail("[modules.", name(), "] model: ", card().path, " wants input '", in.name, "', which graph taggers do not provide");
  m_mask = card().input("mask") != nullptr;
  m_maxNodes = m_nodes->shape[0];
  m_features = m_nodes->shape[1];
}

void GraphTagger::mapFeatures(const HitGraphs& graphs) const {
  if (!m_featureOf.empty()) return;
  for (const auto& want : m_nodes->features) {
    const auto it = std::find(graphs.features.begin(), graphs.features.end(), want);
    if (it == graphs.features.end()) fail("the model ", card().path, " needs node feature '", want, "' which graphs in '", m_graphs.label(), "' lack");
    m_featureOf.push_back(static_cast<int>(it - graphs.features.begin()));
  }
}

std::int32_t GraphTagger::claim(fw::Event& ev) const {
  const HitGraphs& graphs = ev.get(m_graphs);
  auto& pred = ev.put(output());
  if (graphs.count() == 0) return 0;
  mapFeatures(graphs);
  for (std::int64_t g = 0; g < graphs.count(); ++g) {
    const std::int32_t obj = graphs.object[static_cast<std::size_t>(g)];
    if (selected(ev, obj)) pred.add(obj, std::nanf(""));
  }
  return static_cast<std::int32_t>(pred.size());
}

void GraphTagger::runZeros(Batch& batch, std::int64_t rows) const {
  auto& b = static_cast<GraphBatch&>(batch);
  const float* inputs[2];
  std::size_t k = 0;
  for (const auto& in : card().inputs) inputs[k++] = in.name == "nodes" ? b.nodes.data() : b.mask.data();
  engine().run(std::span<const float* const>(inputs, k), b.output.data(), rows);
}

std::unique_ptr<fw::BatchingModule::Batch> GraphTagger::makeBatch() const {
  auto b = std::make_unique<GraphBatch>();
  const auto rows = static_cast<std::size_t>(maxBatch());
  b->nodes.assign(rows * static_cast<std::size_t>(m_maxNodes * m_features), 0.f);
  if (m_mask) b->mask.assign(rows * static_cast<std::size_t>(m_maxNodes), 0.f);
  b->output.assign(rows, 0.f);
  b->items.reserve(rows);
  return b;
}

void GraphTagger::process(Batch& batch) const {
  auto& b = static_cast<GraphBatch&>(batch);
  const std::size_t n = b.items.size();
  const std::int64_t rows = runRows(n);
  const std::int64_t perGraph = m_maxNodes * m_features;
  // Padding (missing nodes and padded batch rows) must be zeros, as in training.
  std::memset(b.nodes.data(), 0, static_cast<std::size_t>(rows * perGraph) * sizeof(float));
  if (m_mask) std::memset(b.mask.data(), 0, static_cast<std::size_t>(rows * m_maxNodes) * sizeof(float));
  for (std::size_t i = 0; i < n; ++i) {
    const Item& it = b.items[i];
    const fw::Event& ev = *it.event;
    const std::int32_t obj = it.event->modify(output()).object[static_cast<std::size_t>(it.index)];
    const HitGraphs& graphs = ev.get(m_graphs);
    const auto g = static_cast<std::int64_t>(std::find(graphs.object.begin(), graphs.object.end(), obj) - graphs.object.begin());
    const std::int64_t first = graphs.nodeBegin[static_cast<std::size_t>(g)];
    const std::int64_t count = std::min(graphs.nodes(g), m_maxNodes);
    const auto stride = static_cast<std::int64_t>(graphs.features.size());
    float* dst = b.nodes.data() + static_cast<std::int64_t>(i) * perGraph;
    for (std::int64_t v = 0; v < count; ++v) {
      const float* src = graphs.nodeFeatures.data() + (first + v) * stride;
      for (std::int64_t f = 0; f < m_features; ++f) {
        const float scale = m_nodes->nodeScales.empty() ? 1.f : m_nodes->nodeScales[static_cast<std::size_t>(f)];
        dst[v * m_features + f] = src[m_featureOf[static_cast<std::size_t>(f)]] * scale;
      }
      if (m_mask) b.mask[static_cast<std::size_t>(static_cast<std::int64_t>(i) * m_maxNodes + v)] = 1.f;
    }
  }
  const float* inputs[2];
  std::size_t k = 0;
  for (const auto& in : card().inputs) inputs[k++] = in.name == "nodes" ? b.nodes.data() : b.mask.data();
  runEngine(std::span<const float* const>(inputs, k), b.output.data(), rows);
  scatter(batch, b.output.data());
}

}  // namespace e2e::taggers
