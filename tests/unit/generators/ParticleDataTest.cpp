#include <gtest/gtest.h>

#include "e2e/core/Random.hpp"
#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {
namespace {

TEST(ParticleData, ChargesFromTableAndScheme) {
  EXPECT_EQ(charge3(pdg::kElectron), -3);
  EXPECT_EQ(charge3(-pdg::kElectron), 3);
  EXPECT_EQ(charge3(pdg::kUp), 2);
  EXPECT_EQ(charge3(-pdg::kDown), 1);
  EXPECT_EQ(charge3(pdg::kKPlus), 3);
  EXPECT_EQ(charge3(-pdg::kBPlus), -3);
  EXPECT_EQ(charge3(pdg::kLambdaC), 3);
  // Not in the table: the quark content decides (Sigma+ uus, Delta++ uuu, B_c+ c bbar, Xi- dss, anti-Sigma-).
  EXPECT_EQ(charge3(3222), 3);
  EXPECT_EQ(charge3(2224), 6);
  EXPECT_EQ(charge3(541), 3);
  EXPECT_EQ(charge3(3312), -3);
  EXPECT_EQ(charge3(-3112), 3);
  EXPECT_EQ(charge3(443), 0);  // J/psi
}

TEST(ParticleData, BaryonNumberAndAntiparticles) {
  EXPECT_EQ(baryonNumber(pdg::kProton), 1);
  EXPECT_EQ(baryonNumber(-pdg::kNeutron), -1);
  EXPECT_EQ(baryonNumber(pdg::kPiPlus), 0);
  EXPECT_EQ(baryonNumber(2101), 0);  // a diquark is not a baryon
  EXPECT_EQ(antiParticle(pdg::kPi0), pdg::kPi0);
  EXPECT_EQ(antiParticle(pdg::kK0S), pdg::kK0S);
  EXPECT_EQ(antiParticle(pdg::kKPlus), -pdg::kKPlus);
  EXPECT_EQ(antiParticle(pdg::kK0), -pdg::kK0);
  EXPECT_TRUE(isStable(pdg::kPiPlus));
  EXPECT_TRUE(isStable(pdg::kK0L));
  EXPECT_FALSE(isStable(pdg::kK0S));
  EXPECT_FALSE(isStable(pdg::kTau));
}

TEST(ParticleData, BreitWignerStaysInRangeAndPeaks) {
  Rng rng(3);
  int near = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const double m = sampleMass(pdg::kW, rng, 70.0, 90.0);
    ASSERT_GE(m, 70.0);
    ASSERT_LE(m, 90.0);
    if (std::abs(m - 80.4) < 2.09 / 2) ++near;
  }
  // A Cauchy of half-width 1.045 GeV cut to [70, 90] GeV holds 53.6% of its weight within one half-width.
  EXPECT_NEAR(static_cast<double>(near) / n, 0.536, 0.015);
  EXPECT_EQ(sampleMass(pdg::kPiPlus, rng), nominalMass(pdg::kPiPlus));
}

}  // namespace
}  // namespace e2e::gen
