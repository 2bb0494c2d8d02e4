#pragma once
// What every tagger shares: the objects it scores (a Photons or a Jets collection, picked by the type of the
// configured label), the selection, the Predictions product (one row per scored object, `object` = its row), the
// model (an Engine plus its card), batch padding and the output transform (sigmoid of the logit for classifiers,
// the raw value for the mass regression). CropTagger and GraphTagger add where the inputs come from.
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "e2e/dataformats/Objects.hpp"
#include "e2e/framework/BatchingModule.hpp"
#include "e2e/framework/Config.hpp"
#include "e2e/framework/Registry.hpp"
#include "e2e/taggers/Engine.hpp"
#include "e2e/taggers/ModelCard.hpp"

namespace e2e::taggers {

struct TaggerConfig {
  std::string objects = "photons";  // label of the Photons or Jets collection to score
  std::string output;               // label of the Predictions product; empty: the module's name
  std::string model = "models/egamma.onnx";  // ONNX model; its card <model>.json must sit next to it
  float ptMin = 0;                  // objects below this pT [GeV] get no score
  float etaMax = 5;                 // objects beyond this |eta| get no score
  int maxBatch = 32;                // objects per inference batch, gathered across events
  int maxHeldEvents = 256;          // a partial batch runs anyway once this many events wait for it
  int threadsPerBatch = 1;          // engine threads per batch (parallelism comes from batches in flight)
  bool padBatches = true;           // round partial batches up to a power of two: few engine plans, fixed memory
  // Which scored objects the figures of merit use (scoring itself is not affected), to compare with a card's test
  // set: signal-labelled objects only from events of `resultSignal` processes, background-labelled ones only from
  // `resultBackground` processes (empty: any event), and only each event's `resultLeading` highest-pT scored
  // objects (0: all).
  std::vector<std::string> resultSignal, resultBackground;
  int resultLeading = 0;
  bool warmup = true;               // plan the engine for every batch size it will see before the first event

  template <class F, class... S>
  static void commonFields(F&& f, S&&... s) {
    f("objects", "label of the Photons or Jets collection to score", s.objects...);
    f("output", "label of the Predictions product; empty: the module's name", s.output...);
    f("model", "ONNX model; its card (same name, .json) must sit next to it", s.model...);
    f("pt_min", "objects below this pT [GeV] get no score", s.ptMin...);
    f("eta_max", "objects beyond this |eta| get no score", s.etaMax...);
    f("max_batch", "objects per inference batch, gathered across events", s.maxBatch...);
    f("max_held_events", "a partial batch runs anyway once this many events wait for it", s.maxHeldEvents...);
    f("threads_per_batch", "engine threads per batch (parallelism comes from batches in flight)", s.threadsPerBatch...);
    f("pad_batches", "round partial batches up to a power of two (few engine plans, fixed memory)", s.padBatches...);
    f("warmup", "run the engine once per batch size it will see (powers of two up to max_batch) before the first event, "
      "so planning is not timed as processing", s.warmup...);
    f("result_signal_processes", "figures of merit: signal (or, for the mass, every) object only from events of these "
      "generator processes (needs EventInfo 'info'); empty: any event", s.resultSignal...);
    f("result_background_processes", "figures of merit: background objects only from events of these processes; empty: any",
      s.resultBackground...);
    f("result_leading", "figures of merit: only each event's N highest-pT scored objects; 0: all", s.resultLeading...);
  }
  void checkCommon(const fw::ConfigCheck& c) const;
};

class ObjectTagger : public fw::BatchingModule {
public:
  const ModelCard& card() const { return m_card; }
  bool scoresJets() const { return m_jets != nullptr; }
  const fw::Output<Predictions>& output() const { return m_out; }
  // Scored objects, and against the truth labels reco attached: AUC (classifiers) or bias and resolution (mass).
  std::vector<fw::Metric> results() const override;
  void beginJob(const fw::JobInfo& job) override;

protected:
  // Production: binds the objects by their type in ctx.products, finds and loads the model and its card.
  ObjectTagger(const fw::BuildContext& ctx, const TaggerConfig& cfg);
  // Tests: a given card and engine; `jets` picks the object type.
  ObjectTagger(std::string name, const TaggerConfig& cfg, bool jets, ModelCard card, std::shared_ptr<const Engine> engine);

  bool selected(const fw::Event& ev, std::int32_t object) const;
  // Object rows and count of the event's collection.
  std::size_t objectCount(const fw::Event& ev) const;
  const Photons& photons(const fw::Event& ev) const { return ev.get(*m_photons); }
  const Jets& jets(const fw::Event& ev) const { return ev.get(*m_jets); }
  // Rows the engine runs for n items (padding).
  std::int64_t runRows(std::size_t n) const;
  // Runs the engine on `rows` rows of a fresh batch's (zeroed) inputs: planning for that batch size, untimed.
  virtual void runZeros(Batch& batch, std::int64_t rows) const = 0;
  // Writes out[i] (transformed) into item i's prediction.
  void scatter(Batch& batch, const float* out) const;
  void bindResultProcesses(const std::string& section);
  const Engine& engine() const { return *m_engine; }
  // Runs the engine, adding its time to the inference total (the rest of the tagger's time is staging inputs and
  // writing scores: the benchmark reports the two apart).
  void runEngine(std::span<const float* const> inputs, float* output, std::int64_t rows) const;
  const TaggerConfig& common() const { return m_cfg; }

private:
  TaggerConfig m_cfg;
  std::unique_ptr<fw::Input<Photons>> m_photons;
  std::unique_ptr<fw::Input<Jets>> m_jets;
  std::unique_ptr<fw::Input<EventInfo>> m_info;
  std::vector<std::int32_t> m_signalProcesses, m_backgroundProcesses;  // generator process ids
  fw::Output<Predictions> m_out;
  ModelCard m_card;
  std::shared_ptr<const Engine> m_engine;
  bool m_regression = false;
  // Every scored object's value with its truth, gathered per batch for results().
  mutable std::mutex m_statsMutex;
  mutable std::vector<float> m_values, m_truthMass;
  mutable std::vector<std::int8_t> m_labels;
  mutable std::uint64_t m_scored = 0;
  mutable std::atomic<std::int64_t> m_inferenceNs{0};
};

}  // namespace e2e::taggers
