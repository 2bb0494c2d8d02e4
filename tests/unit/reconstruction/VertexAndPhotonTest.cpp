#include <gtest/gtest.h>

#include "RecoTestUtil.hpp"
#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/reconstruction/PhotonFinder.hpp"
#include "e2e/reconstruction/VertexFinder.hpp"

using namespace e2e;
using namespace e2e::reco;
using geo::EcalId;

TEST(VertexFinder, PrimaryIsTheLargestSumPt2) {
  Tracks t;
  for (int i = 0; i < 5; ++i) test::addTrack(t, 2.0f, 0.1f * i, 0.3f * i, 1, -3.0f + 0.01f * i);  // soft, 5 tracks
  for (int i = 0; i < 3; ++i) test::addTrack(t, 30.0f, -0.2f * i, 1.0f + i, -1, 1.0f + 0.02f * i);  // hard, 3 tracks
  test::addTrack(t, 50.0f, 0.0f, 0.0f, 1, 8.0f);  // alone: no vertex
  Vertices v;
  VertexScratch s;
  VertexFinder().produce(t, v, s);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_NEAR(v.z[0], 1.02f, 1e-3);
  EXPECT_EQ(v.nTracks[0], 3);
  EXPECT_NEAR(v.sumPt2[0], 3 * 900.0f, 1e-2);
  EXPECT_NEAR(v.z[1], -2.98f, 1e-3);
  EXPECT_FLOAT_EQ(primaryVertexZ(v), v.z[0]);
  Vertices empty, sim;
  sim.resize(1);
  sim.z[0] = 4.0f;
  EXPECT_FLOAT_EQ(primaryVertexZ(empty, &sim), 4.0f);
  EXPECT_FLOAT_EQ(primaryVertexZ(empty), 0.0f);
}

TEST(PhotonFinder, ClustersAroundTheHighestCrystalWithPhiWrap) {
  EcalHits hits;
  // Barrel shower at iphi 359 spreading over the wrap; 40 GeV seed.
  hits.add(EcalId::barrel(85, 359), 40.0f, 0);
  hits.add(EcalId::barrel(85, 0), 6.0f, 0);
  hits.add(EcalId::barrel(86, 358), 3.0f, 0);
  hits.add(EcalId::barrel(85, 4), 1.0f, 0);   // +5 in phi across the wrap: inside
  hits.add(EcalId::barrel(85, 6), 2.0f, 0);   // +7: outside the window, too soft to seed (1.0 GeV threshold ok, pT cut not)
  // Endcap photon.
  const auto ee = geo::eeCellAt(2.0, -1.0);
  ASSERT_TRUE(ee.has_value());
  hits.add(EcalId::endcap(ee->side, ee->ix, ee->iy), 60.0f, 0);
  hits.add(EcalId::endcap(ee->side, ee->ix + 1, ee->iy), 10.0f, 0);
  Photons out;
  PhotonScratch s;
  PhotonFinder().produce(hits, out, s);
  ASSERT_EQ(out.size(), 2u);
  // pT order: the barrel one (50 GeV at eta ~0) beats 70 GeV at eta ~2.
  EXPECT_EQ(out.seed[0], EcalId::barrel(85, 359));
  EXPECT_NEAR(out.energy[0], 50.0f, 1e-4);
  EXPECT_NEAR(out.phi[0], geo::kPi, 0.02);
  EXPECT_EQ(out.seed[1], EcalId::endcap(ee->side, ee->ix, ee->iy));
  EXPECT_NEAR(out.energy[1], 70.0f, 1e-4);
  EXPECT_NEAR(out.eta[1], 2.0f, 0.05);
  EXPECT_NEAR(out.pt[1], 70.0 / std::cosh(out.eta[1]), 1e-3);
  // The scratch map is reset: a second event sees none of the first one's crystals.
  EcalHits other;
  other.add(EcalId::barrel(10, 10), 30.0f, 0);
  PhotonFinder().produce(other, out, s);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NEAR(out.energy[0], 30.0f, 1e-5);
}
