#pragma once
// Figures of merit computed in C++ so `e2e run` and `e2e demo` report them without Python.
#include <cstdint>
#include <span>

namespace e2e::taggers {

// Area under the ROC curve of `scores` for labels 1 (signal) vs 0 (background): the probability that a random
// signal scores above a random background, ties counting one half (Mann-Whitney). NaN without both classes.
double rocAuc(std::span<const float> scores, std::span<const std::int8_t> labels);

// Regression quality of predicted vs true values (e.g. masses): mean and RMS of (pred - true), and the
// resolution as the RMS of (pred - true) / true.
struct RegressionSummary {
  std::uint64_t count = 0;
  double bias = 0, rms = 0, relativeResolution = 0;
};
RegressionSummary regressionSummary(std::span<const float> predicted, std::span<const float> truth);

}  // namespace e2e::taggers
