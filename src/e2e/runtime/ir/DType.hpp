#pragma once
// Element types the engine knows. Kernels say which of them they accept; anything else is a load-time error.
#include <cstddef>
#include <cstdint>
#include <string>

namespace e2e::runtime {

enum class DType : std::uint8_t { Undefined, Float32, Float16, BFloat16, Float64, Int8, UInt8, Int32, Int64, Bool };

std::size_t dtypeSize(DType t);
const char* dtypeName(DType t);
// ONNX TensorProto::DataType code -> DType (Undefined for types the engine cannot hold at all).
DType dtypeFromOnnx(int onnxType);
int dtypeToOnnx(DType t);

}  // namespace e2e::runtime
