#include <gtest/gtest.h>

#include <cmath>
#include <thread>

#include "GenTestUtil.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/generators/EventGenerator.hpp"
#include "e2e/generators/TauDecayMode.hpp"
#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {
namespace {

std::unique_ptr<EventGenerator> make(const char* process, double mu = 0) {
  GeneratorConfig c = GeneratorConfig::forProcess(process);
  c.pileupMu = mu;
  return makeGenerator(c);
}

// Every process: events are made, the final state conserves 4-momentum (1e-6 relative) and charge, EventInfo names
// the process, and unstable particles have been decayed.
TEST(Generator, EveryProcessConservesMomentumAndCharge) {
  for (const ProcessInfo& info : processTable()) {
    const auto g = make(info.name);
    GenParticles particles;
    EventInfo ei;
    for (std::uint64_t i = 0; i < 12; ++i) {
      g->generate(i, 99, particles, ei);
      ASSERT_TRUE(particles.consistent());
      ASSERT_EQ(ei.size(), 1u);
      EXPECT_EQ(ei.event[0], i);
      EXPECT_EQ(ei.process[0], static_cast<std::int32_t>(info.id));
      EXPECT_EQ(ei.nPileup[0], 0);
      const test::Balance b = test::balance(particles);
      ASSERT_GT(b.final.e, 0) << info.name;
      EXPECT_LT(b.relativeDeviation(), 1e-6) << info.name << " event " << i;
      EXPECT_NEAR(b.initialCharge, b.finalCharge, 1e-4) << info.name << " event " << i;
      for (std::size_t r = 0; r < particles.size(); ++r) {
        if (particles.status[r] != kGenFinal) continue;
        const int a = std::abs(particles.pdgId[r]);
        EXPECT_FALSE(isParton(particles.pdgId[r])) << info.name;
        EXPECT_TRUE(a != pdg::kPi0 && a != pdg::kTau && a != pdg::kEta && a != pdg::kBPlus && a != pdg::kD0) << info.name << " " << a;
        if (particles.mother[r] >= 0) {
          EXPECT_LT(particles.mother[r], static_cast<int>(r));
        }
      }
    }
  }
}

TEST(Generator, SameIndexSameEventInAnyOrderAndThread) {
  const auto g = make("dijet", 20);
  const int n = 24;
  std::vector<GenParticles> forward(n), threaded(n);
  std::vector<EventInfo> infoF(n), infoT(n);
  for (int i = 0; i < n; ++i) g->generate(static_cast<std::uint64_t>(i), 7, forward[i], infoF[i]);
  // Two threads, interleaved indices, in reverse order.
  auto worker = [&](int parity) {
    for (int i = n - 1; i >= 0; --i)
      if (i % 2 == parity) g->generate(static_cast<std::uint64_t>(i), 7, threaded[i], infoT[i]);
  };
  std::thread a(worker, 0), b(worker, 1);
  a.join();
  b.join();
  for (int i = 0; i < n; ++i) {
    EXPECT_TRUE(forward[i] == threaded[i]) << "event " << i;
    EXPECT_TRUE(infoF[i] == infoT[i]);
  }
  GenParticles other;
  EventInfo otherInfo;
  g->generate(0, 8, other, otherInfo);
  EXPECT_FALSE(other == forward[0]) << "another seed gives another event";
}

TEST(Generator, PileupIsFlaggedPoissonAndSpreadAlongZ) {
  const double mu = 40;
  const auto g = make("photon", mu);
  GenParticles p;
  EventInfo info;
  double sumN = 0, sumZ2 = 0;
  int vertices = 0;
  const int n = 200;
  for (int i = 0; i < n; ++i) {
    g->generate(static_cast<std::uint64_t>(i), 3, p, info);
    sumN += info.nPileup[0];
    // The signal photon is not flagged; everything else is.
    int unflagged = 0;
    float lastZ = 1e9f;
    for (std::size_t r = 0; r < p.size(); ++r) {
      if (!(p.flags[r] & kGenFromPileup)) {
        ++unflagged;
        continue;
      }
      if (p.mother[r] < 0 && p.vz[r] != lastZ) {
        lastZ = p.vz[r];
        sumZ2 += static_cast<double>(p.vz[r]) * p.vz[r];
        ++vertices;
      }
    }
    EXPECT_EQ(unflagged, 1);
  }
  EXPECT_NEAR(sumN / n, mu, 4 * std::sqrt(mu / n));
  EXPECT_NEAR(std::sqrt(sumZ2 / vertices), 4.0, 0.25);
}

TEST(Generator, GunsFollowTheirRanges) {
  GeneratorConfig c = GeneratorConfig::forProcess("electron");
  c.ptMin = 1;
  c.ptMax = 100;
  const auto g = makeGenerator(c);
  GenParticles p;
  EventInfo info;
  double lo = 1e9, hi = 0;
  for (std::uint64_t i = 0; i < 500; ++i) {
    g->generate(i, 1, p, info);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p.pdgId[0], pdg::kElectron);
    const Vec4 v = test::momentum(p, 0);
    lo = std::min(lo, v.pt());
    hi = std::max(hi, v.pt());
    EXPECT_LE(std::abs(v.eta()), 1.44 + 1e-9);
  }
  EXPECT_LT(lo, 3);
  EXPECT_GT(hi, 97);
}

TEST(Generator, MergedPhotonsKeepTheTruthMass) {
  const auto g = make("agg");
  GenParticles p;
  EventInfo info;
  for (std::uint64_t i = 0; i < 200; ++i) {
    g->generate(i, 1, p, info);
    ASSERT_EQ(p.pdgId[0], pdg::kA);
    const double m = test::momentum(p, 0).m();
    EXPECT_GE(m, 0.1 - 1e-9);
    EXPECT_LE(m, 1.2 + 1e-9);
    EXPECT_NEAR((test::momentum(p, 1) + test::momentum(p, 2)).m(), m, 1e-9);
  }
}

TEST(Generator, HiggsDecaysToTwoTaus) {
  const auto g = make("htautau");
  GenParticles p;
  EventInfo info;
  for (std::uint64_t i = 0; i < 50; ++i) {
    g->generate(i, 1, p, info);
    int taus = 0, higgs = -1;
    for (std::size_t r = 0; r < p.size(); ++r) {
      if (p.pdgId[r] == pdg::kHiggs) higgs = static_cast<int>(r);
      if (std::abs(p.pdgId[r]) == pdg::kTau) {
        ++taus;
        EXPECT_EQ(p.mother[r], higgs);
        EXPECT_NE(classifyTauDecay(p, static_cast<int>(r)), TauDecayMode::kNone);
      }
    }
    EXPECT_EQ(taus, 2);
    EXPECT_NEAR(test::momentum(p, static_cast<std::size_t>(higgs)).m(), 125.0, 1e-6);
  }
}

TEST(Generator, BadSettingsNameTheOption) {
  GeneratorConfig c = GeneratorConfig::forProcess("photon");
  c.ptMin = 60;
  c.ptMax = 50;
  try {
    (void)makeGenerator(c);
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("--pt-min"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)GeneratorConfig::forProcess("higgs"), UsageError);
}

}  // namespace
}  // namespace e2e::gen
