#include <gtest/gtest.h>

#include <cmath>

#include "e2e/core/Random.hpp"
#include "e2e/simulation/Helix.hpp"
#include "e2e/simulation/validation/ValidationStudies.hpp"

using namespace e2e::sim;

namespace {
TrackState fromPt(double pt, double eta, double phi, double mass = 0.13957) {
  const double pz = pt * std::sinh(eta);
  const double e = std::sqrt(pt * pt + pz * pz + mass * mass);
  return {0, 0, 0, pt * std::cos(phi), pt * std::sin(phi), pz, e, 0};
}
}  // namespace

TEST(Helix, PhiShiftAtEcalFaceIsSpecValue) {
  // SPEC: asin(0.3 B r / (2 pT)) = 0.074 rad at r = 1.29 m for 10 GeV; a positive charge bends to lower phi.
  const double expected = std::asin(0.3 * 3.8 * 1.29 / (2.0 * 10.0));
  EXPECT_NEAR(expected, 0.074, 0.0005);
  EXPECT_NEAR(validation::phiShiftAtEcal(10.0, +1.0), -expected, 2e-4);
  EXPECT_NEAR(validation::phiShiftAtEcal(10.0, -1.0), +expected, 2e-4);
  // Under one crystal (2 pi / 360) at 50 GeV.
  EXPECT_LT(std::abs(validation::phiShiftAtEcal(50.0, 1.0)), 2.0 * 3.14159265 / 360.0);
}

TEST(Helix, MinimumPtToReachTheEcal) {
  // 2 R >= 129 cm needs pT > 0.3 * 3.8 * 1.29 / 2 = 0.735 GeV.
  EXPECT_EQ(Helix(fromPt(0.73, 0.0, 0.3), 1.0, 3.8).pathToCylinder(129.0), kNoCrossing);
  EXPECT_NE(Helix(fromPt(0.74, 0.0, 0.3), 1.0, 3.8).pathToCylinder(129.0), kNoCrossing);
}

TEST(Helix, CrossingsLieOnTheSurfaces) {
  e2e::Rng rng(7);
  for (int i = 0; i < 200; ++i) {
    TrackState s = fromPt(rng.uniform(0.8, 50.0), rng.uniform(-1.5, 1.5), rng.uniform(-3.1, 3.1));
    s.x = rng.uniform(-1.0, 1.0);
    s.y = rng.uniform(-1.0, 1.0);
    s.z = rng.uniform(-5.0, 5.0);
    const double charge = rng.accept(0.5) ? 1.0 : -1.0;
    const Helix h(s, charge, 3.8);
    for (const double r : {10.0, 60.0, 120.0}) {
      const double path = h.pathToCylinder(r);
      ASSERT_NE(path, kNoCrossing);
      const TrackState at = h.at(path);
      EXPECT_NEAR(std::hypot(at.x, at.y), r, 1e-6);
      // Momentum magnitude and pz are conserved along the helix.
      EXPECT_NEAR(std::hypot(at.px, at.py), h.pt(), 1e-9);
      EXPECT_DOUBLE_EQ(at.pz, s.pz);
      // The first crossing: no earlier point of the helix is outside r (checked on a coarse scan).
      for (double f = 0.05; f < 1.0; f += 0.05) {
        const TrackState mid = h.at(path * f);
        EXPECT_LT(std::hypot(mid.x, mid.y), r + 1e-6);
      }
    }
    const double zPath = h.pathToPlane(s.pz > 0 ? 200.0 : -200.0);
    EXPECT_NEAR(std::abs(h.at(zPath).z), 200.0, 1e-6);
    EXPECT_EQ(h.pathToPlane(s.pz > 0 ? -200.0 : 200.0), kNoCrossing);
  }
}

TEST(Helix, StraightLineForNeutrals) {
  const TrackState s = fromPt(5.0, 0.5, 1.0, 0.0);
  const Helix h(s, 0.0, 3.8);
  EXPECT_EQ(h.curvature(), 0.0);
  const TrackState at = h.at(h.pathToCylinder(129.0));
  EXPECT_NEAR(std::atan2(at.y, at.x), 1.0, 1e-12);
  EXPECT_NEAR(std::asinh(at.z / std::hypot(at.x, at.y)), 0.5, 1e-12);
}

TEST(Helix, PerigeeRecoversTheImpactParameters) {
  // Build a track through a known point of closest approach, move 40 cm along it, and ask for the perigee back.
  for (const double charge : {-1.0, 1.0})
    for (const double d0 : {-0.05, 0.0, 0.02}) {
      const double phi = 0.7, pt = 3.0, z0 = 1.5;
      TrackState pca = fromPt(pt, 0.3, phi);
      // CMS dxy = -x sin(phi) + y cos(phi): the PCA sits at d0 along (-sin, cos).
      pca.x = -d0 * std::sin(phi);
      pca.y = d0 * std::cos(phi);
      pca.z = z0;
      const Helix forward(pca, charge, 3.8);
      const TrackState later = forward.at(40.0);
      const Perigee p = Helix(later, charge, 3.8).perigee();
      EXPECT_NEAR(p.d0, d0, 1e-7);
      EXPECT_NEAR(p.z0, z0, 1e-7);
      EXPECT_NEAR(p.phi, phi, 1e-9);
    }
}
