#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "GenTestUtil.hpp"
#include "e2e/core/Random.hpp"
#include "e2e/generators/EventRecord.hpp"
#include "e2e/generators/TauDecayMode.hpp"
#include "e2e/generators/physics/Decayer.hpp"
#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {
namespace {

TEST(TauDecay, TableSumsToOne) {
  double sum = 0;
  for (const TauModeInfo& m : tauDecayTable()) sum += m.branching;
  EXPECT_NEAR(sum, 1.0, 1e-12);
}

// 10^4 taus: each mode, read back from the decay products as truth matching does, within 3 sigma of the table.
TEST(TauDecay, ModeFrequenciesMatchTheTable) {
  Rng rng(2024);
  GenParticles g;
  Decayer decayer;
  std::map<TauDecayMode, int> counts;
  const int n = 10000;
  for (int i = 0; i < n; ++i) {
    g.clear();
    EventRecord rec(g);
    rec.add(i % 2 ? pdg::kTau : -pdg::kTau, kGenFinal, Vec4::fromPtEtaPhiM(40.0, 0.3, 0.1, nominalMass(pdg::kTau)),
            Vertex{}, -1);
    decayer.decayFrom(rec, 0, rng);
    ++counts[classifyTauDecay(g, 0)];
    const test::Balance b = test::balance(g);
    ASSERT_LT(b.relativeDeviation(), 1e-9);
    ASSERT_NEAR(b.initialCharge, b.finalCharge, 1e-6);
  }
  EXPECT_EQ(counts[TauDecayMode::kNone], 0);
  for (const TauModeInfo& m : tauDecayTable()) {
    const double expected = n * m.branching;
    const double sigma = std::sqrt(n * m.branching * (1 - m.branching));
    EXPECT_NEAR(counts[m.mode], expected, 3 * sigma) << m.name;
  }
}

TEST(TauDecay, HadronicOnlyAndDisplacedDaughters) {
  Rng rng(7);
  GenParticles g;
  DecayerConfig config;
  config.tauHadronicOnly = true;
  const Decayer decayer(config);
  // 50 GeV tau: mean flight (p / m) c tau = 50 / 1.777 * 87 um = 2.45 mm.
  const double p = 50.0;
  double flight = 0;
  const int n = 4000;
  for (int i = 0; i < n; ++i) {
    g.clear();
    EventRecord rec(g);
    rec.add(pdg::kTau, kGenFinal, Vec4::fromMassive(p, 0, 0, nominalMass(pdg::kTau)), Vertex{}, -1);
    decayer.decayFrom(rec, 0, rng);
    const TauDecayMode mode = classifyTauDecay(g, 0);
    ASSERT_TRUE(isHadronic(mode)) << static_cast<int>(mode);
    flight += g.vx[1];
  }
  const double expected = p / nominalMass(pdg::kTau) * 0.008703;
  EXPECT_NEAR(flight / n, expected, 4 * expected / std::sqrt(n));
}

TEST(TauDecay, RhoModeHasTheRhoMass) {
  Rng rng(9);
  GenParticles g;
  Decayer decayer;
  int rhos = 0;
  double sum = 0;
  for (int i = 0; i < 4000; ++i) {
    g.clear();
    EventRecord rec(g);
    rec.add(pdg::kTau, kGenFinal, Vec4::fromMassive(0, 0, 20, nominalMass(pdg::kTau)), Vertex{}, -1);
    decayer.decayFrom(rec, 0, rng);
    if (classifyTauDecay(g, 0) != TauDecayMode::kOneProngPi0) continue;
    // pi- and pi0 (before its decay) from the rho.
    Vec4 pair;
    for (std::size_t r = 1; r < g.size(); ++r)
      if ((g.pdgId[r] == -pdg::kPiPlus || g.pdgId[r] == pdg::kPi0) && std::abs(g.pdgId[g.mother[r]]) == pdg::kRhoPlus)
        pair += test::momentum(g, r);
    sum += pair.m();
    ++rhos;
  }
  ASSERT_GT(rhos, 800);
  // The Breit-Wigner is cut by the tau mass, which pulls the mean a little below 775 MeV.
  EXPECT_NEAR(sum / rhos, 0.75, 0.05);
}

}  // namespace
}  // namespace e2e::gen
