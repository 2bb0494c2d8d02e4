#include "e2e/taggers/Metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace e2e::taggers {

double rocAuc(std::span<const float> scores, std::span<const std::int8_t> labels) {
  if (scores.size() != labels.size()) throw std::logic_error("rocAuc: scores and labels differ in length");
  std::vector<std::uint32_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return scores[a] < scores[b]; });
  // Sum of the (mid-)ranks of the signal entries, equal scores sharing their average rank.
  double signalRankSum = 0;
  std::uint64_t nSignal = 0, nBackground = 0;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && scores[order[j]] == scores[order[i]]) ++j;
    const double midRank = 0.5 * static_cast<double>(i + 1 + j);
    for (std::size_t k = i; k < j; ++k) {
      if (labels[order[k]] == 1) {
        signalRankSum += midRank;
        ++nSignal;
      } else if (labels[order[k]] == 0) {
        ++nBackground;
      }
    }
    i = j;
  }
  if (nSignal == 0 || nBackground == 0) return std::numeric_limits<double>::quiet_NaN();
  // Entries with other labels were skipped but still hold ranks: re-rank among labelled entries only.
  if (nSignal + nBackground != scores.size()) {
    std::vector<float> s;
    std::vector<std::int8_t> l;
    for (std::size_t i = 0; i < scores.size(); ++i)
      if (labels[i] == 0 || labels[i] == 1) {
        s.push_back(scores[i]);
        l.push_back(labels[i]);
      }
    return rocAuc(s, l);
  }
  const double ns = static_cast<double>(nSignal), nb = static_cast<double>(nBackground);
  return (signalRankSum - ns * (ns + 1) / 2) / (ns * nb);
}

RegressionSummary regressionSummary(std::span<const float> predicted, std::span<const float> truth) {
  if (predicted.size() != truth.size()) throw std::logic_error("regressionSummary: length mismatch");
  RegressionSummary r;
  r.count = predicted.size();
  if (r.count == 0) return r;
  std::vector<double> diff(predicted.size());
  double absSum = 0;
  for (std::size_t i = 0; i < diff.size(); ++i) {
    diff[i] = static_cast<double>(predicted[i]) - truth[i];
    absSum += std::abs(diff[i]);
  }
  std::sort(diff.begin(), diff.end());
  auto percentile = [&](double q) {
    const double pos = q / 100.0 * static_cast<double>(diff.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, diff.size() - 1);
    return diff[lo] + (pos - static_cast<double>(lo)) * (diff[hi] - diff[lo]);
  };
  r.bias = percentile(50);
  r.resolution = 0.5 * (percentile(84) - percentile(16));
  r.mae = absSum / static_cast<double>(r.count);
  return r;
}

}  // namespace e2e::taggers
