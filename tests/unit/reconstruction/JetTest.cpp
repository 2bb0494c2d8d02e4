#include <gtest/gtest.h>

#include "RecoTestUtil.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/geometry/HcalGeometry.hpp"
#include "e2e/reconstruction/JetFinder.hpp"
#include "e2e/reconstruction/ParticleFlow.hpp"

using namespace e2e;
using namespace e2e::reco;

TEST(ParticleFlow, TracksRemoveTheirMomentumFromTheirTower) {
  Tracks t;
  test::addTrack(t, 30.0f, 0.2f, 1.0f, 1, 0.0f);   // from the PV
  test::addTrack(t, 5.0f, -0.5f, -2.0f, 1, 5.0f);  // pileup vertex: not a candidate
  EcalHits ecal;
  // 50 GeV where the 30 GeV track lands (its phi at the ECAL face), none elsewhere.
  float phiCalo = 0;
  ASSERT_TRUE(phiAtEcal(30.0f, 1.0f, 1, phiCalo));
  EXPECT_LT(phiCalo, 1.0f);  // positive tracks turn to smaller phi
  ecal.add(geo::ecalCellAt(0.2, phiCalo), 50.0f, 0);
  HcalHits hcal;
  hcal.add(static_cast<std::int16_t>(geo::hcalIeta(-1.0)), static_cast<std::int16_t>(geo::hcalIphi(1, 2.5)), 1, 8.0f, 0);
  PFCandidates out;
  PFScratch s;
  ParticleFlow().produce(t, ecal, hcal, 0.0f, out, s);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out.source[0], 0);
  EXPECT_EQ(out.charge[0], 1);
  // Neutrals: 50 - 30 cosh(0.2) in the track's tower and the 8 GeV HCAL tower.
  double neutralE = 0;
  for (std::size_t i = 1; i < out.size(); ++i) neutralE += out.pt[i] * std::cosh(out.eta[i]);
  EXPECT_NEAR(neutralE, 50.0 - 30.0 * std::cosh(0.2) + 8.0, 0.05);
  EXPECT_FALSE(phiAtEcal(0.5f, 0.0f, 1, phiCalo));  // curls up inside the solenoid
}

TEST(JetFinder, AntiKtJetsWithCutsAndHottestTowerSeed) {
  PFCandidates c;
  // Jet 1 at (0.5, 1.0): 100 GeV in 3 particles; jet 2 at (-1.0, -2.0): 40 GeV; a soft one at eta 0 phi 3 (5 GeV);
  // a forward one at eta 2.8 (out of |eta| < 2.5).
  c.add(60, 0.5f, 1.0f, 0, 0, 0);
  c.add(30, 0.55f, 1.05f, 0.14f, 1, 1);
  c.add(10, 0.45f, 0.95f, 0.14f, -1, 2);
  c.add(40, -1.0f, -2.0f, 0, 0, 3);
  c.add(5, 0.0f, 3.0f, 0, 0, 4);
  c.add(80, 2.8f, 0.0f, 0, 0, 5);
  HcalHits hcal;
  // Hottest depth-1 tower two rings away from jet 1's axis; a hotter depth-2 tower right on it (ignored); and a
  // hot tower 5 rings away (outside the 7 x 7 window).
  const int axisIeta = geo::hcalIeta(0.5), axisIphi = geo::hcalIphi(axisIeta, 1.0);
  hcal.add(static_cast<std::int16_t>(axisIeta + 2), static_cast<std::int16_t>(axisIphi - 1), 1, 20.0f, 0);
  hcal.add(static_cast<std::int16_t>(axisIeta), static_cast<std::int16_t>(axisIphi), 2, 90.0f, 0);
  hcal.add(static_cast<std::int16_t>(axisIeta + 5), static_cast<std::int16_t>(axisIphi), 1, 99.0f, 0);
  Jets jets;
  JetScratch s;
  JetFinder(JetConfig{.radius = 0.4, .minPt = 20.0f, .maxAbsEta = 2.5f}).produce(c, hcal, jets, s);
  ASSERT_EQ(jets.size(), 2u);
  EXPECT_NEAR(jets.pt[0], 100.0f, 1.0f);
  EXPECT_NEAR(jets.eta[0], 0.5f, 0.02f);
  EXPECT_EQ(jets.nConstituents[0], 3);
  EXPECT_GT(jets.mass[0], 1.0f);
  EXPECT_FLOAT_EQ(jets.radius[0], 0.4f);
  EXPECT_EQ(jets.seedIeta[0], axisIeta + 2);
  EXPECT_EQ(jets.seedIphi[0], axisIphi - 1);
  // No HCAL near jet 2: the seed is the tower containing its axis.
  EXPECT_EQ(jets.seedIeta[1], geo::hcalIeta(-1.0));
  EXPECT_EQ(jets.seedIphi[1], geo::hcalIphi(geo::hcalIeta(-1.0), -2.0));
  // R = 0.8 merges nothing new here but is honoured.
  JetFinder(JetConfig{.radius = 0.8}).produce(c, hcal, jets, s);
  EXPECT_FLOAT_EQ(jets.radius[0], 0.8f);
  EXPECT_THROW(JetFinder(JetConfig{.radius = 0.0}), e2e::Error);
}
