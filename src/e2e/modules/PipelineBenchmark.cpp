#include "e2e/modules/PipelineBenchmark.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "e2e/core/Error.hpp"
#include "e2e/core/JsonWriter.hpp"
#include "e2e/core/Random.hpp"
#include "e2e/io/EventFile.hpp"
#include "e2e/modules/Job.hpp"
#include "e2e/taggers/Engine.hpp"
#include "e2e/taggers/ModelCard.hpp"

namespace e2e::modules {
namespace {

namespace fs = std::filesystem;

// One tagger's benchmark: its sample and the modules between the event file and the tagger.
struct Case {
  const char* tagger;
  const char* type;
  const char* model;
  const char* processes;
  std::uint64_t events;
  int batch;
  std::string stages;  // TOML tables of the modules between the source and the tagger
  const char* path;    // their names, in order
  const char* objects;
};

constexpr const char* kPhotons = R"(
[modules.photons]
type = "PhotonReco"
truth = ""
)";

constexpr const char* kJet8 = R"(["trk_pt", "trk_d0", "trk_dz", "ecal", "hcal", "bpix1", "bpix2", "bpix3"])";
constexpr const char* kJet13 =
    R"(["trk_pt", "trk_d0", "trk_dz", "ecal", "hcal", "bpix1", "bpix2", "bpix3", "bpix4", "tib1", "tib2", "tob1", "tob2"])";

std::string photonCrops(const char* channels) {
  return std::string("[modules.crops]\ntype = \"PhotonCrops\"\noutput = \"crops\"\nchannels = ") + channels +
         "\npt_min = 10.0\neta_max = 1.44\n";
}

// Jets without truth matching (the benchmark times the reconstruction a tagger needs, nothing else).
std::string jets(const char* radius, const char* output) {
  return std::string("[modules.jets]\ntype = \"JetReco\"\nradius = ") + radius + "\n" +
         (output ? std::string("output = \"") + output + "\"\n" : std::string()) + "truth = \"\"\n";
}

std::string jetCrops(const char* objects, const char* channels, const char* ptMin, const char* etaMax) {
  return std::string("[modules.crops]\ntype = \"JetCrops\"\noutput = \"crops\"\nobjects = \"") + objects +
         "\"\nchannels = " + channels + "\npt_min = " + ptMin + "\neta_max = " + etaMax + "\n";
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"egamma", "EGammaTagger", "models/egamma_resnet15.onnx", R"(["photon", "electron"])", 6000, 64,
       photonCrops(R"(["ecal", "ecal_time"])"), R"("photons", "crops")", "photons"},
      {"mass", "MassRegressor", "models/mass_resnet15.onnx", R"(["agg"])", 6000, 64, photonCrops(R"(["ecal"])"),
       R"("photons", "crops")", "photons"},
      {"qg", "QuarkGluonTagger", "models/qg_resnet15.onnx", R"(["dijet-quark", "dijet-gluon"])", 1500, 32,
       jets("0.4", nullptr) + jetCrops("jets", R"(["trk_pt", "ecal", "hcal"])", "70.0", "2.0"),
       R"("vertices", "jets", "crops")", "jets"},
      {"top", "TopTagger", "models/top_resnet15.onnx", R"(["ttbar-boosted", "qcd-boosted"])", 1500, 32,
       jets("0.8", "fatJets") + jetCrops("fatJets", kJet8, "400.0", "2.4"), R"("vertices", "jets", "crops")", "fatJets"},
      {"tau", "TauTagger", "models/tau_resnet15.onnx", R"(["htautau", "qcd-tau"])", 1500, 32,
       jets("0.8", "fatJets") + jetCrops("fatJets", kJet13, "20.0", "2.4"), R"("vertices", "jets", "crops")", "fatJets"},
      {"tau_gnn", "TauGraphTagger", "models/tau_edgeconv.onnx", R"(["htautau", "qcd-tau"])", 1500, 32,
       jets("0.8", "fatJets") +
           "[modules.graphs]\ntype = \"HitGraphs\"\noutput = \"graphs\"\nobjects = \"fatJets\"\npt_min = 20.0\neta_max = 2.4\n",
       R"("vertices", "jets", "graphs")", "fatJets"},
  };
  return all;
}

std::string prepareInput(const Case& c, std::uint64_t events, const std::string& dir) {
  std::string key = c.processes;
  for (char& ch : key)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  const std::string path = (fs::path(dir) / ("input" + key + std::to_string(events) + ".h5")).string();
  if (fs::exists(path)) {
    try {
      if (io::EventReader(path).events() == events) return path;
    } catch (const Error&) {
      // Unreadable leftovers are remade.
    }
  }
  const std::string text = std::string("[run]\npath = [\"source\", \"simulation\", \"output\"]\n[modules.source]\ntype = \"Generator\"\n") +
                           "processes = " + c.processes + "\n[modules.simulation]\ntype = \"Simulation\"\n" +
                           "[modules.output]\ntype = \"EventFileOutput\"\noverwrite = true\npath = \"" + path + "\"\n";
  JobOptions jo;
  jo.events = events;
  jo.progress = false;
  jo.commandLine = "e2e bench pipeline (input)";
  std::fprintf(stderr, "bench pipeline: simulating %llu events of %s into %s\n", static_cast<unsigned long long>(events), c.processes,
               path.c_str());
  runJob(fw::RunConfig::parse(text, "bench pipeline input"), jo);
  return path;
}

// The engine alone: `threads` threads each running batches of `batch` objects with one thread per run, as the
// tagger does, on inputs shaped like the card's (sparse images, half-filled graphs).
double engineObjectsPerSecond(const taggers::Engine& engine, const taggers::ModelCard& card, std::int64_t batch, int threads,
                              double seconds) {
  std::vector<std::vector<float>> inputs;
  Rng rng(7);
  for (const auto& in : card.inputs) {
    std::vector<float> v(static_cast<std::size_t>(batch * in.elements()), 0.f);
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (in.name == "image") v[i] = rng.accept(0.1) ? static_cast<float>(rng.exponential(1.0)) : 0.f;
      else if (in.name == "position") v[i] = i % 2 ? 180.f : 140.f;
      else if (in.name == "mask") v[i] = (i % static_cast<std::size_t>(in.elements())) < static_cast<std::size_t>(in.elements() / 2) ? 1.f : 0.f;
      else v[i] = static_cast<float>(rng.gauss());
    }
    inputs.push_back(std::move(v));
  }
  std::vector<const float*> ptrs;
  for (const auto& v : inputs) ptrs.push_back(v.data());
  std::vector<std::uint64_t> runs(static_cast<std::size_t>(threads), 0);
  auto worker = [&](int t) {
    std::vector<float> out(static_cast<std::size_t>(batch));
    engine.run(ptrs, out.data(), batch);  // plan for this batch, untimed
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
      engine.run(ptrs, out.data(), batch);
      ++runs[static_cast<std::size_t>(t)];
    }
  };
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(worker, t);
  for (auto& th : pool) th.join();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::uint64_t total = 0;
  for (auto r : runs) total += r;
  // The wall time includes each thread's untimed first run; close enough over seconds of timing, and conservative.
  return static_cast<double>(total) * static_cast<double>(batch) / wall;
}

double metric(const fw::ModuleTiming& m, const char* name) {
  for (const auto& r : m.results)
    if (r.name == name) return r.value;
  return 0;
}

}  // namespace

PipelineBenchResult runPipelineBenchmark(const PipelineBenchOptions& o) {
  PipelineBenchResult result;
  const std::string dir = o.workDir.empty() ? (fs::temp_directory_path() / "e2e-bench-pipeline").string() : o.workDir;
  fs::create_directories(dir);
  const auto modelDirs = defaultModelDirs("");
  for (const Case& c : cases()) {
    if (!o.taggers.empty() && std::find(o.taggers.begin(), o.taggers.end(), c.tagger) == o.taggers.end()) continue;
    std::string modelPath;
    taggers::ModelCard card;
    std::shared_ptr<const taggers::Engine> engine;
    try {
      modelPath = taggers::findModel(c.model, modelDirs);
      card = taggers::ModelCard::load(taggers::ModelCard::cardPathFor(modelPath));
      engine = taggers::loadSessionEngine(modelPath, card, 1);
    } catch (const Error& e) {
      result.skipped.push_back(std::string(c.tagger) + ": " + e.what());
      continue;
    }
    const auto events = std::max<std::uint64_t>(20, static_cast<std::uint64_t>(std::llround(static_cast<double>(c.events) * o.eventsScale)));
    const std::string input = prepareInput(c, events, dir);
    for (int threads : o.threads) {
      const std::string out = (fs::path(dir) / (std::string("out_") + c.tagger + ".h5")).string();
      const std::string path = c.path;
      const bool photons = path.find("\"photons\"") != std::string::npos;
      std::string text = std::string("[run]\npath = [\"source\", ") + path + ", \"tagger\", \"output\"]\n" +
                         "[modules.source]\ntype = \"EventFileSource\"\npath = \"" + input + "\"\nproducts = " +
                         (photons ? R"(["ecal"])" : R"(["ecal", "hcal", "tracks", "trackerHits", "vertices"])") + "\n";
      if (path.find("\"vertices\"") != std::string::npos) text += "[modules.vertices]\ntype = \"VertexReco\"\n";
      if (photons) text += kPhotons;
      const bool graphs = path.find("\"graphs\"") != std::string::npos;
      text += c.stages + "[modules.tagger]\ntype = \"" + c.type + "\"\nobjects = \"" + c.objects + "\"\n" +
              (graphs ? "graphs = \"graphs\"\n" : "frames = \"crops\"\n") + "model = \"" + modelPath +
              "\"\nmax_batch = " + std::to_string(c.batch) + "\n[modules.output]\ntype = \"EventFileOutput\"\noverwrite = true\n" +
              "path = \"" + out + "\"\nproducts = [\"" + c.objects + "\", \"tagger\"]\n";
      const fw::RunConfig config = fw::RunConfig::parse(text, std::string("bench pipeline ") + c.tagger);
      JobOptions jo;
      jo.threads = threads;
      jo.progress = false;
      jo.commandLine = "e2e bench pipeline";
      const fw::RunReport report = runJob(config, jo);
      PipelineBenchRow row;
      row.tagger = c.tagger;
      row.model = modelPath;
      row.threads = threads;
      row.batch = c.batch;
      row.events = report.events;
      row.objects = report.objects();
      row.wallSeconds = report.wallSeconds;
      row.eventsPerSecond = report.eventsPerSecond();
      row.objectsPerSecond = report.wallSeconds > 0 ? static_cast<double>(row.objects) / report.wallSeconds : 0;
      row.taggerShare = report.taggerShare();
      const double total = report.moduleSeconds();
      for (const auto& m : report.modules)
        if (m.batching && total > 0) row.inferenceShare += metric(m, "inference_seconds") / total;
      row.engineObjectsPerSecond = engineObjectsPerSecond(*engine, card, c.batch, threads, o.engineSeconds);
      row.ratio = row.engineObjectsPerSecond > 0 ? row.objectsPerSecond / row.engineObjectsPerSecond : 0;
      result.rows.push_back(row);
    }
  }
  return result;
}

std::string formatPipelineBenchmark(const PipelineBenchResult& r, bool json) {
  if (json) {
    JsonWriter j;
    j.beginObject().key("rows").beginArray();
    for (const auto& x : r.rows) {
      j.beginObject().field("tagger", x.tagger).field("model", x.model).field("threads", x.threads).field("batch", x.batch);
      j.field("events", x.events).field("objects", x.objects).field("wall_seconds", x.wallSeconds);
      j.field("events_per_second", x.eventsPerSecond).field("objects_per_second", x.objectsPerSecond);
      j.field("tagger_share", x.taggerShare).field("inference_share", x.inferenceShare);
      j.field("non_inference_share", 1.0 - x.inferenceShare);
      j.field("engine_objects_per_second", x.engineObjectsPerSecond).field("ratio_to_engine", x.ratio).endObject();
    }
    j.endArray().key("skipped").beginArray();
    for (const auto& s : r.skipped) j.value(s);
    j.endArray().endObject();
    return j.str() + "\n";
  }
  std::string out;
  char buf[512];
  std::snprintf(buf, sizeof buf, "%-8s %7s %5s %7s %8s %10s %11s %8s %9s %10s %13s %7s\n", "tagger", "threads", "batch", "events",
                "objects", "events/s", "objects/s", "tagger", "inference", "non-infer", "engine obj/s", "ratio");
  out += buf;
  for (const auto& x : r.rows) {
    std::snprintf(buf, sizeof buf, "%-8s %7d %5lld %7llu %8llu %10.1f %11.1f %7.1f%% %8.1f%% %9.1f%% %13.1f %7.2f\n", x.tagger.c_str(),
                  x.threads, static_cast<long long>(x.batch), static_cast<unsigned long long>(x.events),
                  static_cast<unsigned long long>(x.objects), x.eventsPerSecond, x.objectsPerSecond, 100 * x.taggerShare,
                  100 * x.inferenceShare, 100 * (1 - x.inferenceShare), x.engineObjectsPerSecond, x.ratio);
    out += buf;
  }
  for (const auto& s : r.skipped) out += "skipped " + s + "\n";
  out += "tagger / inference / non-infer: shares of the summed module time (source read, reco, crops, tagger, output);\n"
         "ratio: pipeline objects/s over the engine alone (same model and batch, as many concurrent 1-thread runs as threads)\n";
  return out;
}

}  // namespace e2e::modules
