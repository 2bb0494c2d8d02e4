#pragma once
// ONNX TensorProto <-> dense host tensors for the backend node tests (input_*.pb / output_*.pb), and the
// comparison rule of ONNX's backend test runner.
#include <onnx/onnx_pb.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace e2e::conformance {

struct HostTensor {
  std::string name;
  int onnxType = 0;  // TensorProto::DataType
  std::vector<std::int64_t> dims;
  std::vector<std::byte> bytes;  // dense row-major
};

// Reads one serialised TensorProto; false (with `why`) for files that are not a plain dense tensor
// (sequences, optionals, strings, external data).
bool readTensorFile(const std::string& path, onnx::TensorProto& proto, std::string& why);
bool toHost(const onnx::TensorProto& proto, HostTensor& out, std::string& why);
std::size_t elementSize(int onnxType);

struct Tolerance {
  double rtol = 1e-3, atol = 1e-7;  // ONNX backend test defaults
};

// Empty when equal within the tolerance (floats; NaN matches NaN) or exactly (integers, bool); otherwise a
// one-line description of the first mismatch and how many elements differ.
std::string compareTensors(const HostTensor& want, const HostTensor& got, const Tolerance& tol);

}  // namespace e2e::conformance
