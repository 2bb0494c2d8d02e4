// e2e bench frames: crop throughput on one core (see e2e/frames/CropBenchmark.hpp). Lives under `e2e bench`; the
// bench command itself belongs to CmdBench.cpp when it exists, otherwise this file creates it.
#include <cstdio>

#include "Commands.hpp"
#include "e2e/frames/CropBenchmark.hpp"

namespace e2e::cli {

void addBenchFrames(CLI::App& bench, GlobalOptions&) {
  auto* sub = bench.add_subcommand("frames", "Photon and jet crops per second on one core (sparse and full-frame paths)");
  static frames::CropBenchOptions o;
  static bool json = false;
  sub->add_option("--events", o.events, "Distinct synthetic events per case");
  sub->add_option("--seconds", o.minSeconds, "Timed seconds per case and repetition");
  sub->add_option("--repeats", o.repeats, "Repetitions (the median is reported)");
  sub->add_flag("--quick", o.quick, "Tiny run (seconds): for tests");
  sub->add_flag("--json", json, "Machine-readable output");
  sub->add_option("--only", o.only, "Run only the cases whose name contains this (photon, jet, sparse, graph, ...)");
  sub->callback([] { std::fputs(frames::formatCropBenchmark(frames::runCropBenchmark(o), json).c_str(), stdout); });
}

void registerBenchFrames(CLI::App& app, GlobalOptions& global) { addBenchFrames(benchCommand(app), global); }

}  // namespace e2e::cli
