#include <gtest/gtest.h>

#include "RecoTestUtil.hpp"
#include "e2e/reconstruction/TruthMatcher.hpp"

using namespace e2e;
using namespace e2e::reco;
using test::addGen;

namespace {
Jets oneJet(float eta, float phi, float r) {
  Jets j;
  j.resize(1);
  j.eta[0] = eta;
  j.phi[0] = phi;
  j.radius[0] = r;
  j.pt[0] = 100;
  return j;
}
}  // namespace

TEST(TruthMatcher, MergedTopAndResolvedTop) {
  GenParticles g;
  const int top = addGen(g, 6, kGenDecayed, 500, 0.0, 0.0, 172.5, -1);
  addGen(g, 5, kGenDecayed, 200, 0.1, 0.2, 4.8, top);
  const int w = addGen(g, 24, kGenDecayed, 300, -0.1, -0.1, 80.4, top);
  addGen(g, 2, kGenDecayed, 150, -0.3, -0.2, 0.0, w);
  addGen(g, -1, kGenDecayed, 150, 0.1, 0.1, 0.0, w);
  Jets ak8 = oneJet(0.0f, 0.0f, 0.8f);
  matchJets(g, ak8);
  EXPECT_EQ(ak8.truthPdgId[0], 6);
  EXPECT_EQ(ak8.truthIndex[0], top);
  EXPECT_NEAR(ak8.truthMass[0], 172.5f, 0.01f);
  // An AK4 jet does not contain the whole top (the q from the W is 0.36 away): it is the highest-pT quark in it.
  Jets ak4 = oneJet(0.1f, 0.2f, 0.3f);
  matchJets(g, ak4);
  EXPECT_EQ(ak4.truthPdgId[0], 5);
}

TEST(TruthMatcher, HadronicTauWithItsDecayMode) {
  GenParticles g;
  const int tau = addGen(g, 15, kGenDecayed, 60, 1.0, 2.0, 1.777, -1);
  addGen(g, 16, kGenFinal, 10, 1.02, 2.01, 0, tau);
  addGen(g, -211, kGenFinal, 30, 0.98, 1.99, 0.1396, tau);
  const int pi0 = addGen(g, 111, kGenDecayed, 20, 1.0, 2.02, 0.135, tau);
  addGen(g, 22, kGenFinal, 10, 1.0, 2.02, 0, pi0);
  addGen(g, 22, kGenFinal, 10, 1.0, 2.03, 0, pi0);
  EXPECT_EQ(tauDecayMode(g, tau), 1);
  Jets j = oneJet(1.0f, 2.0f, 0.4f);
  matchJets(g, j);
  EXPECT_EQ(j.truthPdgId[0], 15);
  EXPECT_EQ(j.truthDecayMode[0], 1);
  // Leptonic taus are not tau jets.
  GenParticles lep;
  const int t2 = addGen(lep, -15, kGenDecayed, 60, 1.0, 2.0, 1.777, -1);
  addGen(lep, -11, kGenFinal, 40, 1.0, 2.0, 0.000511, t2);
  EXPECT_EQ(tauDecayMode(lep, t2), 20);
  Jets j2 = oneJet(1.0f, 2.0f, 0.4f);
  matchJets(lep, j2);
  EXPECT_EQ(j2.truthPdgId[0], 0);
}

TEST(TruthMatcher, QuarkGluonAndPileupIgnored) {
  GenParticles g;
  const int glu = addGen(g, 21, kGenDecayed, 300, -1.0, 1.0, 0, -1);
  addGen(g, 1, kGenDecayed, 120, -1.05, 1.05, 0, glu);  // a splitting product: softer than its mother
  addGen(g, 2, kGenDecayed, 900, -1.0, 1.0, 0, -1, kGenFromPileup);
  addGen(g, 211, kGenFinal, 100, -1.0, 1.1, 0.1396, glu);
  addGen(g, 211, kGenFinal, 100, -1.1, 0.9, 0.1396, glu);
  Jets j = oneJet(-1.0f, 1.0f, 0.4f);
  matchJets(g, j);
  EXPECT_EQ(j.truthPdgId[0], 21);
  EXPECT_EQ(j.truthIndex[0], glu);
  EXPECT_GT(j.truthMass[0], 10.0f);  // visible mass of the two pions, 0.22 apart at 100 GeV each
  Jets far = oneJet(1.0f, -2.0f, 0.4f);
  matchJets(g, far);
  EXPECT_EQ(far.truthPdgId[0], 0);
  EXPECT_EQ(far.truthIndex[0], -1);
}

TEST(TruthMatcher, PhotonsElectronsAndMergedPhotons) {
  GenParticles g;
  addGen(g, 22, kGenFinal, 50, 0.5, 0.5, 0, -1);
  addGen(g, -11, kGenFinal, 50, -0.5, -0.5, 0.000511, -1);
  const int a = addGen(g, 36, kGenDecayed, 60, 1.0, 2.0, 0.8, -1);
  addGen(g, 22, kGenFinal, 35, 1.0, 2.005, 0, a);
  addGen(g, 22, kGenFinal, 25, 1.0, 1.995, 0, a);
  Photons p;
  p.resize(4);
  const float eta[] = {0.5f, -0.5f, 1.0f, -2.0f}, phi[] = {0.5f, -0.5f, 2.0f, 0.0f};
  for (std::size_t i = 0; i < 4; ++i) p.eta[i] = eta[i], p.phi[i] = phi[i];
  matchPhotons(g, p);
  EXPECT_EQ(p.truthPdgId[0], 22);
  EXPECT_EQ(p.truthPdgId[1], -11);
  EXPECT_EQ(p.truthPdgId[2], 36);
  EXPECT_EQ(p.truthIndex[2], a);
  EXPECT_NEAR(p.truthMass[2], 0.8f, 1e-3);
  EXPECT_EQ(p.truthPdgId[3], 0);
  EXPECT_EQ(p.truthIndex[3], -1);
}
