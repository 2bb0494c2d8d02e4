#pragma once
// `e2e bench pipeline`: for each tagger with a shipped model, the inference pipeline of its seed study — simulated
// events read from a file, reconstruction, crops or graphs, the tagger, predictions written — at 1 and 2 threads,
// against the engine alone on the same model and batch. Reported: events/s and objects/s, the share of module time
// in the tagger and in the engine itself, and the ratio to the engine's standalone objects/s.
#include <cstdint>
#include <string>
#include <vector>

namespace e2e::modules {

struct PipelineBenchOptions {
  std::vector<std::string> taggers;     // egamma, mass, qg, top, tau, tau_gnn; empty: every one with a model
  std::vector<int> threads{1, 2};
  double eventsScale = 1.0;             // multiplies each tagger's event count (0.05 for a quick look)
  std::string workDir;                  // simulated inputs are cached here; empty: $TMPDIR/e2e-bench-pipeline
  double engineSeconds = 2.0;           // timed seconds of the standalone engine per thread count
};

struct PipelineBenchRow {
  std::string tagger, model;
  int threads = 0;
  std::int64_t batch = 0;
  std::uint64_t events = 0, objects = 0;
  double wallSeconds = 0, eventsPerSecond = 0, objectsPerSecond = 0;
  double taggerShare = 0;     // of summed module time: the tagger module (staging + engine + scatter)
  double inferenceShare = 0;  // of summed module time: inside the engine
  double engineObjectsPerSecond = 0;  // the same model and batch alone, `threads` concurrent runs of 1 thread
  double ratio = 0;                   // objectsPerSecond / engineObjectsPerSecond
};

struct PipelineBenchResult {
  std::vector<PipelineBenchRow> rows;
  std::vector<std::string> skipped;  // taggers without a model, with the reason
};

PipelineBenchResult runPipelineBenchmark(const PipelineBenchOptions& options);
std::string formatPipelineBenchmark(const PipelineBenchResult& result, bool json);

}  // namespace e2e::modules
