// e2e demo: the main job on embedded defaults. Generates a mixed sample (photons, electrons, quark and gluon jets,
// boosted tops and QCD, taus, A -> gamma gamma), simulates and reconstructs it, makes crops and graphs, runs every
// tagger whose shipped model is present, and prints the AUC per tagger, the timing table and the throughput.
// Taggers without a model are listed as not available, with the path that was looked for; nothing is faked.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "Commands.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/framework/RunConfig.hpp"
#include "e2e/modules/Job.hpp"
#include "e2e/taggers/Engine.hpp"
#include "e2e/taggers/ModelCard.hpp"
#include "e2e/taggers/TruthLabels.hpp"

namespace e2e::cli {
namespace {

// Stages every demo runs: a mixed sample through simulation, reconstruction and object frames.
constexpr const char* kBase = R"(
[modules.source]
type = "Generator"
processes = ["photon", "electron", "agg", "dijet-quark", "dijet-gluon", "ttbar-boosted", "qcd-boosted", "htautau", "qcd-tau"]

[modules.simulation]
type = "Simulation"

[modules.photons]
type = "PhotonReco"

[modules.vertices]
type = "VertexReco"

[modules.jets]
type = "JetReco"
radius = 0.4

[modules.fat_jets]
type = "JetReco"
radius = 0.8
output = "fatJets"

[modules.photon_crops]
type = "PhotonCrops"
channels = ["ecal", "ecal_time"]
pt_min = 10.0
eta_max = 1.44

[modules.jet_crops]
type = "JetCrops"
objects = "jets"
output = "jet_crops"
channels = ["trk_pt", "ecal", "hcal"]
pt_min = 70.0
eta_max = 2.0

[modules.fatjet_crops]
type = "JetCrops"
objects = "fatJets"
output = "fatjet_crops"
channels = ["trk_pt", "trk_d0", "trk_dz", "ecal", "hcal", "bpix1", "bpix2", "bpix3", "bpix4", "tib1", "tib2", "tob1", "tob2"]
pt_min = 20.0
eta_max = 2.4

[modules.jet_graphs]
type = "HitGraphs"
objects = "fatJets"
pt_min = 20.0
eta_max = 2.4
)";

struct TaggerEntry {
  const char* name;       // module name = Predictions label
  const char* type;       // registered type
  const char* model;      // the type's default model
  const char* results;    // how its figure of merit is computed: the card's test set (its recipe's samples, objects)
};

constexpr TaggerEntry kTaggers[] = {
    {"egamma", "EGammaTagger", "models/egamma_resnet15.onnx",
     "result_signal_processes = [\"electron\"]\nresult_background_processes = [\"photon\"]\nresult_leading = 1\n"},
    {"mass", "MassRegressor", "models/mass_resnet15.onnx", "result_signal_processes = [\"agg\"]\nresult_leading = 1\n"},
    {"quark_gluon", "QuarkGluonTagger", "models/qg_resnet15.onnx",
     "result_signal_processes = [\"dijet-quark\", \"dijet-gluon\"]\nresult_background_processes = [\"dijet-quark\", "
     "\"dijet-gluon\"]\nresult_leading = 2\n"},
    {"top", "TopTagger", "models/top_resnet15.onnx",
     "result_signal_processes = [\"ttbar-boosted\"]\nresult_background_processes = [\"qcd-boosted\"]\nresult_leading = 2\n"},
    {"tau", "TauTagger", "models/tau_resnet15.onnx",
     "result_signal_processes = [\"htautau\"]\nresult_background_processes = [\"qcd-tau\"]\nresult_leading = 2\n"},
    {"tau_gnn", "TauGraphTagger", "models/tau_edgeconv.onnx",
     "result_signal_processes = [\"htautau\"]\nresult_background_processes = [\"qcd-tau\"]\nresult_leading = 2\n"},
};

struct Availability {
  std::vector<const TaggerEntry*> present;
  std::vector<std::string> missing;  // one line each: which tagger, why
};

// Loads the model, runs it on a few zero batches and unloads it, in a child process: a model the engine cannot
// load is reported with the engine's message, and one the engine crashes on cannot take the demo down with it.
// Returns an empty string when the model is usable.
std::string probeModel(const std::string& model, const std::vector<std::string>& dirs) {
  int pipeFd[2];
  if (pipe(pipeFd) != 0) return "cannot create a pipe to check the model";
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return "cannot fork to check the model";
  if (pid == 0) {
    close(pipeFd[0]);
    // The parent reports what went wrong; the C library's own abort message would only repeat it.
    if (std::FILE* devnull = std::fopen("/dev/null", "w")) dup2(fileno(devnull), STDERR_FILENO);
    int code = 0;
    std::string message;
    try {
      const std::string path = taggers::findModel(model, dirs);
      const taggers::ModelCard card = taggers::ModelCard::load(taggers::ModelCard::cardPathFor(path));
      auto engine = taggers::loadSessionEngine(path, card, 1);
      for (std::int64_t batch : {1, 8}) {
        std::vector<std::vector<float>> in;
        std::vector<const float*> ptrs;
        for (const auto& i : card.inputs) in.emplace_back(static_cast<std::size_t>(batch * i.elements()), 0.f);
        for (const auto& v : in) ptrs.push_back(v.data());
        std::vector<float> out(static_cast<std::size_t>(batch));
        engine->run(ptrs, out.data(), batch);
      }
    } catch (const std::exception& e) {
      code = 2;
      message = e.what();
    }
    if (!message.empty() && write(pipeFd[1], message.data(), message.size()) < 0) code = 3;
    close(pipeFd[1]);
    std::fflush(nullptr);
    _exit(code);
  }
  close(pipeFd[1]);
  std::string message;
  char buf[512];
  for (ssize_t n; (n = read(pipeFd[0], buf, sizeof buf)) > 0;) message.append(buf, static_cast<std::size_t>(n));
  close(pipeFd[0]);
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return "cannot check the model";
  if (WIFSIGNALED(status))
    return cat(model, ": the inference engine crashed on it (", strsignal(WTERMSIG(status)), "); a runtime bug, left out");
  if (WEXITSTATUS(status) != 0) return message.empty() ? model + ": could not be checked" : message;
  return {};
}

// A tagger takes part when its model and card load and run; otherwise the reason is shown, never a made-up score.
Availability findTaggers() {
  Availability a;
  const auto dirs = modules::defaultModelDirs("");
  for (const TaggerEntry& t : kTaggers) {
    const std::string why = probeModel(t.model, dirs);
    if (why.empty()) a.present.push_back(&t);
    else a.missing.push_back(std::string(t.type) + ": " + why);
  }
  return a;
}

std::string demoConfig(const Availability& a) {
  std::string text = kBase;
  std::string path = R"("source", "simulation", "photons", "vertices", "jets", "fat_jets", "photon_crops", "jet_crops", "fatjet_crops", "jet_graphs")";
  for (const TaggerEntry* t : a.present) {
    text += std::string("\n[modules.") + t->name + "]\ntype = \"" + t->type + "\"\n" + t->results;
    path += std::string(", \"") + t->name + "\"";
  }
  return "[run]\ndescription = \"e2e demo: mixed sample through every tagger with a shipped model\"\npath = [" + path + "]\n" + text;
}

void printResults(const fw::RunReport& report) {
  std::printf("\nfigures of merit as the cards' test sets define them: signal from the tagger's signal sample, background from\n"
              "its background sample, leading objects only (truth from reco matching)\n");
  std::printf("%-12s %-18s %8s %9s  %s\n", "tagger", "type", "scored", "evaluated", "result");
  for (const auto& m : report.modules) {
    if (!m.batching) continue;
    auto get = [&](const char* key) {
      for (const auto& r : m.results)
        if (r.name == key) return r.value;
      return std::nan("");
    };
    std::printf("%-12s %-18s %8.0f %9.0f  ", m.name.c_str(), m.type.c_str(), get("scored"), get("evaluated"));
    if (m.type == "MassRegressor") {
      std::printf("A mass, %.0f with truth: bias %.3f GeV, resolution %.3f GeV (card: %.3f, %.3f)\n", get("with_truth"), get("bias"),
                  get("resolution"), get("card_bias"), get("card_resolution"));
      continue;
    }
    const double auc = get("auc");
    if (std::isnan(auc)) std::printf("AUC n/a (%.0f signal, %.0f background)", get("signal"), get("background"));
    else std::printf("AUC %.3f (%.0f signal, %.0f background)", auc, get("signal"), get("background"));
    const double card = get("card_auc");
    if (!std::isnan(card)) std::printf(", card %.3f", card);
    std::printf("\n");
  }
}

void runDemo(const GlobalOptions& global, const CLI::App& top, std::uint64_t events) {
  std::printf("e2e demo: generate -> simulate -> reconstruct -> crops and graphs -> taggers\n");
  const Availability a = findTaggers();
  if (a.present.empty()) std::printf("\nno tagger model is available yet, so no AUC can be shown; every other stage runs.\n");
  for (const auto& line : a.missing) std::printf("not available: %s\n", line.c_str());
  const fw::RunConfig config = fw::RunConfig::parse(demoConfig(a), "embedded demo configuration");
  modules::JobOptions jo;
  jo.events = events;
  if (top.get_option("--threads")->count()) jo.threads = global.threads;
  if (top.get_option("--seed")->count()) jo.seed = global.seed;
  jo.progress = !global.quiet;
  jo.commandLine = global.commandLine;
  std::printf("\n%llu events, mixed processes (photon, electron, agg, dijet-quark, dijet-gluon, ttbar-boosted, qcd-boosted, htautau, qcd-tau)\n",
              static_cast<unsigned long long>(events));
  const fw::RunReport report = modules::runJob(config, jo);
  if (report.interrupted) fail("interrupted after ", report.events, " of ", report.requestedEvents, " events");
  if (!a.present.empty()) printResults(report);
  std::printf("\n%s", report.table().c_str());
}

}  // namespace

void registerDemo(CLI::App& app, GlobalOptions& global) {
  static std::uint64_t events = 1800;
  auto* sub = app.add_subcommand("demo", "Run the main job on embedded defaults: mixed sample, every tagger, AUCs and timing");
  sub->add_option("--events", events, "Events in the mixed sample")->check(CLI::PositiveNumber);
  sub->callback([&global, &app] { runDemo(global, app, events); });
}

}  // namespace e2e::cli
