#pragma once
// The `reduction` attribute shared by ScatterElements and ScatterND (none/add/mul from opset 16, max/min from 18),
// and the element types their kernels handle.
#include <string>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/ir/DType.hpp"

namespace e2e::runtime::cpu {

enum class ScatterReduction { None, Add, Mul, Max, Min };

inline ScatterReduction parseScatterReduction(const std::string& s, int opset) {
  if (s == "none") return ScatterReduction::None;
  if (opset >= 16 && s == "add") return ScatterReduction::Add;
  if (opset >= 16 && s == "mul") return ScatterReduction::Mul;
  if (opset >= 18 && s == "max") return ScatterReduction::Max;
  if (opset >= 18 && s == "min") return ScatterReduction::Min;
  fail("reduction '", s, "' is not supported in opset ", opset);
}

template <class T>
inline void scatterApply(ScatterReduction r, T& dst, T v) {
  switch (r) {
    case ScatterReduction::None: dst = v; break;
    case ScatterReduction::Add: dst = static_cast<T>(dst + v); break;
    case ScatterReduction::Mul: dst = static_cast<T>(dst * v); break;
    case ScatterReduction::Max: dst = dst < v ? v : dst; break;
    case ScatterReduction::Min: dst = v < dst ? v : dst; break;
  }
}

inline bool scatterTypeSupported(DType t, ScatterReduction r) {
  const bool numeric = t == DType::Float32 || t == DType::Float64 || t == DType::Int32 || t == DType::Int64 ||
                       t == DType::Int8 || t == DType::UInt8;
  return numeric || (r == ScatterReduction::None && t == DType::Bool);
}

}  // namespace e2e::runtime::cpu
