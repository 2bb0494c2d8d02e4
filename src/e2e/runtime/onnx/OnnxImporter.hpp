#pragma once
// ONNX protobuf -> Graph. Checks what can be checked without kernels: opset range, domains, tensor encodings.
#include <cstddef>
#include <span>
#include <string>

#include "e2e/runtime/ir/Graph.hpp"

namespace e2e::runtime {

inline constexpr int kMinOpset = 11;
inline constexpr int kMaxOpset = 18;

// `what` names the model in error messages (a path, or "<bytes>").
Graph importOnnx(std::span<const std::byte> bytes, const std::string& what);
Graph importOnnxFile(const std::string& path);

}  // namespace e2e::runtime
