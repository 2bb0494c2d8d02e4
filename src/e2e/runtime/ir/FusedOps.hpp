#pragma once
// Engine-internal operators that the fusion passes create. They live in their own domain: the importer accepts
// only the default ONNX domain, so a model file can never contain them, and their kernel factories refuse any
// node outside this domain.
//
//   Gelu       (x) -> x * 0.5 * (1 + erf(x / sqrt(2)))                        (no attributes)
//   Attention  (Q [..., Sq, D], KT [..., D, Skv], V [..., Skv, Dv]) -> softmax(scale * Q KT, last axis) V
//              attribute `scale` (float); the leading dims of the three inputs are equal (no broadcasting)
#include <string>

#include "e2e/runtime/ir/Graph.hpp"

namespace e2e::runtime {

inline const std::string kFusedDomain = "e2e";

inline bool isFusedNode(const Node& n) { return n.domain == kFusedDomain; }

}  // namespace e2e::runtime
