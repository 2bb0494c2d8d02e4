// e2e run CONFIG [--events N] [--threads T] [--report report.json]: the pipeline a configuration describes, with
// the per-module timing table and throughput at the end.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "Commands.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/core/Log.hpp"
#include "e2e/framework/RunConfig.hpp"
#include "e2e/modules/Job.hpp"
#include "e2e/modules/StandardModules.hpp"

namespace e2e::cli {
namespace {

struct RunOptions {
  std::string config, report;
  std::uint64_t events = 0;
  bool force = false, dump = false, listModules = false;
};

// The command stored in outputs, without the options that cannot change them (threads, verbosity, report, --force):
// runs that differ only in those write byte-identical files.
std::string provenanceCommand(const std::string& commandLine) {
  std::string out, token;
  bool skipNext = false;
  auto flush = [&] {
    if (token.empty()) return;
    const bool withValue = token == "--threads" || token == "--report";
    const bool alone = token == "-q" || token == "--quiet" || token == "--force" || token.rfind("--threads=", 0) == 0 ||
                       token.rfind("--report=", 0) == 0;
    if (skipNext) skipNext = false;
    else if (withValue) skipNext = true;
    else if (!alone) out += (out.empty() ? "" : " ") + token;
    token.clear();
  };
  for (char c : commandLine) {
    if (c == ' ') flush();
    else token += c;
  }
  flush();
  return out;
}

void writeReport(const fw::RunReport& report, const std::string& path) {
  std::ofstream out(path);
  if (!out || !(out << report.json())) fail(path, ": cannot write the report");
  out.close();
  const std::string png = std::filesystem::path(path).replace_extension(".png").string();
  const std::string why = fw::writeReportChart(path, png);
  if (why.empty()) std::printf("report: %s and %s (chart drawn with matplotlib)\n", path.c_str(), png.c_str());
  else std::printf("report: %s (no chart: %s)\n", path.c_str(), why.c_str());
}

void run(const RunOptions& o, const GlobalOptions& global, const CLI::App& top, const CLI::App& sub) {
  if (o.listModules) {
    std::printf("%s", modules::standardRegistry().document().c_str());
    return;
  }
  if (o.config.empty()) throw UsageError("run: a configuration file is required (e.g. configs/egamma.toml)");
  const fw::RunConfig config = fw::RunConfig::load(o.config);
  modules::JobOptions jo;
  if (sub.count("--events")) {
    if (o.events == 0) throw UsageError("--events must be at least 1");
    jo.events = o.events;
  }
  if (top.get_option("--threads")->count()) jo.threads = global.threads;
  if (top.get_option("--seed")->count()) jo.seed = global.seed;
  jo.force = o.force;
  jo.progress = !global.quiet;
  jo.commandLine = provenanceCommand(global.commandLine);
  if (o.dump) {
    std::printf("%s", modules::describeJob(config, jo).c_str());
    return;
  }
  if (!o.report.empty() && std::filesystem::path(o.report).extension() != ".json")
    throw UsageError("--report " + o.report + ": the report is JSON; name it *.json (the chart goes beside it as *.png)");
  const fw::RunReport report = modules::runJob(config, jo);
  std::printf("%s\n%s", o.config.c_str(), report.table().c_str());
  if (!o.report.empty()) writeReport(report, o.report);
  if (report.interrupted)
    fail("interrupted after ", report.events, " of ", report.requestedEvents,
         " events: outputs were discarded (no file was left looking complete)");
}

}  // namespace

void registerRun(CLI::App& app, GlobalOptions& global) {
  static RunOptions opt;
  auto* sub = app.add_subcommand("run", "Run the pipeline a configuration describes (configs/*.toml) and print its timing");
  sub->add_option("config", opt.config, "Run configuration (TOML)");
  sub->add_option("--events", opt.events, "Events to process (default: [run] events, else the whole input)");
  sub->add_option("--report", opt.report, "Write the timing report as JSON here, and a PNG bar chart beside it");
  sub->add_flag("--force", opt.force, "Let outputs replace existing files");
  sub->add_flag("--dump", opt.dump, "Print the effective configuration and the wiring, do not run");
  sub->add_flag("--list-modules", opt.listModules, "Print every module type with its documented options");
  sub->callback([&global, &app, sub] { run(opt, global, app, *sub); });
}

}  // namespace e2e::cli
