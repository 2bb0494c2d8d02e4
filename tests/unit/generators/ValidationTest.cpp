// Physics validation of the generator (issue 3, docs/validation/generation.md): quark and gluon jets at ~400 GeV,
// W and top mass peaks. Fixed seeds, a few hundred events each.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "GenTestUtil.hpp"
#include "e2e/generators/EventGenerator.hpp"
#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {
namespace {

struct JetStats {
  double jets = 0, charged = 0, width = 0, photonFraction = 0;
};

// Jets: R = 0.4 cones started on the two hard outgoing partons (rows 4 and 5 of a dijet event) and re-centred twice
// on the particles they hold, as a cone algorithm would. "Jets at ~400 GeV" are those with 250 < pT < 500 GeV:
// like a measurement, the selection is on the jet, so a parton that lost half its pT to a hard wide-angle emission
// does not enter as a low-multiplicity 400 GeV jet.
JetStats jetStats(const char* process, std::uint64_t seed, int events) {
  const auto g = makeGenerator(GeneratorConfig::forProcess(process));
  GenParticles p;
  EventInfo info;
  JetStats s;
  for (int ev = 0; ev < events; ++ev) {
    g->generate(static_cast<std::uint64_t>(ev), seed, p, info);
    for (std::size_t j = 4; j <= 5; ++j) {
      Vec4 axis = test::momentum(p, j), jet;
      double sumPtR = 0, photonE = 0;
      int charged = 0;
      for (int pass = 0; pass < 3; ++pass) {
        jet = Vec4();
        sumPtR = photonE = 0;
        charged = 0;
        for (std::size_t k = 0; k < p.size(); ++k) {
          if (p.status[k] != kGenFinal || isNeutrino(p.pdgId[k])) continue;
          const Vec4 v = test::momentum(p, k);
          if (v.pt() <= 0) continue;
          const double dr = deltaR(v, axis);
          if (dr >= 0.4) continue;
          jet += v;
          charged += p.charge[k] != 0;
          sumPtR += v.pt() * dr;
          if (p.pdgId[k] == pdg::kPhoton) photonE += v.e;
        }
        if (jet.e > 0) axis = jet;
      }
      if (jet.pt() < 250 || jet.pt() > 500) continue;
      s.jets += 1;
      s.charged += charged;
      s.width += sumPtR / jet.pt();
      s.photonFraction += photonE / jet.e;
    }
  }
  s.charged /= s.jets;
  s.width /= s.jets;
  s.photonFraction /= s.jets;
  return s;
}

TEST(Validation, GluonJetsHaveMoreParticlesAndAreWider) {
  const JetStats quark = jetStats("dijet-quark", 11, 500);
  const JetStats gluon = jetStats("dijet-gluon", 12, 500);
  ASSERT_GT(quark.jets, 700);
  ASSERT_GT(gluon.jets, 450);
  const double ratio = gluon.charged / quark.charged;
  EXPECT_GT(ratio, 1.3) << "gluon " << gluon.charged << " quark " << quark.charged;
  EXPECT_LT(ratio, 1.8) << "gluon " << gluon.charged << " quark " << quark.charged;
  EXPECT_GT(gluon.width, 1.3 * quark.width) << "gluon " << gluon.width << " quark " << quark.width;
  // Photons (from pi0 and eta) carry about a quarter of a jet's energy.
  for (const JetStats* s : {&quark, &gluon}) {
    EXPECT_GT(s->photonFraction, 0.2);
    EXPECT_LT(s->photonFraction, 0.33);
  }
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

TEST(Validation, TopAndWMassPeaks) {
  const auto g = makeGenerator(GeneratorConfig::forProcess("ttbar"));
  GenParticles p;
  EventInfo info;
  std::vector<double> wTruth, topTruth, wHadrons;
  for (std::uint64_t ev = 0; ev < 150; ++ev) {
    g->generate(ev, 5, p, info);
    for (std::size_t r = 0; r < p.size(); ++r) {
      const int a = std::abs(p.pdgId[r]);
      if (a != pdg::kTop && a != pdg::kW) continue;
      const int row = static_cast<int>(r);
      // Parton level: the decay products. After the shower: the final shower partons (partons whose mother, a
      // hard parton, comes from this decay). Hadron level (W only): every final-state descendant.
      Vec4 daughters, showered, finals;
      for (std::size_t k = r + 1; k < p.size(); ++k) {
        const int m = p.mother[k];
        if (m == row) daughters += test::momentum(p, k);
        if (m >= 0 && isParton(p.pdgId[k]) && isParton(p.pdgId[static_cast<std::size_t>(m)]) &&
            test::descendsFrom(p, static_cast<std::size_t>(m), row))
          showered += test::momentum(p, k);
        if (p.status[k] == kGenFinal && test::descendsFrom(p, k, row)) finals += test::momentum(p, k);
      }
      // The shower keeps the resonance masses: recoil stays within each decay system.
      EXPECT_NEAR(showered.m(), test::momentum(p, r).m(), 1e-6 * test::momentum(p, r).e);
      EXPECT_NEAR(daughters.m(), test::momentum(p, r).m(), 1e-6);
      (a == pdg::kTop ? topTruth : wTruth).push_back(daughters.m());
      if (a == pdg::kW) wHadrons.push_back(finals.m());
    }
  }
  EXPECT_NEAR(median(topTruth), 172.5, 0.5);
  EXPECT_NEAR(median(wTruth), 80.4, 0.5);
  // The W decay is a colour singlet: shower and fragmentation keep its mass up to semileptonic neutrinos.
  EXPECT_NEAR(median(wHadrons), 80.4, 1.0);
}

// Boosted tops (pT > 400 GeV) at hadron level: all final-state particles (neutrinos included) within dR < 1.2 of
// the top, as a truth-level fat jet collects them. The b's radiation recoils against its W, so the shower keeps the
// top mass; hadronisation, out-of-cone radiation and the b quark's string to the beam smear it. (Without the
// neutrinos of semileptonic b and c decays the median drops by ~6 GeV.)
TEST(Validation, BoostedTopJetMass) {
  const auto g = makeGenerator(GeneratorConfig::forProcess("ttbar-boosted"));
  GenParticles p;
  EventInfo info;
  std::vector<double> masses;
  for (std::uint64_t ev = 0; ev < 150; ++ev) {
    g->generate(ev, 6, p, info);
    for (std::size_t r = 0; r < p.size(); ++r) {
      if (std::abs(p.pdgId[r]) != pdg::kTop) continue;
      const Vec4 top = test::momentum(p, r);
      Vec4 jet;
      for (std::size_t k = 0; k < p.size(); ++k)
        if (p.status[k] == kGenFinal && deltaR(test::momentum(p, k), top) < 1.2)
          jet += test::momentum(p, k);
      masses.push_back(jet.m());
    }
  }
  EXPECT_NEAR(median(masses), 172.5, 6.0);
}

}  // namespace
}  // namespace e2e::gen
