#include "e2e/taggers/ObjectTagger.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>

#include "e2e/core/Error.hpp"
#include "e2e/generators/Process.hpp"
#include "e2e/taggers/Metrics.hpp"

namespace e2e::taggers {
namespace {

std::string outputLabel(const std::string& name, const TaggerConfig& cfg) { return cfg.output.empty() ? name : cfg.output; }

bool objectsAreJets(const fw::BuildContext& ctx, const TaggerConfig& cfg) {
  const auto it = ctx.products.find(cfg.objects);
  if (it == ctx.products.end())
    fail("[", ctx.section(), "] objects: no earlier module produces '", cfg.objects, "' (a Photons or Jets collection)");
  if (it->second == Jets::kType) return true;
  if (it->second == Photons::kType) return false;
  fail("[", ctx.section(), "] objects: '", cfg.objects, "' is ", it->second, "; taggers score Photons or Jets");
}

ModelCard loadCard(const fw::BuildContext& ctx, const TaggerConfig& cfg, std::string& modelPath) {
  try {
    modelPath = findModel(cfg.model, ctx.run.modelDirs);
    return ModelCard::load(ModelCard::cardPathFor(modelPath));
  } catch (const Error& e) {
    fail("[", ctx.section(), "] model: ", e.what());
  }
}

}  // namespace

void TaggerConfig::checkCommon(const fw::ConfigCheck& c) const {
  c.require(!objects.empty(), "objects", "must name a Photons or Jets collection");
  c.require(!model.empty(), "model", "must name an ONNX model");
  c.require(maxBatch >= 1 && maxBatch <= 4096, "max_batch", "must be 1..4096");
  c.require(maxHeldEvents >= 1, "max_held_events", "must be >= 1");
  c.require(threadsPerBatch >= 0, "threads_per_batch", "must be >= 0 (0: all cores)");
  c.require(etaMax > 0, "eta_max", "must be > 0");
  c.require(resultLeading >= 0, "result_leading", "must be >= 0");
}

ObjectTagger::ObjectTagger(const fw::BuildContext& ctx, const TaggerConfig& cfg)
    : fw::BatchingModule(ctx.name, cfg.maxBatch, cfg.maxHeldEvents), m_cfg(cfg), m_out(this, "output", outputLabel(ctx.name, cfg)) {
  if (objectsAreJets(ctx, cfg)) m_jets = std::make_unique<fw::Input<Jets>>(this, "objects", cfg.objects);
  else m_photons = std::make_unique<fw::Input<Photons>>(this, "objects", cfg.objects);
  std::string modelPath;
  m_card = loadCard(ctx, cfg, modelPath);
  try {
    m_engine = loadSessionEngine(modelPath, m_card, cfg.threadsPerBatch);
  } catch (const Error& e) {
    fail("[", ctx.section(), "] model: ", e.what());
  }
  m_regression = isRegression(m_card.task);
  bindResultProcesses(ctx.section());
}

void ObjectTagger::bindResultProcesses(const std::string& section) {
  auto ids = [&](const std::vector<std::string>& names, const char* key, std::vector<std::int32_t>& out) {
    for (const auto& name : names) {
      const gen::ProcessInfo* p = gen::findProcess(name);
      if (!p) fail("[", section, "] ", key, ": unknown process '", name, "'");
      out.push_back(static_cast<std::int32_t>(p->id));
    }
  };
  ids(m_cfg.resultSignal, "result_signal_processes", m_signalProcesses);
  ids(m_cfg.resultBackground, "result_background_processes", m_backgroundProcesses);
  if (!m_signalProcesses.empty() || !m_backgroundProcesses.empty())
    m_info = std::make_unique<fw::Input<EventInfo>>(this, "info", "info");
}

ObjectTagger::ObjectTagger(std::string name, const TaggerConfig& cfg, bool jets, ModelCard card, std::shared_ptr<const Engine> engine)
    : fw::BatchingModule(name, cfg.maxBatch, cfg.maxHeldEvents), m_cfg(cfg), m_out(this, "output", outputLabel(name, cfg)),
      m_card(std::move(card)), m_engine(std::move(engine)) {
  if (jets) m_jets = std::make_unique<fw::Input<Jets>>(this, "objects", cfg.objects);
  else m_photons = std::make_unique<fw::Input<Photons>>(this, "objects", cfg.objects);
  m_regression = isRegression(m_card.task);
  bindResultProcesses("modules." + this->name());
}

std::size_t ObjectTagger::objectCount(const fw::Event& ev) const {
  return m_jets ? ev.get(*m_jets).size() : ev.get(*m_photons).size();
}

bool ObjectTagger::selected(const fw::Event& ev, std::int32_t object) const {
  if (object < 0 || static_cast<std::size_t>(object) >= objectCount(ev)) return false;
  const auto row = static_cast<std::size_t>(object);
  float pt = 0, eta = 0;
  if (m_jets) {
    pt = ev.get(*m_jets).pt[row];
    eta = ev.get(*m_jets).eta[row];
  } else {
    pt = ev.get(*m_photons).pt[row];
    eta = ev.get(*m_photons).eta[row];
  }
  return pt >= m_cfg.ptMin && std::abs(eta) <= m_cfg.etaMax;
}

std::int64_t ObjectTagger::runRows(std::size_t n) const {
  if (!m_cfg.padBatches) return static_cast<std::int64_t>(n);
  return std::min<std::int64_t>(static_cast<std::int64_t>(std::bit_ceil(n)), m_cfg.maxBatch);
}

void ObjectTagger::beginJob(const fw::JobInfo&) {
  if (!m_cfg.warmup) return;
  auto batch = makeBatch();
  for (std::int64_t rows = 1;; rows *= 2) {
    const std::int64_t r = std::min<std::int64_t>(rows, m_cfg.maxBatch);
    if (m_cfg.padBatches || r == m_cfg.maxBatch) runZeros(*batch, r);
    if (r == m_cfg.maxBatch) break;
  }
}

void ObjectTagger::runEngine(std::span<const float* const> inputs, float* output, std::int64_t rows) const {
  const auto t0 = std::chrono::steady_clock::now();
  m_engine->run(inputs, output, rows);
  const auto dt = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count();
  m_inferenceNs.fetch_add(static_cast<std::int64_t>(dt), std::memory_order_relaxed);
}

void ObjectTagger::scatter(Batch& batch, const float* out) const {
  const std::size_t n = batch.items.size();
  std::lock_guard lock(m_statsMutex);
  m_scored += n;
  for (std::size_t i = 0; i < n; ++i) {
    const Item& it = batch.items[i];
    Predictions& pred = it.event->modify(m_out);
    const float v = m_regression ? out[i] : 1.f / (1.f + std::exp(-out[i]));
    pred.value[static_cast<std::size_t>(it.index)] = v;
    const auto row = static_cast<std::size_t>(pred.object[static_cast<std::size_t>(it.index)]);
    if (m_cfg.resultLeading > 0 && it.index >= m_cfg.resultLeading) continue;
    const std::int32_t pdg = m_jets ? it.event->get(*m_jets).truthPdgId[row] : it.event->get(*m_photons).truthPdgId[row];
    const float mass = m_jets ? it.event->get(*m_jets).truthMass[row] : it.event->get(*m_photons).truthMass[row];
    // Photon masses are regressed for merged A -> gamma gamma only; jets for any matched object.
    const bool massTruth = m_jets ? pdg != 0 : std::abs(pdg) == 36;
    const std::int8_t label = truthLabel(m_card.task, pdg);
    if (m_info) {
      const EventInfo& info = it.event->get(*m_info);
      const std::int32_t process = info.process.empty() ? 0 : info.process[0];
      const auto& allowed = label == 0 ? m_backgroundProcesses : m_signalProcesses;
      if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), process) == allowed.end()) continue;
    }
    m_values.push_back(v);
    m_labels.push_back(label);
    m_truthMass.push_back(massTruth ? mass : 0.f);
  }
}

std::vector<fw::Metric> ObjectTagger::results() const {
  std::lock_guard lock(m_statsMutex);
  std::vector<fw::Metric> r{{"scored", static_cast<double>(m_scored)},
                            {"inference_seconds", 1e-9 * static_cast<double>(m_inferenceNs.load())},
                            {"evaluated", static_cast<double>(m_values.size())}};
  auto card = [&](const char* key, const std::string& as) {
    for (const auto& [k, v] : m_card.metrics)
      if (k == key) r.push_back({as, v});
  };
  if (m_regression) {
    std::vector<float> pred, truth;
    for (std::size_t i = 0; i < m_values.size(); ++i)
      if (m_truthMass[i] > 0) {
        pred.push_back(m_values[i]);
        truth.push_back(m_truthMass[i]);
      }
    const RegressionSummary s = regressionSummary(pred, truth);
    r.push_back({"with_truth", static_cast<double>(s.count)});
    if (s.count > 0) {
      r.push_back({"bias", s.bias});
      r.push_back({"resolution", s.resolution});
      r.push_back({"mae", s.mae});
    }
    card("bias", "card_bias");
    card("resolution", "card_resolution");
    return r;
  }
  std::uint64_t sig = 0, bkg = 0;
  for (auto l : m_labels) {
    sig += l == 1;
    bkg += l == 0;
  }
  r.push_back({"signal", static_cast<double>(sig)});
  r.push_back({"background", static_cast<double>(bkg)});
  if (sig > 0 && bkg > 0) r.push_back({"auc", rocAuc(m_values, m_labels)});
  card("auc", "card_auc");
  return r;
}

}  // namespace e2e::taggers
