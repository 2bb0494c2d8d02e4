// e2e bench: the umbrella for benchmarks; `engine` times one ONNX model on the inference engine. Other areas add
// their own `bench <target>` siblings through their register functions (listed after this one in main.cpp).
#include <cstdio>

#include "Commands.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/core/Timer.hpp"
#include "e2e/runtime/EngineBenchmark.hpp"
#include "e2e/runtime/Session.hpp"

namespace e2e::cli {

namespace {
struct EngineBenchArgs {
  std::string model;
  std::int64_t batch = 1;
  int threads = 1;
  int iters = 0;
  std::string precision = "fp32";
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
  sub->add_option("--precision", a.precision, "fp32 (bf16 and int8 are not implemented yet)");
  sub->add_flag("--json", a.json, "Machine-readable output (one JSON object)");
  sub->add_flag("--dump", a.dump, "Print the optimised graph and the execution plan first");
  sub->callback([] {
    if (a.precision != "fp32") {
      if (a.precision == "bf16" || a.precision == "int8") fail("--precision ", a.precision, " is not implemented yet");
      throw UsageError(cat("--precision must be fp32, bf16 or int8 (got '", a.precision, "')"));
    }
    runtime::SessionOptions so;
    so.threads = a.threads;
    so.warmupBatch = a.batch;
    Timer load;
    auto session = runtime::Session::load(a.model, so);
    const double loadMs = load.seconds() * 1e3;
    if (a.dump) {
      std::fputs(session.dumpGraph().c_str(), stdout);
      std::fputs(session.dumpPlan(session.dynamicBatch() ? a.batch : 0, a.threads).c_str(), stdout);
    }
    runtime::EngineBenchOptions bo;
    bo.batch = a.batch;
    bo.threads = a.threads;
    bo.iters = a.iters;
    auto r = runtime::benchmarkSession(session, bo);
    std::fputs(runtime::formatEngineBench(a.model, loadMs, r, a.json).c_str(), stdout);
  });
}

void registerBench(CLI::App& app, GlobalOptions& global) {
  auto* bench = app.add_subcommand("bench", "Benchmarks (prints a table; --json for machines)");
  bench->require_subcommand(1);
  addBenchEngine(*bench, global);
}

}  // namespace e2e::cli
