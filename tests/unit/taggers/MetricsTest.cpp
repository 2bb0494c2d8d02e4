#include <gtest/gtest.h>

#include <cmath>

#include "e2e/core/Random.hpp"
#include "e2e/taggers/Metrics.hpp"
#include "e2e/taggers/TruthLabels.hpp"

using namespace e2e;
using namespace e2e::taggers;

namespace {
// Direct definition: fraction of (signal, background) pairs ordered correctly, ties one half.
double pairwiseAuc(const std::vector<float>& s, const std::vector<std::int8_t>& l) {
  double good = 0, pairs = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    for (std::size_t j = 0; j < s.size(); ++j)
      if (l[i] == 1 && l[j] == 0) {
        pairs += 1;
        good += s[i] > s[j] ? 1.0 : (s[i] == s[j] ? 0.5 : 0.0);
      }
  return good / pairs;
}
}  // namespace

TEST(Metrics, AucLimits) {
  EXPECT_DOUBLE_EQ(rocAuc(std::vector<float>{0.1f, 0.2f, 0.8f, 0.9f}, std::vector<std::int8_t>{0, 0, 1, 1}), 1.0);
  EXPECT_DOUBLE_EQ(rocAuc(std::vector<float>{0.9f, 0.8f, 0.2f, 0.1f}, std::vector<std::int8_t>{0, 0, 1, 1}), 0.0);
  EXPECT_DOUBLE_EQ(rocAuc(std::vector<float>{0.5f, 0.5f, 0.5f, 0.5f}, std::vector<std::int8_t>{0, 1, 0, 1}), 0.5);
  EXPECT_TRUE(std::isnan(rocAuc(std::vector<float>{0.1f, 0.2f}, std::vector<std::int8_t>{1, 1})));
}

TEST(Metrics, AucMatchesPairCountingWithTiesAndUnlabelled) {
  Rng rng(5);
  std::vector<float> s;
  std::vector<std::int8_t> l;
  for (int i = 0; i < 400; ++i) {
    const std::int8_t label = static_cast<std::int8_t>(rng.below(3)) - 1;  // -1 (ignored), 0, 1
    // Coarse scores: many ties.
    s.push_back(static_cast<float>(std::round(4 * (rng.gauss() + (label == 1 ? 0.7 : 0.0)))) / 4);
    l.push_back(label);
  }
  EXPECT_NEAR(rocAuc(s, l), pairwiseAuc(s, l), 1e-12);
}

TEST(Metrics, RegressionSummaryAsTheCardDefinesIt) {
  // diffs 0.1, -0.1, 0.2, 0.4, -0.3 -> sorted -0.3 -0.1 0.1 0.2 0.4; numpy percentile (linear): p50 = 0.1,
  // p16 = -0.3 + 0.64 * 0.2 = -0.172, p84 = 0.2 + 0.36 * 0.2 = 0.272.
  const auto r = regressionSummary(std::vector<float>{1.1f, 0.9f, 2.2f, 3.4f, 0.7f}, std::vector<float>{1.f, 1.f, 2.f, 3.f, 1.f});
  EXPECT_EQ(r.count, 5u);
  EXPECT_NEAR(r.bias, 0.1, 1e-6);
  EXPECT_NEAR(r.resolution, 0.5 * (0.272 + 0.172), 1e-6);
  EXPECT_NEAR(r.mae, (0.1 + 0.1 + 0.2 + 0.4 + 0.3) / 5, 1e-6);
}

TEST(TruthLabels, PerTask) {
  EXPECT_EQ(truthLabel(Task::EGamma, -11), 1);
  EXPECT_EQ(truthLabel(Task::EGamma, 22), 0);
  EXPECT_EQ(truthLabel(Task::EGamma, 111), -1);
  EXPECT_EQ(truthLabel(Task::QuarkGluon, 3), 1);
  EXPECT_EQ(truthLabel(Task::QuarkGluon, 21), 0);
  EXPECT_EQ(truthLabel(Task::Top, 6), 1);
  EXPECT_EQ(truthLabel(Task::Top, 21), 0);
  EXPECT_EQ(truthLabel(Task::Tau, 15), 1);
  EXPECT_EQ(truthLabel(Task::Tau, 0), -1);
  EXPECT_EQ(taskFromName("qg"), Task::QuarkGluon);
}
