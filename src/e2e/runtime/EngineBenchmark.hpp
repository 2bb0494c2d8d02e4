#pragma once
// Timing of a Session on synthetic inputs, and the machine's measured fp32 peak (a large oneDNN sgemm timed in
// the same process), for `e2e bench engine` and bench/ programs.
#include <cstdint>
#include <string>
#include <vector>

#include "e2e/runtime/Session.hpp"
#include "e2e/runtime/ir/Tensor.hpp"

namespace e2e::runtime {

struct EngineBenchOptions {
  std::int64_t batch = 1;
  int threads = 1;
  int iters = 0;          // timed runs; 0: as many as fit in ~2 s (at least 10)
  int warmup = 3;
  bool measurePeak = true;
};

struct EngineBenchResult {
  std::int64_t batch = 0;
  int threads = 0;
  int iters = 0;
  double firstRunMs = 0;              // the run that builds the plan for this (batch, threads)
  double minMs = 0, medianMs = 0, p90Ms = 0, meanMs = 0;
  double samplesPerSecond = 0;        // batch / mean latency
  double samplesPerSecondMedian = 0;  // batch / median latency: robust when other processes share the cores
  std::int64_t chunkRows = 0;         // rows per chunk when the batch is split (0: not split)
  double flopsPerRun = 0;             // conv + matmul FLOPs
  double gflops = 0;                  // achieved, over the timed runs
  double peakGflops = 0;              // measured sgemm GFLOP/s at this thread count (0 if not measured)
  Precision precision = Precision::Fp32;
  // Low precision: deviation of the outputs from the fp32 session on the benchmark's inputs, and what int8
  // was calibrated on.
  bool hasDeviation = false;
  double maxAbsDeviation = 0, maxRelDeviation = 0;
  std::string calibration;
  std::string precisionSummary;  // which ops run in which precision
};

// The benchmark's inputs for `batch` rows, deterministic per seed: uniform floats in [-1, 1), zero integers
// (valid indices for gathers). benchmarkSession uses kBenchSeed.
inline constexpr std::uint64_t kBenchSeed = 2024;
std::vector<AlignedBuffer> syntheticInputs(const Session& session, std::int64_t batch, std::uint64_t seed);
std::vector<const void*> pointers(const std::vector<AlignedBuffer>& buffers);

EngineBenchResult benchmarkSession(const Session& session, const EngineBenchOptions& options);
// Best of a few timed sgemm calls (M = N = K = `size`) on `threads` threads.
double measurePeakGflops(int threads, std::int64_t size = 768);

std::string formatEngineBench(const std::string& model, double loadMs, const EngineBenchResult& r, bool json);

}  // namespace e2e::runtime
