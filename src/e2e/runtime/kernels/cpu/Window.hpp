#pragma once
// Sliding-window geometry shared by Conv and the pools: ONNX attributes -> per-axis kernel, stride, dilation and
// explicit padding (auto_pad resolved for the actual input size).
#include <cstdint>
#include <string>
#include <vector>

#include "e2e/runtime/ir/Attributes.hpp"

namespace e2e::runtime::cpu {

struct Window {
  std::vector<std::int64_t> kernel, strides, dilations, padBegin, padEnd;
  std::string autoPad = "NOTSET";
  bool ceilMode = false;

  // Reads kernel_shape (unless given), strides, dilations, pads, auto_pad (and ceil_mode for pools).
  static Window parse(const Attributes& a, std::size_t spatial, const std::vector<std::int64_t>& kernel,
                      bool allowCeil, bool allowDilation);
  // Resolves auto_pad for this input and returns the output spatial sizes (explicit pads adjusted for ceil_mode
  // so that oneDNN, which has no ceil mode, computes the same windows).
  std::vector<std::int64_t> resolve(const std::vector<std::int64_t>& inSpatial);
};

}  // namespace e2e::runtime::cpu
