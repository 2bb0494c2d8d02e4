#include "TensorFile.hpp"

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

namespace e2e::conformance {
namespace {

using TP = onnx::TensorProto;

template <class Src, class Dst>
void copyField(const Src& field, std::vector<std::byte>& bytes) {
  bytes.resize(static_cast<std::size_t>(field.size()) * sizeof(Dst));
  auto* d = reinterpret_cast<Dst*>(bytes.data());
  for (int i = 0; i < field.size(); ++i) d[i] = static_cast<Dst>(field.Get(i));
}

double readAsDouble(const HostTensor& t, std::size_t i) {
  const std::byte* p = t.bytes.data() + i * elementSize(t.onnxType);
  switch (t.onnxType) {
    case TP::FLOAT: { float v; std::memcpy(&v, p, 4); return v; }
    case TP::DOUBLE: { double v; std::memcpy(&v, p, 8); return v; }
    default: return 0;
  }
}

}  // namespace

std::size_t elementSize(int t) {
  switch (t) {
    case TP::FLOAT: case TP::INT32: case TP::UINT32: return 4;
    case TP::DOUBLE: case TP::INT64: case TP::UINT64: return 8;
    case TP::INT16: case TP::UINT16: case TP::FLOAT16: case TP::BFLOAT16: return 2;
    case TP::INT8: case TP::UINT8: case TP::BOOL: return 1;
    default: return 0;
  }
}

bool readTensorFile(const std::string& path, onnx::TensorProto& proto, std::string& why) {
  std::ifstream in(path, std::ios::binary);
  if (!in || !proto.ParseFromIstream(&in)) {
    why = "not a TensorProto (sequence or optional test data)";
    return false;
  }
  return true;
}

bool toHost(const onnx::TensorProto& p, HostTensor& out, std::string& why) {
  out.name = p.name();
  out.onnxType = p.data_type();
  out.dims.assign(p.dims().begin(), p.dims().end());
  const std::size_t elem = elementSize(p.data_type());
  if (elem == 0) {
    why = "element type " + std::to_string(p.data_type()) + " has no dense form here";
    return false;
  }
  if (p.data_location() == TP::EXTERNAL) {
    why = "external data";
    return false;
  }
  std::size_t n = 1;
  for (auto d : out.dims) n *= static_cast<std::size_t>(d);
  if (p.has_raw_data()) {
    out.bytes.resize(p.raw_data().size());
    std::memcpy(out.bytes.data(), p.raw_data().data(), out.bytes.size());
  } else {
    switch (p.data_type()) {
      case TP::FLOAT: copyField<decltype(p.float_data()), float>(p.float_data(), out.bytes); break;
      case TP::DOUBLE: copyField<decltype(p.double_data()), double>(p.double_data(), out.bytes); break;
      case TP::INT64: copyField<decltype(p.int64_data()), std::int64_t>(p.int64_data(), out.bytes); break;
      case TP::UINT64: copyField<decltype(p.uint64_data()), std::uint64_t>(p.uint64_data(), out.bytes); break;
      case TP::UINT32: copyField<decltype(p.uint64_data()), std::uint32_t>(p.uint64_data(), out.bytes); break;
      case TP::INT32: copyField<decltype(p.int32_data()), std::int32_t>(p.int32_data(), out.bytes); break;
      case TP::INT16: case TP::UINT16: case TP::FLOAT16: case TP::BFLOAT16:
        copyField<decltype(p.int32_data()), std::uint16_t>(p.int32_data(), out.bytes);
        break;
      default: copyField<decltype(p.int32_data()), std::uint8_t>(p.int32_data(), out.bytes); break;
    }
  }
  if (out.bytes.size() != n * elem) {
    why = "tensor '" + p.name() + "' holds " + std::to_string(out.bytes.size()) + " bytes, expected " + std::to_string(n * elem);
    return false;
  }
  return true;
}

std::string compareTensors(const HostTensor& want, const HostTensor& got, const Tolerance& tol) {
  if (want.onnxType != got.onnxType)
    return "element type " + std::to_string(got.onnxType) + ", expected " + std::to_string(want.onnxType);
  if (want.dims != got.dims) {
    std::ostringstream os;
    os << "shape [";
    for (auto d : got.dims) os << d << ' ';
    os << "], expected [";
    for (auto d : want.dims) os << d << ' ';
    os << ']';
    return os.str();
  }
  const std::size_t elem = elementSize(want.onnxType), n = want.bytes.size() / (elem ? elem : 1);
  const bool isFloat = want.onnxType == TP::FLOAT || want.onnxType == TP::DOUBLE;
  std::size_t bad = 0, first = 0;
  double firstWant = 0, firstGot = 0;
  for (std::size_t i = 0; i < n; ++i) {
    bool ok;
    if (isFloat) {
      const double w = readAsDouble(want, i), g = readAsDouble(got, i);
      ok = (std::isnan(w) && std::isnan(g)) || w == g || std::abs(g - w) <= tol.atol + tol.rtol * std::abs(w);
      if (!ok && bad == 0) {
        firstWant = w;
        firstGot = g;
      }
    } else {
      ok = std::memcmp(want.bytes.data() + i * elem, got.bytes.data() + i * elem, elem) == 0;
    }
    if (!ok && bad++ == 0) first = i;
  }
  if (bad == 0) return {};
  std::ostringstream os;
  os << bad << " of " << n << " elements differ; first at " << first;
  if (isFloat) os << ": got " << firstGot << ", expected " << firstWant;
  return os.str();
}

}  // namespace e2e::conformance
