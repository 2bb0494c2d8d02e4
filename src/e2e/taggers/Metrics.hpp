#pragma once
// Figures of merit computed in C++ so `e2e run` and `e2e demo` report them without Python.
#include <cstdint>
#include <span>

namespace e2e::taggers {

// Area under the ROC curve of `scores` for labels 1 (signal) vs 0 (background): the probability that a random
// signal scores above a random background, ties counting one half (Mann-Whitney). NaN without both classes.
double rocAuc(std::span<const float> scores, std::span<const std::int8_t> labels);

// Regression quality of predicted vs true values (e.g. masses), defined as the training's model card does
// (python/e2e_train/metrics.py): bias = median of (pred - true), resolution = half the 16-84% interval of
// (pred - true), mae = mean |pred - true|; percentiles interpolate linearly between ranks.
struct RegressionSummary {
  std::uint64_t count = 0;
  double bias = 0, resolution = 0, mae = 0;
};
RegressionSummary regressionSummary(std::span<const float> predicted, std::span<const float> truth);

}  // namespace e2e::taggers
