#pragma once
// The model card next to every shipped model (models/<name>.json, written by python/e2e_train/modelcard.py): which
// inputs the ONNX file takes, in which channel/feature order, with which preprocessing, and what its output means.
// Taggers repeat exactly that preprocessing, so inference sees what training saw.
#include <cstdint>
#include <string>
#include <vector>

#include "e2e/taggers/TruthLabels.hpp"

namespace e2e::taggers {

struct ModelInput {
  std::string name;                     // "image", "position", "nodes" or "mask"
  std::vector<std::int64_t> shape;      // per object, without the batch dimension
  std::vector<std::string> channels;    // image: channel names in model order
  std::vector<float> frameScales;       // image: per channel, the factors the training frames were filled with
  std::vector<float> scales;            // image: per channel, applied after zero suppression
  std::vector<float> zeroSuppression;   // image: per channel, |raw| below it becomes 0
  std::vector<std::string> features;    // nodes: feature names in model order
  std::vector<float> nodeScales;        // nodes: per feature (empty: 1)

  std::int64_t elements() const;        // per object
};

struct ModelCard {
  std::string path;  // the card file
  std::string name;
  Task task = Task::Unknown;
  std::vector<ModelInput> inputs;       // in the ONNX input order
  std::vector<std::string> outputs;
  double auc = -1;                      // test AUC recorded by training; -1 when absent
  std::vector<std::pair<std::string, double>> metrics;  // every number under "metrics" (auc, bias, resolution, ...)

  // Throws e2e::Error naming the file and the field at fault.
  static ModelCard load(const std::string& path);
  static ModelCard parse(const std::string& text, const std::string& origin);
  // models/x.onnx -> models/x.json
  static std::string cardPathFor(const std::string& modelPath);

  const ModelInput* input(const std::string& inputName) const;
};

}  // namespace e2e::taggers
