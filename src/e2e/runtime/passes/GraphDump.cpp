#include <sstream>

#include "e2e/runtime/passes/Passes.hpp"

namespace e2e::runtime {
namespace {

std::string shapeText(const Value& v) {
  if (!v.hasShape) return "[?]";
  std::string s = "[";
  for (std::size_t i = 0; i < v.dims.size(); ++i) {
    if (i) s += ',';
    std::int64_t scale = i < v.batchScale.size() ? v.batchScale[i] : 0;
    if (v.dims[i] != kDynamicDim) s += std::to_string(v.dims[i]);
    else if (scale == 1) s += "N";
    else if (scale > 1) s.append("N*").append(std::to_string(scale));
    else s += "?";
  }
  return s + "]";
}

}  // namespace

std::string dumpGraph(const Graph& g) {
  std::ostringstream os;
  os << "graph '" << g.name << "' opset " << g.opset << ", " << g.nodes.size() << " nodes\n";
  for (int in : g.inputs) os << "  input  " << g.values[in].name << shapeText(g.values[in]) << ' ' << dtypeName(g.values[in].dtype) << '\n';
  for (const auto& n : g.nodes) {
    os << "  " << n.name << ": " << n.label() << '(';
    for (std::size_t i = 0; i < n.inputs.size(); ++i) {
      os << (i ? ", " : "");
      if (n.inputs[i] < 0) {
        os << '-';
        continue;
      }
      const Value& v = g.values[n.inputs[i]];
      os << (v.isConstant() ? "const " : "") << v.name << shapeText(v);
    }
    os << ") -> ";
    for (std::size_t o = 0; o < n.outputs.size(); ++o) {
      if (n.outputs[o] < 0) continue;
      os << (o ? ", " : "") << g.values[n.outputs[o]].name << shapeText(g.values[n.outputs[o]]);
    }
    std::string attrs = n.attrs.toString();
    if (!attrs.empty()) os << "  {" << attrs << '}';
    os << '\n';
  }
  for (int out : g.outputs) os << "  output " << g.values[out].name << shapeText(g.values[out]) << '\n';
  return os.str();
}

}  // namespace e2e::runtime
