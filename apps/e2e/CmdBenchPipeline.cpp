// e2e bench pipeline: each tagger's inference pipeline at 1 and 2 threads against the engine alone (see
// e2e/modules/PipelineBenchmark.hpp). Lives under `e2e bench`, created here when no other file made it.
#include <cstdio>

#include "Commands.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/modules/PipelineBenchmark.hpp"

namespace e2e::cli {

void addBenchPipeline(CLI::App& bench, GlobalOptions&) {
  static modules::PipelineBenchOptions o;
  static bool json = false;
  auto* sub = bench.add_subcommand("pipeline", "Each tagger's pipeline (file -> reco -> crops -> tagger -> file): events/s, objects/s, "
                                               "time shares, ratio to the engine alone");
  sub->add_option("--taggers", o.taggers, "Taggers to run (egamma, mass, qg, top, tau, tau_gnn; default: all with a model)")->delimiter(',');
  sub->add_option("--threads", o.threads, "Thread counts to run, e.g. 1,2")->delimiter(',');
  sub->add_option("--scale", o.eventsScale, "Multiplies each tagger's event count (default 1)")->check(CLI::PositiveNumber);
  sub->add_option("--work", o.workDir, "Directory for the simulated inputs (kept and reused)");
  sub->add_option("--engine-seconds", o.engineSeconds, "Timed seconds of the engine alone per case")->check(CLI::PositiveNumber);
  sub->add_flag("--json", json, "Machine-readable output");
  sub->callback([] {
    for (int t : o.threads)
      if (t < 1) throw UsageError("--threads: thread counts must be >= 1");
    std::fputs(modules::formatPipelineBenchmark(modules::runPipelineBenchmark(o), json).c_str(), stdout);
  });
}

void registerBenchPipeline(CLI::App& app, GlobalOptions& global) { addBenchPipeline(benchCommand(app), global); }

}  // namespace e2e::cli
