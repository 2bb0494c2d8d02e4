#pragma once
// Shared by `e2e infer` and `e2e bench engine`: model inputs from HDF5 (one dataset per model input, named after
// it), and loading a model in a precision mode next to its fp32 reference, int8 calibrated on a file's rows, on
// given rows, or on deterministic random inputs.
#include <CLI/CLI.hpp>
#include <hdf5.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "e2e/runtime/Session.hpp"

namespace e2e::cli {

hid_t h5Type(runtime::DType t);

// The precision options of `e2e infer` and `e2e bench engine`.
struct PrecisionArgs {
  std::string precision = "fp32";
  std::string calibration;  // int8: HDF5 file of sample inputs
  std::string range = "mse";
  bool quantiseInputs = false;
};
// `calibrationDefault`: what int8 calibrates on without --calibration (help text).
void addPrecisionOptions(CLI::App& sub, PrecisionArgs& a, const std::string& calibrationDefault);
// Sets precision and the int8 options.
void applyPrecisionArgs(const PrecisionArgs& a, runtime::SessionOptions& options);

// One input dataset, read whole (the file's element type is converted by HDF5).
struct InputData {
  std::vector<std::byte> bytes;
  std::vector<std::int64_t> dims;
  std::int64_t rows() const { return dims.empty() ? 1 : dims[0]; }
  std::size_t rowBytes() const { return bytes.size() / static_cast<std::size_t>(std::max<std::int64_t>(rows(), 1)); }
};

// Every model input from `path` (its first `maxRows` rows at most), checked against the model's shapes and for
// equal row counts.
std::vector<InputData> readInputs(const std::string& path, const runtime::Session& session,
                                  std::int64_t maxRows = -1);

// Rows used to calibrate int8 (at most).
inline constexpr std::int64_t kCalibrationRows = 1024;

// The model in the requested precision, and (for bf16/int8) the fp32 session deviations are measured against.
struct PrecisionSessions {
  runtime::Session fp32;
  std::optional<runtime::Session> low;
  std::string calibration;  // int8: what it was calibrated on, for the output
  double loadMs = 0;        // loading the session that runs (calibration included)
  const runtime::Session& session() const { return low ? *low : fp32; }
};

// Loads the fp32 session (options.precision and calibration are ignored here).
PrecisionSessions loadFp32(const std::string& model, const runtime::SessionOptions& options);
// Adds the session in options.precision (nothing for fp32; `calibrationFile` is for int8 only). Int8 calibrates on the first kCalibrationRows rows of
// `calibrationFile`; without one, on those of `fallback` when given, else on deterministic random inputs
// (uniform in [-1, 1), like the benchmark's).
void loadLowPrecision(PrecisionSessions& s, const std::string& model, const runtime::SessionOptions& options,
                      const std::string& calibrationFile, const std::vector<InputData>* fallback);

}  // namespace e2e::cli
