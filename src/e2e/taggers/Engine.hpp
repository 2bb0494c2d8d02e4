#pragma once
// What a tagger needs from an inference engine: run a batch of dense float inputs, one float out per object. In
// production it is the project's runtime::Session (loaded once per tagger, shared by every thread); tests use a
// fake whose output identifies its input, to prove that scores land on the right objects.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "e2e/taggers/ModelCard.hpp"

namespace e2e::taggers {

class Engine {
public:
  virtual ~Engine() = default;
  // inputs: one dense buffer per model input, in the card's order, for `batch` objects; output: `batch` floats.
  // Thread-safe: several batches run at once.
  virtual void run(std::span<const float* const> inputs, float* output, std::int64_t batch) const = 0;
  // Batch sizes the engine has been (or will be) planned for are its business; this says what it is.
  virtual std::string describe() const = 0;
};

// Finds a model file: the path as given, then each of `dirs` joined with the path and with its file name.
// Throws e2e::Error naming the path and every place looked in.
std::string findModel(const std::string& path, const std::vector<std::string>& dirs);

// Loads `modelPath` with runtime::Session and checks its inputs and output against the card: a model that does
// not take what the card says is an error naming both files.
std::shared_ptr<const Engine> loadSessionEngine(const std::string& modelPath, const ModelCard& card, int threadsPerRun);

}  // namespace e2e::taggers
