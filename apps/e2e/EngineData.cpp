#include "EngineData.hpp"

#include "e2e/core/Error.hpp"
#include "e2e/core/Timer.hpp"
#include "e2e/io/ColumnIO.hpp"
#include "e2e/runtime/EngineBenchmark.hpp"

namespace e2e::cli {

hid_t h5Type(runtime::DType t) {
  switch (t) {
    case runtime::DType::Float32: return H5T_NATIVE_FLOAT;
    case runtime::DType::Float64: return H5T_NATIVE_DOUBLE;
    case runtime::DType::Int64: return H5T_NATIVE_INT64;
    case runtime::DType::Int32: return H5T_NATIVE_INT32;
    case runtime::DType::Int8: return H5T_NATIVE_INT8;
    case runtime::DType::UInt8: case runtime::DType::Bool: return H5T_NATIVE_UINT8;
    default: fail("tensors of type ", runtime::dtypeName(t), " cannot be read from or written to HDF5 here");
  }
}

void addPrecisionOptions(CLI::App& sub, PrecisionArgs& a, const std::string& calibrationDefault) {
  sub.add_option("--precision", a.precision,
                 "fp32 (default), bf16 or int8: precision of Conv and of Gemm/MatMul with constant weights (the rest "
                 "stays fp32); bf16 and int8 also run the fp32 model and report the largest output deviation from it")
      ->check(CLI::IsMember({"fp32", "bf16", "int8"}));
  sub.add_option("--calibration", a.calibration,
                 "int8: HDF5 file with one dataset per model input (named after it) whose first 1024 rows calibrate "
                 "the activation ranges (default: " + calibrationDefault + ")");
  sub.add_option("--calibration-range", a.range,
                 "int8: mse (default: the range minimising squared rounding + clipping error) or max (largest |x|)")
      ->check(CLI::IsMember({"mse", "max"}));
  sub.add_flag("--int8-inputs", a.quantiseInputs,
               "int8: also quantise the ops that read model inputs directly (by default they run in bf16, or fp32 "
               "without native bf16: raw detector data is too sparse and heavy-tailed for 8 bits)");
}

void applyPrecisionArgs(const PrecisionArgs& a, runtime::SessionOptions& options) {
  options.precision = runtime::parsePrecision(a.precision);
  options.int8.range = a.range == "max" ? runtime::CalibrationRange::MaxAbs : runtime::CalibrationRange::MinSquaredError;
  options.int8.quantiseModelInputs = a.quantiseInputs;
  if (options.precision != runtime::Precision::Int8 && (a.quantiseInputs || a.range != "mse" || !a.calibration.empty()))
    throw UsageError("--calibration, --calibration-range and --int8-inputs need --precision int8");
}

namespace {

InputData readInput(hid_t file, const runtime::TensorInfo& info, const std::string& path, std::int64_t maxRows) {
  if (H5Lexists(file, info.name.c_str(), H5P_DEFAULT) <= 0)
    fail(path, ": no dataset named '", info.name, "' (the model's input)");
  io::H5Handle ds(H5Dopen2(file, info.name.c_str(), H5P_DEFAULT), H5Dclose);
  io::H5Handle space(H5Dget_space(ds.get()), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  std::vector<hsize_t> d(static_cast<std::size_t>(std::max(rank, 0)));
  H5Sget_simple_extent_dims(space.get(), d.data(), nullptr);
  InputData r;
  r.dims.assign(d.begin(), d.end());
  if (r.dims.size() != info.dims.size())
    fail(path, ": dataset '", info.name, "' has rank ", r.dims.size(), ", the model expects ", info.dims.size());
  for (std::size_t i = 1; i < r.dims.size(); ++i)
    if (info.dims[i] >= 0 && r.dims[i] != info.dims[i])
      fail(path, ": dataset '", info.name, "' has dimension ", i, " = ", r.dims[i], ", the model expects ", info.dims[i]);
  hid_t fileSpace = H5S_ALL, memSpace = H5S_ALL;
  io::H5Handle mem;
  if (maxRows >= 0 && !r.dims.empty() && r.dims[0] > maxRows) {  // the leading rows only
    r.dims[0] = maxRows;
    d[0] = static_cast<hsize_t>(maxRows);
    std::vector<hsize_t> start(d.size(), 0);
    H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, start.data(), nullptr, d.data(), nullptr);
    mem = io::H5Handle(H5Screate_simple(rank, d.data(), nullptr), H5Sclose);
    fileSpace = space.get();
    memSpace = mem.get();
  }
  std::int64_t n = 1;
  for (auto x : r.dims) n *= x;
  r.bytes.resize(static_cast<std::size_t>(n) * runtime::dtypeSize(info.dtype));
  if (n > 0 && H5Dread(ds.get(), h5Type(info.dtype), memSpace, fileSpace, H5P_DEFAULT, r.bytes.data()) < 0)
    fail(path, ": cannot read dataset '", info.name, "' as ", runtime::dtypeName(info.dtype));
  return r;
}

// Calibration batches over the first rows of `data` (pointers into it): 64 rows each, or the model's fixed batch.
std::vector<runtime::CalibrationBatch> batchesOf(const std::vector<InputData>& data, const runtime::Session& s,
                                                 const std::string& what) {
  const std::int64_t rows = std::min(data.empty() ? 0 : data[0].rows(), kCalibrationRows);
  const std::int64_t step = s.dynamicBatch() ? 64 : s.staticBatch();
  const std::int64_t need = s.dynamicBatch() ? 1 : step;  // a fixed-batch model runs whole batches only
  if (rows < need) fail(what, ": ", rows, " rows are too few to calibrate (the model's batch is ", step, ")");
  std::vector<runtime::CalibrationBatch> batches;
  for (std::int64_t r = 0; r + need <= rows; r += step) {
    runtime::CalibrationBatch b;
    b.batch = std::min(step, rows - r);
    for (const auto& d : data) b.inputs.push_back(d.bytes.data() + static_cast<std::size_t>(r) * d.rowBytes());
    batches.push_back(std::move(b));
  }
  return batches;
}

}  // namespace

std::vector<InputData> readInputs(const std::string& path, const runtime::Session& session, std::int64_t maxRows) {
  io::H5Handle in(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (in.get() < 0) fail(path, ": cannot open as HDF5");
  std::vector<InputData> inputs;
  for (const auto& info : session.inputs()) inputs.push_back(readInput(in.get(), info, path, maxRows));
  for (std::size_t i = 1; i < inputs.size(); ++i)
    if (inputs[i].rows() != inputs[0].rows())
      fail(path, ": dataset '", session.inputs()[i].name, "' has ", inputs[i].rows(), " rows, '",
           session.inputs()[0].name, "' has ", inputs[0].rows());
  return inputs;
}

PrecisionSessions loadFp32(const std::string& model, const runtime::SessionOptions& options) {
  runtime::SessionOptions fp32Options = options;
  fp32Options.precision = runtime::Precision::Fp32;
  fp32Options.calibration = {};
  Timer load;
  PrecisionSessions s{runtime::Session::load(model, fp32Options), std::nullopt, "", 0};
  s.loadMs = load.seconds() * 1e3;
  return s;
}

void loadLowPrecision(PrecisionSessions& s, const std::string& model, const runtime::SessionOptions& options,
                      const std::string& calibrationFile, const std::vector<InputData>* fallback) {
  if (options.precision == runtime::Precision::Fp32) return;
  runtime::SessionOptions lowOptions = options;
  std::vector<InputData> fileRows;
  std::vector<runtime::AlignedBuffer> randomRows;
  std::vector<runtime::CalibrationBatch> batches;
  if (options.precision == runtime::Precision::Int8) {
    if (!calibrationFile.empty()) {
      fileRows = readInputs(calibrationFile, s.fp32, kCalibrationRows);
      batches = batchesOf(fileRows, s.fp32, calibrationFile);
      s.calibration = cat(calibrationFile, " (", std::min(fileRows[0].rows(), kCalibrationRows), " rows)");
    } else if (fallback) {
      batches = batchesOf(*fallback, s.fp32, "the input file");
      s.calibration = cat("the first ", std::min((*fallback)[0].rows(), kCalibrationRows), " input rows");
    } else {
      const std::int64_t batch = s.fp32.dynamicBatch() ? 64 : s.fp32.staticBatch();
      const int count = static_cast<int>(std::max<std::int64_t>(1, 256 / batch));
      for (int k = 0; k < count; ++k) {
        auto buffers = runtime::syntheticInputs(s.fp32, batch, 1 + static_cast<std::uint64_t>(k));
        batches.push_back({runtime::pointers(buffers), batch});
        for (auto& b : buffers) randomRows.push_back(std::move(b));
      }
      s.calibration = cat(count * batch, " deterministic random rows, uniform in [-1, 1) (no --calibration file)");
    }
    lowOptions.calibration = batches;
  }
  Timer lowLoad;
  s.low.emplace(runtime::Session::load(model, lowOptions));
  s.loadMs = lowLoad.seconds() * 1e3;
}

}  // namespace e2e::cli
