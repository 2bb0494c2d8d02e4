// e2e infer --model M.onnx --in inputs.h5 --out outputs.h5: runs an ONNX model over every row of HDF5 datasets
// named after the model's inputs and writes one dataset per model output (same leading length). With
// --precision bf16|int8 the fp32 model also runs and the largest output deviation from it is reported.
#include <hdf5.h>

#include <cstdio>
#include <filesystem>
#include <vector>

#include "Commands.hpp"
#include "EngineData.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/core/Progress.hpp"
#include "e2e/io/ColumnIO.hpp"
#include "e2e/runtime/Deviation.hpp"
#include "e2e/runtime/Session.hpp"

namespace e2e::cli {
namespace {

struct InferArgs {
  std::string model, in, out;
  PrecisionArgs precision;
  std::int64_t batch = 64;
  bool force = false;
};

void writeOutput(hid_t file, const std::string& name, runtime::DType t, const std::vector<std::int64_t>& dims,
                 const std::vector<std::byte>& data, const std::string& path) {
  std::vector<hsize_t> d(dims.begin(), dims.end());
  io::H5Handle space(H5Screate_simple(static_cast<int>(d.size()), d.data(), nullptr), H5Sclose);
  io::H5Handle lcpl(H5Pcreate(H5P_LINK_CREATE), H5Pclose);
  H5Pset_create_intermediate_group(lcpl.get(), 1);
  io::H5Handle ds(H5Dcreate2(file, name.c_str(), h5Type(t), space.get(), lcpl.get(), H5P_DEFAULT, H5P_DEFAULT), H5Dclose);
  if (ds.get() < 0 || H5Dwrite(ds.get(), h5Type(t), H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()) < 0)
    fail(path, ": cannot write dataset '", name, "'");
}

struct Outputs {
  std::vector<std::vector<std::byte>> data;
  std::vector<std::vector<std::int64_t>> dims;
};

// Runs every row through the session in batches of `step` rows.
Outputs runRows(const runtime::Session& session, const std::vector<InputData>& inputs, std::int64_t rows,
                std::int64_t step, const char* label) {
  Outputs o;
  o.data.resize(session.outputs().size());
  o.dims.resize(session.outputs().size());
  Progress progress(label, static_cast<std::uint64_t>(rows));
  for (std::int64_t row = 0; row < rows; row += step) {
    const std::int64_t b = std::min(step, rows - row);
    std::vector<const void*> inPtr;
    for (const auto& in : inputs) inPtr.push_back(in.bytes.data() + static_cast<std::size_t>(row) * in.rowBytes());
    std::vector<void*> outPtr;
    for (std::size_t k = 0; k < o.data.size(); ++k) {
      if (o.dims[k].empty()) {
        o.dims[k] = session.outputDims(k, b);
        if (!o.dims[k].empty()) o.dims[k][0] = rows;
        std::int64_t total = 1;
        for (auto x : o.dims[k]) total *= x;
        o.data[k].resize(static_cast<std::size_t>(total) * runtime::dtypeSize(session.outputs()[k].dtype));
      }
      const std::size_t rowBytes = o.data[k].size() / static_cast<std::size_t>(std::max<std::int64_t>(rows, 1));
      outPtr.push_back(o.data[k].data() + static_cast<std::size_t>(row) * rowBytes);
    }
    session.run(inPtr, outPtr, b);
    progress.add(static_cast<std::uint64_t>(b));
  }
  progress.finish();
  return o;
}

std::span<const float> floats(const std::vector<std::byte>& v) {
  return {reinterpret_cast<const float*>(v.data()), v.size() / sizeof(float)};
}

void infer(const InferArgs& a) {
  namespace fs = std::filesystem;
  if (fs::exists(a.out) && !a.force) fail(a.out, ": exists (use --force to overwrite)");
  runtime::SessionOptions so;
  applyPrecisionArgs(a.precision, so);
  PrecisionSessions sessions = loadFp32(a.model, so);
  const std::vector<InputData> inputs = readInputs(a.in, sessions.fp32);
  loadLowPrecision(sessions, a.model, so, a.precision.calibration, &inputs);  // int8 calibrates on `inputs` by default
  const runtime::Session& session = sessions.session();
  const std::int64_t rows = inputs.empty() ? 1 : inputs[0].rows();
  const std::int64_t step = session.dynamicBatch() ? std::min(a.batch, std::max<std::int64_t>(rows, 1)) : session.staticBatch();
  if (rows % step != 0 && !session.dynamicBatch())
    fail(a.in, ": ", rows, " rows are not a multiple of the model's fixed batch ", step);
  const Outputs out = runRows(session, inputs, rows, step, "infer");
  if (sessions.low) {
    const Outputs ref = runRows(sessions.fp32, inputs, rows, step, "infer fp32 reference");
    runtime::OutputDeviation d;
    for (std::size_t k = 0; k < out.data.size(); ++k)
      if (session.outputs()[k].dtype == runtime::DType::Float32)
        d = runtime::worst(d, runtime::compareOutputs(floats(out.data[k]), floats(ref.data[k])));
    std::fprintf(stderr, "e2e infer: %s\n", session.precisionSummary().c_str());
    if (!sessions.calibration.empty())
      std::fprintf(stderr, "e2e infer: int8 calibrated on %s\n", sessions.calibration.c_str());
    std::fprintf(stderr, "e2e infer: %s vs fp32: max abs deviation %.3g, max rel deviation %.3g\n",
                 a.precision.precision.c_str(), d.maxAbs, d.maxRel);
  }
  // Written under a temporary name and renamed: a failed run never leaves a complete-looking file.
  const std::string tmp = a.out + ".tmp.h5";
  {
    io::H5Handle file(H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
    if (file.get() < 0) fail(a.out, ": cannot create");
    for (std::size_t o = 0; o < out.data.size(); ++o)
      writeOutput(file.get(), session.outputs()[o].name, session.outputs()[o].dtype, out.dims[o], out.data[o], a.out);
  }
  fs::rename(tmp, a.out);
  std::fprintf(stderr, "e2e infer: %lld rows -> %s\n", static_cast<long long>(rows), a.out.c_str());
}

}  // namespace

void registerInfer(CLI::App& app, GlobalOptions&) {
  static InferArgs a;
  auto* sub = app.add_subcommand("infer", "Run an ONNX model on HDF5 datasets named after its inputs");
  sub->add_option("--model", a.model, "ONNX model file")->required();
  sub->add_option("--in", a.in, "HDF5 file with one dataset per model input")->required();
  sub->add_option("--out", a.out, "HDF5 file to write, one dataset per model output")->required();
  sub->add_option("--batch", a.batch, "Rows per engine run (dynamic-batch models)")->check(CLI::PositiveNumber);
  addPrecisionOptions(*sub, a.precision, "the first 1024 rows of --in");
  sub->add_flag("--force", a.force, "Overwrite --out if it exists");
  sub->callback([] { infer(a); });
}

}  // namespace e2e::cli
