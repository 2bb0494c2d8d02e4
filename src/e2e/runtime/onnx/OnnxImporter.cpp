#include "e2e/runtime/onnx/OnnxImporter.hpp"

#include <onnx/onnx_pb.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

#include "e2e/core/Error.hpp"

namespace e2e::runtime {
namespace {

Tensor tensorFromProto(const onnx::TensorProto& p, const std::string& what) {
  DType dt = dtypeFromOnnx(p.data_type());
  if (dt == DType::Undefined) fail(what, ": tensor '", p.name(), "' has unsupported data type code ", p.data_type());
  if (p.data_location() == onnx::TensorProto::EXTERNAL)
    fail(what, ": tensor '", p.name(), "' uses external data, which is not supported (save the model as one file)");
  Dims dims(p.dims().begin(), p.dims().end());
  for (auto d : dims)
    if (d < 0) fail(what, ": tensor '", p.name(), "' has a negative dimension");
  Tensor t(dt, dims);
  const std::size_t n = static_cast<std::size_t>(t.numel());
  if (p.has_raw_data()) {
    if (p.raw_data().size() != t.bytes())
      fail(what, ": tensor '", p.name(), "' holds ", p.raw_data().size(), " bytes, expected ", t.bytes());
    if (n) std::memcpy(t.raw(), p.raw_data().data(), t.bytes());
    return t;
  }
  auto check = [&](std::size_t have) {
    if (have != n) fail(what, ": tensor '", p.name(), "' holds ", have, " values, expected ", n);
  };
  switch (dt) {
    case DType::Float32:
      check(p.float_data_size());
      std::copy(p.float_data().begin(), p.float_data().end(), t.data<float>());
      break;
    case DType::Float64:
      check(p.double_data_size());
      std::copy(p.double_data().begin(), p.double_data().end(), t.data<double>());
      break;
    case DType::Int64:
      check(p.int64_data_size());
      std::copy(p.int64_data().begin(), p.int64_data().end(), t.data<std::int64_t>());
      break;
    case DType::Int32:
      check(p.int32_data_size());
      std::copy(p.int32_data().begin(), p.int32_data().end(), t.data<std::int32_t>());
      break;
    case DType::Int8: case DType::UInt8: case DType::Bool:
      check(p.int32_data_size());
      for (std::size_t i = 0; i < n; ++i) t.data<std::uint8_t>()[i] = static_cast<std::uint8_t>(p.int32_data(i));
      break;
    case DType::Float16: case DType::BFloat16:
      // 16-bit floats travel as their bit patterns in int32_data.
      check(p.int32_data_size());
      for (std::size_t i = 0; i < n; ++i) t.data<std::uint16_t>()[i] = static_cast<std::uint16_t>(p.int32_data(i));
      break;
    case DType::Undefined: break;
  }
  return t;
}

AttributeValue attributeFromProto(const onnx::AttributeProto& a, const std::string& where) {
  switch (a.type()) {
    case onnx::AttributeProto::INT: return static_cast<std::int64_t>(a.i());
    case onnx::AttributeProto::FLOAT: return a.f();
    case onnx::AttributeProto::STRING: return a.s();
    case onnx::AttributeProto::INTS: return std::vector<std::int64_t>(a.ints().begin(), a.ints().end());
    case onnx::AttributeProto::FLOATS: return std::vector<float>(a.floats().begin(), a.floats().end());
    case onnx::AttributeProto::STRINGS: return std::vector<std::string>(a.strings().begin(), a.strings().end());
    case onnx::AttributeProto::TENSOR: return tensorFromProto(a.t(), where);
    default: fail(where, ": unsupported attribute '", a.name(), "' (subgraphs and sparse tensors are not supported)");
  }
}

// Constant nodes become initialisers at import; every value_* form of opset 11-18 is accepted.
Tensor constantNodeValue(const onnx::NodeProto& n, const std::string& where) {
  if (n.attribute_size() != 1) fail(where, ": expects exactly one value attribute");
  const auto& a = n.attribute(0);
  const std::string& k = a.name();
  if (k == "value") return tensorFromProto(a.t(), where);
  if (k == "value_float") return Tensor::fromFloats({}, {a.f()});
  if (k == "value_floats") return Tensor::fromFloats({a.floats_size()}, {a.floats().begin(), a.floats().end()});
  if (k == "value_int") return Tensor::scalarInt64(a.i());
  if (k == "value_ints") return Tensor::fromInt64({a.ints().begin(), a.ints().end()});
  fail(where, ": unsupported attribute '", k, "'");
}

void declareInput(Graph& g, const onnx::ValueInfoProto& vi, const std::string& what) {
  const auto& tt = vi.type().tensor_type();
  DType dt = dtypeFromOnnx(tt.elem_type());
  if (!vi.type().has_tensor_type() || dt == DType::Undefined)
    fail(what, ": graph input '", vi.name(), "' is not a tensor of a supported type");
  int id = g.addValue(vi.name(), dt);
  Value& v = g.values[id];
  if (tt.has_shape()) {
    for (const auto& d : tt.shape().dim()) v.dims.push_back(d.has_dim_value() && d.dim_value() > 0 ? d.dim_value() : kDynamicDim);
    v.hasShape = true;
  }
  g.inputs.push_back(id);
}

}  // namespace

Graph importOnnx(std::span<const std::byte> bytes, const std::string& what) {
  onnx::ModelProto model;
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX) ||
      !model.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    fail(what, ": not a valid ONNX model (protobuf parse failed)");
  int opset = -1;
  for (const auto& imp : model.opset_import())
    if (imp.domain().empty() || imp.domain() == "ai.onnx") opset = static_cast<int>(imp.version());
  if (opset < 0) fail(what, ": the model imports no default-domain opset");
  if (opset < kMinOpset || opset > kMaxOpset)
    fail(what, ": opset ", opset, " is not supported (supported: ", kMinOpset, "-", kMaxOpset, ")");

  const auto& gp = model.graph();
  Graph g;
  g.name = gp.name().empty() ? "main" : gp.name();
  g.opset = opset;
  for (const auto& init : gp.initializer()) g.addConstant(init.name(), tensorFromProto(init, what));
  for (const auto& in : gp.input())
    if (g.findValue(in.name()) < 0) declareInput(g, in, what);  // older exporters list initialisers as inputs too

  auto valueOf = [&](const std::string& name, const std::string& where) {
    if (name.empty()) return -1;
    int id = g.findValue(name);
    if (id < 0) fail(where, ": input '", name, "' is not produced by any earlier node, initialiser or graph input");
    return id;
  };
  int index = 0;
  for (const auto& np : gp.node()) {
    std::string nodeName = np.name().empty() ? np.op_type() + "_" + std::to_string(index) : np.name();
    ++index;
    std::string where = cat("node '", nodeName, "' (", np.op_type(), ", opset ", opset, ")");
    if (!np.domain().empty() && np.domain() != "ai.onnx")
      fail(where, ": operator domain '", np.domain(), "' is not supported");
    if (np.op_type() == "Constant") {
      if (np.output_size() != 1) fail(where, ": expects one output");
      g.addConstant(np.output(0), constantNodeValue(np, where));
      continue;
    }
    Node n;
    n.name = std::move(nodeName);
    n.opType = np.op_type();
    n.opset = opset;
    for (const auto& in : np.input()) n.inputs.push_back(valueOf(in, where));
    for (const auto& a : np.attribute()) n.attrs.set(a.name(), attributeFromProto(a, where));
    for (const auto& out : np.output()) n.outputs.push_back(out.empty() ? -1 : g.addValue(out));
    g.nodes.push_back(std::move(n));
  }
  for (const auto& out : gp.output()) {
    int id = g.findValue(out.name());
    if (id < 0) fail(what, ": graph output '", out.name(), "' is never produced");
    g.outputs.push_back(id);
  }
  if (g.outputs.empty()) fail(what, ": the graph has no outputs");
  g.sortTopologically();
  return g;
}

Graph importOnnxFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, ": cannot open model file");
  std::vector<char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return importOnnx(std::as_bytes(std::span<const char>(data)), path);
}

}  // namespace e2e::runtime
