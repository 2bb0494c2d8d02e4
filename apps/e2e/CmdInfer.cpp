// e2e infer --model M.onnx --in inputs.h5 --out outputs.h5: runs an ONNX model over every row of HDF5 datasets
// named after the model's inputs and writes one dataset per model output (same leading length).
#include <hdf5.h>

#include <cstdio>
#include <filesystem>
#include <vector>

#include "Commands.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/core/Progress.hpp"
#include "e2e/io/ColumnIO.hpp"
#include "e2e/runtime/Session.hpp"

namespace e2e::cli {
namespace {

struct InferArgs {
  std::string model, in, out;
  std::int64_t batch = 64;
  bool force = false;
};

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

// One input dataset, read whole (models take dense rows; the file's type is converted by HDF5).
struct InputData {
  std::vector<std::byte> bytes;
  std::vector<std::int64_t> dims;
};

InputData readInput(hid_t file, const runtime::TensorInfo& info, const std::string& path) {
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
  std::int64_t n = 1;
  for (auto x : r.dims) n *= x;
  r.bytes.resize(static_cast<std::size_t>(n) * runtime::dtypeSize(info.dtype));
  if (n > 0 && H5Dread(ds.get(), h5Type(info.dtype), H5S_ALL, H5S_ALL, H5P_DEFAULT, r.bytes.data()) < 0)
    fail(path, ": cannot read dataset '", info.name, "' as ", runtime::dtypeName(info.dtype));
  return r;
}

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

void infer(const InferArgs& a) {
  namespace fs = std::filesystem;
  if (fs::exists(a.out) && !a.force) fail(a.out, ": exists (use --force to overwrite)");
  auto session = runtime::Session::load(a.model);
  io::H5Handle in(H5Fopen(a.in.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (in.get() < 0) fail(a.in, ": cannot open as HDF5");
  std::vector<InputData> inputs;
  for (const auto& info : session.inputs()) inputs.push_back(readInput(in.get(), info, a.in));
  const std::int64_t rows = inputs.empty() || inputs[0].dims.empty() ? 1 : inputs[0].dims[0];
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (!inputs[i].dims.empty() && inputs[i].dims[0] != rows)
      fail(a.in, ": dataset '", session.inputs()[i].name, "' has ", inputs[i].dims[0], " rows, '", session.inputs()[0].name,
           "' has ", rows);
  const std::int64_t step = session.dynamicBatch() ? std::min(a.batch, std::max<std::int64_t>(rows, 1)) : session.staticBatch();
  if (rows % step != 0 && !session.dynamicBatch())
    fail(a.in, ": ", rows, " rows are not a multiple of the model's fixed batch ", step);

  std::vector<std::vector<std::byte>> outputs(session.outputs().size());
  std::vector<std::vector<std::int64_t>> outDims(session.outputs().size());
  Progress progress("infer", static_cast<std::uint64_t>(rows));
  for (std::int64_t row = 0; row < rows; row += step) {
    const std::int64_t b = std::min(step, rows - row);
    std::vector<const void*> inPtr;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const std::size_t rowBytes = inputs[i].bytes.size() / static_cast<std::size_t>(std::max<std::int64_t>(rows, 1));
      inPtr.push_back(inputs[i].bytes.data() + static_cast<std::size_t>(row) * rowBytes);
    }
    std::vector<void*> outPtr;
    for (std::size_t o = 0; o < outputs.size(); ++o) {
      auto dims = session.outputDims(o, b);
      if (outDims[o].empty()) {
        outDims[o] = dims;
        if (!outDims[o].empty()) outDims[o][0] = rows;
        std::int64_t total = 1;
        for (auto x : outDims[o]) total *= x;
        outputs[o].resize(static_cast<std::size_t>(total) * runtime::dtypeSize(session.outputs()[o].dtype));
      }
      const std::size_t rowBytes = outputs[o].size() / static_cast<std::size_t>(std::max<std::int64_t>(rows, 1));
      outPtr.push_back(outputs[o].data() + static_cast<std::size_t>(row) * rowBytes);
    }
    session.run(inPtr, outPtr, b);
    progress.add(static_cast<std::uint64_t>(b));
  }
  progress.finish();
  // Written under a temporary name and renamed: a failed run never leaves a complete-looking file.
  const std::string tmp = a.out + ".tmp.h5";
  {
    io::H5Handle out(H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
    if (out.get() < 0) fail(a.out, ": cannot create");
    for (std::size_t o = 0; o < outputs.size(); ++o)
      writeOutput(out.get(), session.outputs()[o].name, session.outputs()[o].dtype, outDims[o], outputs[o], a.out);
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
  sub->add_flag("--force", a.force, "Overwrite --out if it exists");
  sub->callback([] { infer(a); });
}

}  // namespace e2e::cli
