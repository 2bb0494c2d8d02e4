#include <gtest/gtest.h>

#include "e2e/core/Random.hpp"
#include "e2e/generators/physics/PhaseSpace.hpp"

namespace e2e::gen {
namespace {

TEST(PhaseSpace, TwoBodyMomentum) {
  // pi0 -> gamma gamma: p = m / 2; below threshold: 0.
  EXPECT_DOUBLE_EQ(twoBodyMomentum(0.135, 0, 0), 0.0675);
  EXPECT_NEAR(twoBodyMomentum(0.497611, 0.13957039, 0.13957039), 0.20597, 1e-5);  // K0S -> pi pi (206 MeV)
  EXPECT_EQ(twoBodyMomentum(0.2, 0.14, 0.14), 0.0);
}

TEST(PhaseSpace, NBodyConservesAndKeepsMasses) {
  Rng rng(11);
  const double masses[5] = {0.13957, 0.13957, 0.13957, 0.13498, 0.0};
  Vec4 out[5];
  for (int trial = 0; trial < 200; ++trial) {
    nBodyDecay(1.77686, masses, 5, rng, out);
    Vec4 sum;
    for (int i = 0; i < 5; ++i) {
      sum += out[i];
      EXPECT_NEAR(out[i].m2(), masses[i] * masses[i], 1e-12);
    }
    EXPECT_NEAR(sum.px, 0, 1e-12);
    EXPECT_NEAR(sum.py, 0, 1e-12);
    EXPECT_NEAR(sum.pz, 0, 1e-12);
    EXPECT_NEAR(sum.e, 1.77686, 1e-12);
  }
}

TEST(PhaseSpace, ThreeBodyIsFlat) {
  // Flat phase space of massless daughters fills the Dalitz triangle uniformly: <m12^2> = M^2 / 3 and
  // <m12^4> = M^4 / 6 (density ~ M^2 - m12^2).
  Rng rng(5);
  const double M = 10.0, masses[3] = {0, 0, 0};
  Vec4 out[3];
  double s1 = 0, s2 = 0;
  const int n = 40000;
  for (int i = 0; i < n; ++i) {
    nBodyDecay(M, masses, 3, rng, out);
    const double m2 = (out[0] + out[1]).m2();
    s1 += m2;
    s2 += m2 * m2;
  }
  EXPECT_NEAR(s1 / n / (M * M), 1.0 / 3.0, 0.005);
  EXPECT_NEAR(s2 / n / (M * M * M * M), 1.0 / 6.0, 0.005);
}

TEST(PhaseSpace, BoostRoundTrip) {
  const Vec4 frame = Vec4::fromPtEtaPhiM(300.0, 1.7, 0.4, 80.4);
  Vec4 v(1.0, -2.0, 3.0, 5.0);
  const Vec4 original = v;
  v.boostFromRestOf(frame);
  v.boostToRestOf(frame);
  EXPECT_NEAR(v.px, original.px, 1e-9);
  EXPECT_NEAR(v.py, original.py, 1e-9);
  EXPECT_NEAR(v.pz, original.pz, 1e-9);
  EXPECT_NEAR(v.e, original.e, 1e-9);
  Vec4 rest(0, 0, 0, 80.4);
  rest.boostFromRestOf(frame);
  EXPECT_NEAR(rest.px, frame.px, 1e-9);
  EXPECT_NEAR(rest.e, frame.e, 1e-9);
}

}  // namespace
}  // namespace e2e::gen
