#include "e2e/runtime/EngineBenchmark.hpp"

#include <oneapi/dnnl/dnnl.h>
#include <omp.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "e2e/core/Error.hpp"
#include "e2e/core/Random.hpp"
#include "e2e/core/Timer.hpp"
#include "e2e/runtime/ir/Tensor.hpp"

namespace e2e::runtime {

double measurePeakGflops(int threads, std::int64_t size) {
  const int prev = omp_get_max_threads();
  omp_set_num_threads(threads);
  AlignedBuffer a(static_cast<std::size_t>(size * size) * sizeof(float)), b(a.size()), c(a.size());
  auto* pa = reinterpret_cast<float*>(a.data());
  auto* pb = reinterpret_cast<float*>(b.data());
  auto* pc = reinterpret_cast<float*>(c.data());
  for (std::int64_t i = 0; i < size * size; ++i) {
    pa[i] = static_cast<float>(i % 7) * 0.25f;
    pb[i] = static_cast<float>(i % 5) * 0.5f;
    pc[i] = 0.f;
  }
  double best = 1e30;
  // Best of many short calls: on a shared machine some of them run undisturbed.
  for (int rep = 0; rep < 60; ++rep) {
    Timer t;
    dnnl_sgemm('N', 'N', size, size, size, 1.f, pa, size, pb, size, 0.f, pc, size);
    best = std::min(best, t.seconds());
  }
  omp_set_num_threads(prev);
  return 2.0 * static_cast<double>(size) * static_cast<double>(size) * static_cast<double>(size) / best / 1e9;
}

std::vector<AlignedBuffer> syntheticInputs(const Session& session, std::int64_t batch, std::uint64_t seed) {
  std::vector<AlignedBuffer> inputs;
  Rng rng(seed);
  for (std::size_t i = 0; i < session.inputs().size(); ++i) {
    const auto dims = session.inputDims(i, batch);
    const DType t = session.inputs()[i].dtype;
    inputs.emplace_back(static_cast<std::size_t>(numel(dims)) * dtypeSize(t));
    std::memset(inputs.back().data(), 0, inputs.back().size());
    if (t == DType::Float32) {
      auto* p = reinterpret_cast<float*>(inputs.back().data());
      for (std::int64_t k = 0; k < numel(dims); ++k) p[k] = static_cast<float>(rng.uniform(-1, 1));
    }
  }
  return inputs;
}

std::vector<const void*> pointers(const std::vector<AlignedBuffer>& buffers) {
  std::vector<const void*> p;
  for (const auto& b : buffers) p.push_back(b.data());
  return p;
}

EngineBenchResult benchmarkSession(const Session& session, const EngineBenchOptions& o) {
  EngineBenchResult r;
  r.batch = session.dynamicBatch() ? o.batch : session.staticBatch();
  r.threads = o.threads;
  r.precision = session.precision();
  const std::vector<AlignedBuffer> inputs = syntheticInputs(session, r.batch, kBenchSeed);
  const std::vector<const void*> in = pointers(inputs);
  std::vector<AlignedBuffer> outputs;
  std::vector<void*> out;
  for (std::size_t i = 0; i < session.outputs().size(); ++i) {
    outputs.emplace_back(static_cast<std::size_t>(session.outputElements(i, r.batch)) * dtypeSize(session.outputs()[i].dtype));
    out.push_back(outputs.back().data());
  }
  RunOptions ro;
  ro.threads = o.threads;
  Timer first;
  session.run(in, out, r.batch, ro);
  r.firstRunMs = first.seconds() * 1e3;
  for (int i = 0; i < o.warmup; ++i) session.run(in, out, r.batch, ro);
  std::vector<double> times;
  Timer total;
  const int maxIters = o.iters > 0 ? o.iters : 1000000;
  for (int i = 0; i < maxIters; ++i) {
    Timer t;
    session.run(in, out, r.batch, ro);
    times.push_back(t.seconds());
    if (o.iters == 0 && i >= 9 && total.seconds() > 2.0) break;
  }
  const double elapsed = total.seconds();
  r.iters = static_cast<int>(times.size());
  std::sort(times.begin(), times.end());
  r.minMs = times.front() * 1e3;
  r.medianMs = times[times.size() / 2] * 1e3;
  r.p90Ms = times[std::min(times.size() - 1, times.size() * 9 / 10)] * 1e3;
  r.meanMs = elapsed / r.iters * 1e3;
  r.samplesPerSecond = static_cast<double>(r.batch) * r.iters / elapsed;
  r.samplesPerSecondMedian = static_cast<double>(r.batch) / (r.medianMs * 1e-3);
  r.flopsPerRun = session.flops(r.batch);
  r.chunkRows = session.chunkRows();
  r.gflops = r.flopsPerRun * r.iters / elapsed / 1e9;
  if (o.measurePeak) r.peakGflops = measurePeakGflops(o.threads);
  return r;
}

std::string formatEngineBench(const std::string& model, double loadMs, const EngineBenchResult& r, bool json) {
  char buf[1024];
  const double pct = r.peakGflops > 0 ? 100.0 * r.gflops / r.peakGflops : 0.0;
  const char* precision = precisionName(r.precision);
  std::string text;
  if (json) {
    // Keys follow EngineBenchResult's field names (bench/engine/compare.py reads them).
    std::snprintf(buf, sizeof buf,
                  "{\"model\": \"%s\", \"precision\": \"%s\", \"batch\": %lld, \"threads\": %d, \"iters\": %d, "
                  "\"loadMs\": %.2f, \"firstRunMs\": %.2f, \"minMs\": %.4f, \"medianMs\": %.4f, \"p90Ms\": %.4f, "
                  "\"meanMs\": %.4f, \"samplesPerSecond\": %.2f, \"samplesPerSecondMedian\": %.2f, "
                  "\"chunkRows\": %lld, \"flopsPerRun\": %.0f, \"gflops\": %.2f, \"peakGflops\": %.2f, \"pctOfPeak\": %.1f",
                  model.c_str(), precision, static_cast<long long>(r.batch), r.threads, r.iters, loadMs, r.firstRunMs, r.minMs,
                  r.medianMs, r.p90Ms, r.meanMs, r.samplesPerSecond, r.samplesPerSecondMedian,
                  static_cast<long long>(r.chunkRows), r.flopsPerRun, r.gflops,
                  r.peakGflops, pct);
    text = buf;
    if (r.hasDeviation) {
      std::snprintf(buf, sizeof buf, ", \"maxAbsDeviation\": %.6g, \"maxRelDeviation\": %.6g", r.maxAbsDeviation,
                    r.maxRelDeviation);
      text += buf;
    }
    if (!r.calibration.empty()) text += ", \"calibration\": \"" + r.calibration + "\"";
    if (!r.precisionSummary.empty()) text += ", \"precisionSummary\": \"" + r.precisionSummary + "\"";
    return text + "}\n";
  }
  std::snprintf(buf, sizeof buf,
                "model        %s (%s)\n"
                "batch        %lld, threads %d, %d timed runs, chunks of %lld rows\n"
                "load         %.1f ms, first run %.1f ms\n"
                "latency      min %.3f ms, median %.3f ms, p90 %.3f ms\n"
                "throughput   %.1f samples/s (%.1f at the median latency)\n"
                "compute      %.2f MFLOP/sample, %.1f GFLOP/s = %.1f%% of measured peak (sgemm %.1f GFLOP/s)\n",
                model.c_str(), precision, static_cast<long long>(r.batch), r.threads, r.iters, static_cast<long long>(r.chunkRows),
                loadMs, r.firstRunMs, r.minMs, r.medianMs, r.p90Ms, r.samplesPerSecond, r.samplesPerSecondMedian, r.flopsPerRun / std::max<std::int64_t>(r.batch, 1) / 1e6,
                r.gflops, pct, r.peakGflops);
  text = buf;
  if (!r.precisionSummary.empty()) text += "ops          " + r.precisionSummary + "\n";
  if (!r.calibration.empty()) text += "calibration  " + r.calibration + "\n";
  if (r.hasDeviation) {
    std::snprintf(buf, sizeof buf, "vs fp32      max abs deviation %.3g, max rel deviation %.3g (same inputs)\n",
                  r.maxAbsDeviation, r.maxRelDeviation);
    text += buf;
  }
  return text;
}

}  // namespace e2e::runtime
