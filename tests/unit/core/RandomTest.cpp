#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "e2e/core/Random.hpp"

using e2e::Rng;
using e2e::Stream;

TEST(Random, StreamsDependOnlyOnSeedEventAndStream) {
  Rng a(1, 42, Stream::Generator), b(1, 42, Stream::Generator);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next(), b.next());
  Rng c(1, 43, Stream::Generator), d(1, 42, Stream::Simulation), e(2, 42, Stream::Generator);
  Rng ref(1, 42, Stream::Generator);
  const auto r = ref.next();
  EXPECT_NE(c.next(), r);
  EXPECT_NE(d.next(), r);
  EXPECT_NE(e.next(), r);
}

TEST(Random, DistributionMoments) {
  Rng rng(5, 0);
  constexpr int n = 200000;
  double su = 0, sg = 0, sg2 = 0, sgam = 0, sp = 0, sp2 = 0, sbig = 0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    su += u;
    const double g = rng.gauss();
    sg += g;
    sg2 += g * g;
    sgam += rng.gamma(2.5);
    const double p = rng.poisson(3.2);
    sp += p;
    sp2 += p * p;
    sbig += rng.poisson(140.0);
  }
  EXPECT_NEAR(su / n, 0.5, 0.005);
  EXPECT_NEAR(sg / n, 0.0, 0.01);
  EXPECT_NEAR(sg2 / n, 1.0, 0.01);
  EXPECT_NEAR(sgam / n, 2.5, 0.02);
  EXPECT_NEAR(sp / n, 3.2, 0.02);
  EXPECT_NEAR(sp2 / n - (sp / n) * (sp / n), 3.2, 0.05);
  EXPECT_NEAR(sbig / n, 140.0, 0.2);
}

TEST(Random, BelowIsInRangeAndUniform) {
  Rng rng(9, 1);
  std::vector<int> counts(7, 0);
  for (int i = 0; i < 70000; ++i) {
    const auto k = rng.below(7);
    ASSERT_LT(k, 7u);
    ++counts[k];
  }
  for (int c : counts) EXPECT_NEAR(c, 10000, 400);
}
