#include <gtest/gtest.h>

#include <cmath>

#include "GenTestUtil.hpp"
#include "e2e/core/Random.hpp"
#include "e2e/generators/EventRecord.hpp"
#include "e2e/generators/physics/DecayTable.hpp"
#include "e2e/generators/physics/Decayer.hpp"
#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {
namespace {

TEST(DecayTable, EveryChannelConservesChargeAndBaryonNumberAndIsOpen) {
  for (const int id : {pdg::kPi0, pdg::kEta, pdg::kRho0, pdg::kRhoPlus, pdg::kOmega, pdg::kPhi, pdg::kK0S, pdg::kKStar0,
                       pdg::kKStarPlus, pdg::kLambda, pdg::kDPlus, pdg::kD0, pdg::kDsPlus, pdg::kBPlus, pdg::kB0, pdg::kBs0,
                       pdg::kLambdaC, pdg::kLambdaB}) {
    const auto channels = decayChannels(id);
    ASSERT_FALSE(channels.empty()) << id;
    for (const DecayChannel& c : channels) {
      int charge = 0, baryons = 0;
      double massSum = 0;
      for (int i = 0; i < c.n; ++i) {
        charge += charge3(c.daughters[i]);
        baryons += baryonNumber(c.daughters[i]);
        massSum += nominalMass(c.daughters[i]);
      }
      EXPECT_EQ(charge, charge3(id)) << "channel of " << id;
      EXPECT_EQ(baryons, baryonNumber(id)) << "channel of " << id;
      // Broad resonances may sit below their nominal mass; their 5-width window must still open the channel.
      EXPECT_LT(massSum, nominalMass(id) + 0.1) << "channel of " << id;
    }
  }
}

TEST(Decayer, Pi0DecaysAtOnceAndConserves) {
  Rng rng(1);
  GenParticles g;
  EventRecord rec(g);
  const Vertex v{0.1, 0.2, 0.3, 0.4};
  rec.add(pdg::kPi0, kGenFinal, Vec4::fromPtEtaPhiM(20, 0.5, 1.0, nominalMass(pdg::kPi0)), v, -1);
  Decayer().decayFrom(rec, 0, rng);
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g.status[0], kGenDecayed);
  EXPECT_EQ(g.pdgId[1], pdg::kPhoton);
  EXPECT_EQ(g.pdgId[2], pdg::kPhoton);
  EXPECT_FLOAT_EQ(g.vz[1], 0.3f);
  const test::Balance b = test::balance(g);
  EXPECT_LT(b.relativeDeviation(), 1e-10);
}

TEST(Decayer, LongLivedHadronsFlyTheirLifetime) {
  // B+ of p = 20 GeV: mean flight = (p / m) c tau = 20 / 5.279 * 0.4911 mm = 1.86 mm.
  Rng rng(2);
  GenParticles g;
  Decayer decayer;
  double flight = 0;
  const int n = 4000;
  for (int i = 0; i < n; ++i) {
    g.clear();
    EventRecord rec(g);
    rec.add(pdg::kBPlus, kGenFinal, Vec4::fromMassive(0, 0, 20.0, nominalMass(pdg::kBPlus)), Vertex{}, -1);
    ASSERT_TRUE(decayer.decay(rec, 0, rng));
    flight += g.vz[1];
    EXPECT_GT(g.vt[1], 0.0f);
    const test::Balance b = test::balance(g);
    ASSERT_LT(b.relativeDeviation(), 1e-9);
    ASSERT_DOUBLE_EQ(b.initialCharge, b.finalCharge);
  }
  const double expected = 20.0 / nominalMass(pdg::kBPlus) * 0.04911;
  EXPECT_NEAR(flight / n, expected, 4 * expected / std::sqrt(n));
}

TEST(Decayer, K0SDecaysOnlyInsideTheSolenoid) {
  Rng rng(4);
  GenParticles g;
  Decayer decayer;
  int decayed = 0;
  const int n = 2000;
  // 100 GeV K0S at eta 0: decay length (p/m) c tau = 5.4 m, so P(r < 1.29 m) = 1 - exp(-1.29 / 5.39) = 0.213.
  for (int i = 0; i < n; ++i) {
    g.clear();
    EventRecord rec(g);
    rec.add(pdg::kK0S, kGenFinal, Vec4::fromMassive(100.0, 0, 0, nominalMass(pdg::kK0S)), Vertex{}, -1);
    if (decayer.decay(rec, 0, rng)) {
      ++decayed;
      EXPECT_LT(std::hypot(g.vx[1], g.vy[1]), 129.0f);
    } else {
      EXPECT_EQ(g.status[0], kGenFinal);
    }
  }
  const double p = 1.0 - std::exp(-129.0 / (100.0 / nominalMass(pdg::kK0S) * 2.6844));
  EXPECT_NEAR(static_cast<double>(decayed) / n, p, 4 * std::sqrt(p * (1 - p) / n));
}

TEST(Decayer, NeutralKaonsBecomeMassEigenstates) {
  Rng rng(8);
  GenParticles g;
  EventRecord rec(g);
  for (int i = 0; i < 1000; ++i) rec.add(i % 2 ? pdg::kK0 : -pdg::kK0, kGenFinal, Vec4::fromMassive(0, 0, 1, 0.4976), Vertex{}, -1);
  Decayer().decayFrom(rec, 0, rng);
  int longLived = 0;
  for (std::size_t i = 0; i < 1000; ++i) {
    ASSERT_TRUE(g.pdgId[i] == pdg::kK0S || g.pdgId[i] == pdg::kK0L);
    longLived += g.pdgId[i] == pdg::kK0L;
  }
  EXPECT_NEAR(longLived, 500, 4 * std::sqrt(250.0));
}

}  // namespace
}  // namespace e2e::gen
