#pragma once
// Builds small ONNX models in memory for engine tests (header-only: test folders glob only their own .cpp).
#include <onnx/onnx_pb.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "e2e/runtime/Session.hpp"

namespace e2e::test {

class OnnxBuilder {
public:
  explicit OnnxBuilder(int opset = 13) {
    m_model.set_ir_version(8);
    auto* imp = m_model.add_opset_import();
    imp->set_domain("");
    imp->set_version(opset);
    m_model.mutable_graph()->set_name("test");
  }

  // dims: -1 becomes the symbolic batch dimension "N".
  OnnxBuilder& input(const std::string& name, const std::vector<std::int64_t>& dims, int elemType = 1) {
    auto* vi = m_model.mutable_graph()->add_input();
    vi->set_name(name);
    auto* tt = vi->mutable_type()->mutable_tensor_type();
    tt->set_elem_type(elemType);
    auto* shape = tt->mutable_shape();
    for (auto d : dims) {
      auto* dim = shape->add_dim();
      if (d < 0) dim->set_dim_param("N");
      else dim->set_dim_value(d);
    }
    return *this;
  }

  OnnxBuilder& output(const std::string& name, int elemType = 1) {
    auto* vi = m_model.mutable_graph()->add_output();
    vi->set_name(name);
    vi->mutable_type()->mutable_tensor_type()->set_elem_type(elemType);
    return *this;
  }

  OnnxBuilder& initializer(const std::string& name, const std::vector<std::int64_t>& dims, const std::vector<float>& v) {
    auto* t = m_model.mutable_graph()->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::FLOAT);
    for (auto d : dims) t->add_dims(d);
    t->set_raw_data(std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(float)));
    return *this;
  }

  OnnxBuilder& initializerInt64(const std::string& name, const std::vector<std::int64_t>& dims,
                                const std::vector<std::int64_t>& v) {
    auto* t = m_model.mutable_graph()->add_initializer();
    t->set_name(name);
    t->set_data_type(onnx::TensorProto::INT64);
    for (auto d : dims) t->add_dims(d);
    for (auto x : v) t->add_int64_data(x);
    return *this;
  }

  onnx::NodeProto& node(const std::string& op, const std::vector<std::string>& inputs,
                        const std::vector<std::string>& outputs, const std::string& name = "") {
    auto* n = m_model.mutable_graph()->add_node();
    n->set_op_type(op);
    n->set_name(name.empty() ? op + std::to_string(m_model.graph().node_size()) : name);
    for (const auto& i : inputs) n->add_input(i);
    for (const auto& o : outputs) n->add_output(o);
    return *n;
  }

  static void attr(onnx::NodeProto& n, const std::string& name, std::int64_t v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(v);
  }
  static void attrFloat(onnx::NodeProto& n, const std::string& name, float v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::FLOAT);
    a->set_f(v);
  }
  static void attrInts(onnx::NodeProto& n, const std::string& name, const std::vector<std::int64_t>& v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INTS);
    for (auto x : v) a->add_ints(x);
  }
  static void attrString(onnx::NodeProto& n, const std::string& name, const std::string& v) {
    auto* a = n.add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::STRING);
    a->set_s(v);
  }

  std::string bytes() const { return m_model.SerializeAsString(); }
  onnx::ModelProto& model() { return m_model; }

  runtime::Session session(const runtime::SessionOptions& options = {}) const {
    std::string b = bytes();
    return runtime::Session::loadFromBytes(std::as_bytes(std::span<const char>(b.data(), b.size())), options, "test-model");
  }

private:
  onnx::ModelProto m_model;
};

}  // namespace e2e::test
