#pragma once
// One ONNX backend node test (a folder with model.onnx and test_data_set_*/) run through the engine.
#include <filesystem>
#include <string>

namespace e2e::conformance {

enum class Outcome {
  Passed,
  Failed,
  UnsupportedOp,         // an operator (or domain) the kernel table does not have
  UnsupportedAttribute,  // the engine refused the model at load: an attribute, attribute value or dtype
  UnsupportedModel,      // outside the engine's contract: opset outside 11-18, non-tensor inputs/outputs
};

struct CaseResult {
  Outcome outcome = Outcome::Failed;
  std::string detail;  // failure or refusal reason; the missing op for UnsupportedOp
  bool baked = false;  // inputs needed while planning (shapes, K, ...) were turned into initialisers
};

struct CaseOptions {
  int threads = 1;
};

CaseResult runCase(const std::filesystem::path& dir, const CaseOptions& options);

}  // namespace e2e::conformance
