// e2e bench: the umbrella for benchmarks; `engine` times one ONNX model on the inference engine. Other areas add
// their own `bench <target>` siblings through their register functions (listed after this one in main.cpp).
#include <cstdio>

#include "Commands.hpp"
#include "EngineData.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/runtime/Deviation.hpp"
#include "e2e/runtime/EngineBenchmark.hpp"
#include "e2e/runtime/Session.hpp"

namespace e2e::cli {

namespace {
struct EngineBenchArgs {
  std::string model;
  std::int64_t batch = 1;
  int threads = 1;
  int iters = 0;
  PrecisionArgs precision;
  bool json = false, dump = false;
};
}  // namespace

void addBenchEngine(CLI::App& bench, GlobalOptions&) {
  static EngineBenchArgs a;
  auto* sub = bench.add_subcommand("engine", "Time an ONNX model on the inference engine (samples/s, latency, GFLOP/s)");
  sub->add_option("--model", a.model, "ONNX model file")->required();
  sub->add_option("--batch", a.batch, "Batch size (ignored for fixed-batch models)")->check(CLI::PositiveNumber);
  sub->add_option("--threads", a.threads, "Threads per run")->check(CLI::PositiveNumber);
  sub->add_option("--iters", a.iters, "Timed runs (default: as many as fit in ~2 s)")->check(CLI::NonNegativeNumber);
  addPrecisionOptions(*sub, a.precision, "256 deterministic random rows, uniform in [-1, 1)");
  sub->add_flag("--json", a.json, "Machine-readable output (one JSON object)");
  sub->add_flag("--dump", a.dump, "Print the optimised graph and the execution plan first");
  sub->callback([] {
    runtime::SessionOptions so;
    so.threads = a.threads;
    so.warmupBatch = a.batch;
    applyPrecisionArgs(a.precision, so);
    PrecisionSessions sessions = loadFp32(a.model, so);
    loadLowPrecision(sessions, a.model, so, a.precision.calibration, nullptr);
    const runtime::Session& session = sessions.session();
    if (a.dump) {
      std::fputs(session.dumpGraph().c_str(), stdout);
      std::fputs(session.dumpPlan(session.dynamicBatch() ? a.batch : 0, a.threads).c_str(), stdout);
    }
    runtime::EngineBenchOptions bo;
    bo.batch = a.batch;
    bo.threads = a.threads;
    bo.iters = a.iters;
    auto r = runtime::benchmarkSession(session, bo);
    if (sessions.low) {
      // The benchmark's own inputs, through both sessions.
      const auto inputs = runtime::syntheticInputs(session, r.batch, runtime::kBenchSeed);
      const auto d = runtime::compareSessions(session, sessions.fp32, runtime::pointers(inputs), r.batch);
      r.hasDeviation = true;
      r.maxAbsDeviation = d.maxAbs;
      r.maxRelDeviation = d.maxRel;
      r.calibration = sessions.calibration;
      r.precisionSummary = session.precisionSummary();
    }
    std::fputs(runtime::formatEngineBench(a.model, sessions.loadMs, r, a.json).c_str(), stdout);
  });
}

CLI::App& benchCommand(CLI::App& app) {
  try {
    return *app.get_subcommand("bench");
  } catch (const CLI::OptionNotFound&) {
    CLI::App* bench = app.add_subcommand("bench", "Benchmarks (prints a table; --json for machines)");
    bench->require_subcommand(1);
    return *bench;
  }
}

void registerBench(CLI::App& app, GlobalOptions& global) { addBenchEngine(benchCommand(app), global); }

}  // namespace e2e::cli
