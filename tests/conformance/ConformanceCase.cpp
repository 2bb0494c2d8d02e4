#include "ConformanceCase.hpp"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

#include "TensorFile.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/runtime/Session.hpp"
#include "e2e/runtime/kernels/KernelRegistry.hpp"
#include "e2e/runtime/onnx/OnnxImporter.hpp"

namespace e2e::conformance {
namespace fs = std::filesystem;
namespace {

struct DataSet {
  std::vector<onnx::TensorProto> inputs, outputs;
};

CaseResult result(Outcome o, std::string detail = {}) { return {o, std::move(detail), false}; }

std::vector<fs::path> sortedMatching(const fs::path& dir, const std::string& prefix) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind(prefix, 0) == 0) out.push_back(e.path());
  // input_10 after input_9: order by the number after the prefix.
  std::sort(out.begin(), out.end(), [&](const fs::path& a, const fs::path& b) {
    auto num = [&](const fs::path& p) { return std::atoi(p.filename().string().c_str() + prefix.size()); };
    return num(a) < num(b);
  });
  return out;
}

bool readDataSets(const fs::path& dir, std::vector<DataSet>& sets, std::string& why) {
  for (const auto& d : sortedMatching(dir, "test_data_set_")) {
    DataSet ds;
    for (const auto& f : sortedMatching(d, "input_"))
      if (!readTensorFile(f, ds.inputs.emplace_back(), why)) return false;
    for (const auto& f : sortedMatching(d, "output_"))
      if (!readTensorFile(f, ds.outputs.emplace_back(), why)) return false;
    sets.push_back(std::move(ds));
  }
  if (sets.empty()) why = "no test_data_set_* folder";
  return !sets.empty();
}

runtime::Session load(const std::string& bytes, const CaseOptions& options) {
  runtime::SessionOptions so;
  so.threads = options.threads;
  return runtime::Session::loadFromBytes(std::as_bytes(std::span<const char>(bytes.data(), bytes.size())), so, "model.onnx");
}

// Moves graph inputs into initialisers holding this data set's values. Exported models carry such values
// (reshape targets, K, slice bounds, weights, clip bounds) as constants; the node tests feed them as inputs.
// Level 1: integer and scalar inputs; 2: every input but the first; 3: all of them (the whole node is then
// evaluated by constant folding, with the same kernel).
std::string bakeInputs(onnx::ModelProto model, const DataSet& ds, int level, std::vector<bool>& kept) {
  auto* g = model.mutable_graph();
  google::protobuf::RepeatedPtrField<onnx::ValueInfoProto> remaining;
  kept.assign(static_cast<std::size_t>(g->input_size()), true);
  for (int i = 0; i < g->input_size(); ++i) {
    const auto& t = ds.inputs[static_cast<std::size_t>(i)];
    std::int64_t n = 1;
    for (auto d : t.dims()) n *= d;
    const bool integer = t.data_type() == onnx::TensorProto::INT64 || t.data_type() == onnx::TensorProto::INT32;
    if (level >= 3 || (level == 2 && i > 0) || integer || n <= 1) {
      onnx::TensorProto* init = g->add_initializer();
      *init = t;
      init->set_name(g->input(i).name());
      kept[static_cast<std::size_t>(i)] = false;
    } else {
      *remaining.Add() = g->input(i);
    }
  }
  g->mutable_input()->Swap(&remaining);
  return model.SerializeAsString();
}

std::string runDataSet(const runtime::Session& s, const DataSet& ds, const std::vector<bool>& kept) {
  std::vector<HostTensor> in;
  std::string why;
  for (std::size_t i = 0; i < ds.inputs.size(); ++i) {
    if (!kept[i]) continue;
    if (!toHost(ds.inputs[i], in.emplace_back(), why)) return "input " + std::to_string(i) + ": " + why;
  }
  if (in.size() != s.inputs().size())
    return "the data set has " + std::to_string(in.size()) + " inputs, the session " + std::to_string(s.inputs().size());
  std::int64_t batch = s.dynamicBatch() ? 0 : s.staticBatch();
  for (std::size_t i = 0; i < in.size() && batch == 0; ++i)
    if (!s.inputs()[i].dims.empty() && s.inputs()[i].dims[0] < 0) batch = in[i].dims.at(0);
  for (std::size_t i = 0; i < in.size(); ++i)
    if (s.inputDims(i, batch) != in[i].dims) return "input " + std::to_string(i) + " shape differs from the model's";
  std::vector<HostTensor> out(s.outputs().size());
  std::vector<const void*> inPtr;
  std::vector<void*> outPtr;
  for (const auto& t : in) inPtr.push_back(t.bytes.data());
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].onnxType = runtime::dtypeToOnnx(s.outputs()[i].dtype);
    out[i].dims = s.outputDims(i, batch);
    std::size_t n = 1;
    for (auto d : out[i].dims) n *= static_cast<std::size_t>(d);
    out[i].bytes.assign(n * elementSize(out[i].onnxType), std::byte{0x7f});
    outPtr.push_back(out[i].bytes.data());
  }
  s.run(inPtr, outPtr, batch);
  if (ds.outputs.size() != out.size()) return "the data set expects " + std::to_string(ds.outputs.size()) + " outputs";
  for (std::size_t i = 0; i < out.size(); ++i) {
    HostTensor want;
    if (!toHost(ds.outputs[i], want, why)) return "output " + std::to_string(i) + ": " + why;
    std::string diff = compareTensors(want, out[i], Tolerance{});
    if (!diff.empty()) return "output " + std::to_string(i) + " ('" + s.outputs()[i].name + "'): " + diff;
  }
  return {};
}

// The engine's refusals that ask for a value to be known at load ("must be computable from constants",
// "weights must be constant", "needs a constant C").
bool needsBaking(const std::string& message) {
  return message.find("must be computable") != std::string::npos || message.find("constant") != std::string::npos;
}

}  // namespace

CaseResult runCase(const fs::path& dir, const CaseOptions& options) {
  std::ifstream f(dir / "model.onnx", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  onnx::ModelProto model;
  if (!model.ParseFromString(bytes)) return result(Outcome::UnsupportedModel, "model.onnx does not parse");
  int opset = -1;
  for (const auto& imp : model.opset_import())
    if (imp.domain().empty() || imp.domain() == "ai.onnx") opset = static_cast<int>(imp.version());
  if (opset < runtime::kMinOpset || opset > runtime::kMaxOpset)
    return result(Outcome::UnsupportedModel, "opset " + std::to_string(opset));
  for (const auto& list : {model.graph().input(), model.graph().output()})
    for (const auto& vi : list)
      if (!vi.type().has_tensor_type()) return result(Outcome::UnsupportedModel, "non-tensor input or output");
  for (const auto& n : model.graph().node()) {
    if (n.op_type() == "Constant") continue;
    if (!n.domain().empty() && n.domain() != "ai.onnx") return result(Outcome::UnsupportedOp, n.domain() + "." + n.op_type());
    if (!runtime::findKernel(runtime::Backend::Cpu, n.op_type(), opset)) return result(Outcome::UnsupportedOp, n.op_type());
  }
  std::vector<DataSet> sets;
  std::string why;
  if (!readDataSets(dir, sets, why)) return result(Outcome::UnsupportedModel, why);
  for (const auto& ds : sets)
    if (ds.inputs.size() != static_cast<std::size_t>(model.graph().input_size()))
      return result(Outcome::UnsupportedModel, "data set inputs do not match the graph inputs");

  // Load errors are refusals (the engine says what it does not support); errors while running are failures.
  std::vector<std::vector<bool>> kept(sets.size(), std::vector<bool>(static_cast<std::size_t>(model.graph().input_size()), true));
  std::vector<runtime::Session> sessions;
  bool baked = false;
  std::string refusal;
  try {
    sessions.push_back(load(bytes, options));
  } catch (const Error& e) {
    refusal = e.what();
  } catch (const std::exception& e) {
    return result(Outcome::Failed, std::string("internal error at load: ") + e.what());
  }
  if (!refusal.empty()) {
    if (!needsBaking(refusal)) return result(Outcome::UnsupportedAttribute, refusal);
    // Plan-time inputs, in growing sets (see bakeInputs). One session per data set: the baked values differ.
    baked = true;
    for (std::size_t k = 0; k < sets.size(); ++k) {
      bool loaded = false;
      for (int level = 1; level <= 3 && !loaded; ++level) {
        try {
          sessions.push_back(load(bakeInputs(model, sets[k], level, kept[k]), options));
          loaded = true;
        } catch (const Error& e) {
          refusal = e.what();
          if (!needsBaking(refusal)) break;
        } catch (const std::exception& e) {
          return {Outcome::Failed, std::string("internal error at load: ") + e.what(), true};
        }
      }
      if (!loaded) return {Outcome::UnsupportedAttribute, refusal, true};
    }
  }
  for (std::size_t k = 0; k < sets.size(); ++k) {
    std::string diff;
    try {
      diff = runDataSet(sessions[baked ? k : 0], sets[k], kept[k]);
    } catch (const std::exception& e) {
      diff = std::string("error while running: ") + e.what();
    }
    if (!diff.empty()) return {Outcome::Failed, "data set " + std::to_string(k) + ": " + diff, baked};
  }
  return {Outcome::Passed, {}, baked};
}

}  // namespace e2e::conformance
