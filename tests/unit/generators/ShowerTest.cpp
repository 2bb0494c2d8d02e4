#include <gtest/gtest.h>

#include <cmath>

#include "e2e/core/Random.hpp"
#include "e2e/generators/physics/PartonShower.hpp"

namespace e2e::gen {
namespace {

// A colour-singlet pair back to back (q qbar, or a gluon pair closing both lines) at centre-of-mass energy 2E.
std::vector<Parton> pair(bool gluons, double e) {
  std::vector<Parton> p(2);
  p[0].p = Vec4(0, 0, e, e);
  p[1].p = Vec4(0, 0, -e, e);
  p[0].maxPt2 = p[1].maxPt2 = e * e;
  p[0].id = gluons ? 21 : 2;
  p[1].id = gluons ? 21 : -2;
  p[0].col = 1;
  p[1].acol = 0;
  if (gluons) {
    p[1].col = 0;
    p[0].acol = 1;
  }
  return p;
}

TEST(PartonShower, ConservesMomentumAndKeepsPartonsMassless) {
  PartonShower shower(ShowerConfig{});
  PartonShower::Workspace work;
  Rng rng(1);
  Vec4 beams[2];
  for (int i = 0; i < 200; ++i) {
    auto partons = pair(i % 2 == 0, 200.0);
    shower.run(partons, beams, rng, work);
    Vec4 sum;
    for (const Parton& p : partons) {
      sum += p.p;
      ASSERT_NEAR(p.p.m2() / (p.p.e * p.p.e), 0.0, 1e-9);
      // Colour links stay symmetric.
      if (p.col >= 0) {
        ASSERT_EQ(partons[static_cast<std::size_t>(p.col)].acol, &p - partons.data());
      }
    }
    EXPECT_NEAR(sum.e, 400.0, 1e-8);
    EXPECT_NEAR(sum.p(), 0.0, 1e-8);
  }
}

TEST(PartonShower, GluonsRadiateMoreThanQuarks) {
  PartonShower shower(ShowerConfig{});
  PartonShower::Workspace work;
  Rng rng(2);
  Vec4 beams[2];
  double quark = 0, gluon = 0;
  const int n = 500;
  for (int i = 0; i < n; ++i) {
    auto q = pair(false, 200.0);
    shower.run(q, beams, rng, work);
    quark += static_cast<double>(q.size());
    auto g = pair(true, 200.0);
    shower.run(g, beams, rng, work);
    gluon += static_cast<double>(g.size());
  }
  // C_A / C_F = 9/4 asymptotically; at 400 GeV with a 0.7 GeV cutoff the emission count ratio is well above 1.5.
  const double ratio = (gluon / n - 2) / (quark / n - 2);
  EXPECT_GT(ratio, 1.6);
  EXPECT_LT(ratio, 2.6);
}

TEST(PartonShower, RunningCoupling) {
  PartonShower shower(ShowerConfig{});
  EXPECT_NEAR(shower.alphaS(91.1876 * 91.1876), 0.1365, 1e-9);
  EXPECT_GT(shower.alphaS(1.0), shower.alphaS(100.0));
}

}  // namespace
}  // namespace e2e::gen
