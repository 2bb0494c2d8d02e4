#pragma once
// The engine's public API: load an ONNX model once, run it many times from any number of threads.
//
//   auto s = e2e::runtime::Session::load("resnet15.onnx");
//   std::vector<float> out(s.outputElements(0, batch));
//   s.run({in.data()}, {out.data()}, batch);
//
// run() is thread-safe: concurrent calls each take a workspace (arena) from a pool. Plans are built once per
// (batch, threads) pair; after the first call with a pair, run() makes no heap allocation of its own and touches
// no fresh memory pages. Results are deterministic for a given (batch, threads).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "e2e/runtime/ir/DType.hpp"

namespace e2e::runtime {

// Numeric precision of the heavy ops (Conv, and Gemm/MatMul with constant weights); everything else, the
// accumulation and all outputs stay fp32. See README "Precision modes".
//   Bf16: bf16 inputs and weights (oneDNN bf16 kernels; needs avx512_bf16 or AMX).
//   Int8: post-training static quantisation calibrated on sample inputs (SessionOptions::calibration): per-tensor
//         activation scales, per-output-channel weight scales; u8 inputs after ReLU-like producers, s8 otherwise.
enum class Precision { Fp32, Bf16, Int8 };
const char* precisionName(Precision p);
// "fp32", "bf16" or "int8"; anything else throws e2e::Error.
Precision parsePrecision(const std::string& name);

// How int8 calibration turns each activation's measured magnitudes into its quantisation range.
enum class CalibrationRange {
  MinSquaredError,  // the clipping point that minimises the summed squared rounding + clipping error (default)
  MaxAbs,           // the largest |x| seen: nothing clipped, coarser steps for heavy-tailed activations
};

struct Int8Options {
  CalibrationRange range = CalibrationRange::MinSquaredError;
  // Ops that read model inputs directly (no Conv/Gemm/MatMul before them) see raw detector data: sparse,
  // heavy-tailed, channels of different scales, which 8 bits resolve poorly. They run in bf16 (fp32 on CPUs
  // without native bf16) unless this is set.
  bool quantiseModelInputs = false;
};

// One batch of sample inputs for int8 calibration, in run()'s format: a dense buffer per model input.
struct CalibrationBatch {
  std::vector<const void*> inputs;
  std::int64_t batch = 1;
};

struct SessionOptions {
  int threads = 0;                 // default threads per run(); 0: all cores
  bool optimize = true;            // graph passes (folding, fusion); off only for debugging
  Precision precision = Precision::Fp32;
  // Int8 only (required there): representative inputs the fp32 model runs on at load to measure the largest
  // magnitude of every quantised op's input. Read during load() only.
  std::span<const CalibrationBatch> calibration;
  Int8Options int8;
  std::int64_t warmupBatch = 1;    // plan (and pre-reorder weights) for this batch at load; 0: none
  // Run large batches of row-independent models (CNNs) as cache-sized chunks, one chunk per thread.
  bool splitBatch = true;
};

struct RunOptions {
  int threads = 0;  // at most this many threads (0: the session's default); tiny runs use fewer
};

struct TensorInfo {
  std::string name;
  DType dtype = DType::Float32;
  std::vector<std::int64_t> dims;  // -1: the batch dimension (or a batch-dependent one, for outputs)
};

class Session {
public:
  static Session load(const std::string& path, const SessionOptions& options = {});
  static Session loadFromBytes(std::span<const std::byte> bytes, const SessionOptions& options = {},
                               const std::string& name = "<bytes>");
  Session(Session&&) noexcept;
  Session& operator=(Session&&) noexcept;
  ~Session();

  const std::vector<TensorInfo>& inputs() const;
  const std::vector<TensorInfo>& outputs() const;
  // Whether the leading input dimension is free; otherwise every run uses staticBatch().
  bool dynamicBatch() const;
  std::int64_t staticBatch() const;
  int defaultThreads() const;
  Precision precision() const;
  // How the Conv/Gemm/MatMul ops compute, e.g.
  // "int8: 16 Conv/Gemm/MatMul with constant weights: 15 int8 (12 u8, 3 s8 inputs) 1 bf16".
  std::string precisionSummary() const;

  std::vector<std::int64_t> inputDims(std::size_t i, std::int64_t batch) const;
  std::vector<std::int64_t> outputDims(std::size_t i, std::int64_t batch) const;
  std::int64_t outputElements(std::size_t i, std::int64_t batch) const;

  // Inputs and outputs are dense row-major buffers in the order of inputs()/outputs(), of the dims given by
  // inputDims/outputDims for this batch. Mistakes (wrong count, batch for a static model) throw e2e::Error.
  void run(std::span<const void* const> inputs, std::span<void* const> outputs, std::int64_t batch,
           const RunOptions& options = {}) const;

  // Convolution and matrix-multiply FLOPs of one run at this batch.
  double flops(std::int64_t batch) const;
  std::string dumpGraph() const;
  std::string dumpPlan(std::int64_t batch, int threads = 0) const;
  // Rows per chunk when run() splits a batch (0: the model is not row-separable or splitting is off).
  std::int64_t chunkRows() const;

private:
  struct Impl;
  explicit Session(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace e2e::runtime
