#include <gtest/gtest.h>

#include <cmath>

#include "SimTestHelpers.hpp"
#include "e2e/core/Random.hpp"
#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/simulation/DetectorSimulation.hpp"
#include "e2e/simulation/GrindhammerPeters.hpp"
#include "e2e/simulation/LateralTable.hpp"
#include "e2e/simulation/validation/EcalWindows.hpp"
#include "e2e/simulation/validation/ValidationStudies.hpp"

using namespace e2e;
using namespace e2e::sim;

TEST(EmShower, ContainmentAtCrystalCentres) {
  // SPEC: 0.78 / 0.94 / 0.97 of a 50 GeV photon in the 1x1 / 3x3 / 5x5 crystals (+- 0.02).
  const auto c = validation::photonContainment(400, 21);
  EXPECT_NEAR(c.c1.mean, 0.78, 0.02);
  EXPECT_NEAR(c.c3.mean, 0.94, 0.02);
  EXPECT_NEAR(c.c5.mean, 0.97, 0.02);
  EXPECT_LT(c.c1.error, 0.002);
  // Nested windows: every event.
  for (std::size_t i = 0; i < c.e1.size(); ++i) {
    EXPECT_LE(c.e1[i], c.e3[i]);
    EXPECT_LE(c.e3[i], c.e5[i]);
  }
  // The same holds at 10 and 100 GeV (SPEC: 10-100 GeV).
  for (const double e : {10.0, 100.0}) {
    const auto ce = validation::photonContainment(200, 22, ShowerMode::Integrated, e);
    EXPECT_NEAR(ce.c1.mean, 0.78, 0.02) << e;
    EXPECT_NEAR(ce.c3.mean, 0.94, 0.02) << e;
    EXPECT_NEAR(ce.c5.mean, 0.97, 0.02) << e;
  }
}

TEST(EmShower, SpotModeAgreesWithIntegratedMode) {
  const auto spots = validation::photonContainment(60, 23, ShowerMode::Spots);
  const auto integrated = validation::photonContainment(400, 23, ShowerMode::Integrated);
  EXPECT_NEAR(spots.c1.mean, integrated.c1.mean, 0.01);
  EXPECT_NEAR(spots.c3.mean, integrated.c3.mean, 0.005);
  EXPECT_NEAR(spots.c5.mean, integrated.c5.mean, 0.005);
}

TEST(EmShower, ResolutionFollowsSpecFormula) {
  // SPEC: 2.8%/sqrt(E) (+) 0.12 GeV/E (+) 0.3% for the 3x3 sum; within 10% at 10, 50, 100 GeV.
  for (const double e : {10.0, 50.0, 100.0}) {
    const auto r = validation::ecalResolution(e, 2500, 24);
    EXPECT_NEAR(r.sigma / r.spec, 1.0, 0.10) << e << " GeV: " << r.sigma << " vs " << r.spec;
    EXPECT_NEAR(r.mean / e, 0.94, 0.02);
  }
}

TEST(EmShower, LittleLeaksOutOfTheBack) {
  // SPEC: < 0.5% leaks out of the 25.8 X0 crystals (10-100 GeV, mean shower).
  for (const double e : {10.0, 50.0}) {
    const auto s = GrindhammerPeters::meanShape(e);
    EXPECT_LT(upperIncompleteGamma(s.alpha, s.beta * EmShower::kCrystalDepthX0), 0.005);
  }
  // The incomplete gamma against a case with a closed form: Q(2, x) = (1 + x) e^-x.
  EXPECT_NEAR(upperIncompleteGamma(2.0, 3.0), 4.0 * std::exp(-3.0), 1e-10);
  EXPECT_NEAR(upperIncompleteGamma(2.0, 0.5), 1.5 * std::exp(-0.5), 1e-10);
}

TEST(EmShower, TableMatchesClosedFormIntegrals) {
  // One radial term through the interpolated table against the exact rectangle integral of every crystal.
  // Narrow cores next to a crystal edge are the hardest case (the share changes over the core radius).
  Rng rng(3);
  double worst = 0.0, worstWide = 0.0, sumSq = 0.0;
  int cells = 0;
  for (int i = 0; i < 300; ++i) {
    const double radius = std::exp(rng.uniform(std::log(0.03), std::log(5.0)));
    const double ox = rng.uniform(-0.5, 0.5), oy = rng.uniform(-0.5, 0.5);
    LateralSum sum;
    sum.add(radius, 1.0);
    std::array<float, LateralTable::kCells> frac{};
    sum.evaluate(ox, oy, frac);
    for (int j = 0; j < LateralTable::kSide; ++j)
      for (int k = 0; k < LateralTable::kSide; ++k) {
        const double x0 = k - LateralTable::kHalf - 0.5 - ox, y0 = j - LateralTable::kHalf - 0.5 - oy;
        const double exact = LateralTable::rectangle(x0, x0 + 1.0, y0, y0 + 1.0, radius);
        const double d = std::abs(exact - frac[static_cast<std::size_t>(j * LateralTable::kSide + k)]);
        worst = std::max(worst, d);
        if (radius > 0.2) worstWide = std::max(worstWide, d);
        sumSq += d * d;
        ++cells;
      }
  }
  EXPECT_LT(worst, 0.025);
  EXPECT_LT(worstWide, 0.005);
  EXPECT_LT(std::sqrt(sumSq / cells), 5e-4);
  // The closed form integrates to one over the plane.
  EXPECT_NEAR(LateralTable::rectangle(-1e7, 1e7, -1e7, 1e7, 0.7), 1.0, 1e-6);
}

TEST(EmShower, EnergyAndTimeOfAPhotonInTheBarrelAndTheEndcap) {
  const DetectorSimulation sim(test::quietConfig(false));
  SimEvent out;
  // Barrel: the crystals keep the energy minus the far tail and the leakage; time of flight 129 cm / c.
  const GenParticles eb = test::single(22, 50.0, 0.3, 1.0);
  sim.simulate(0, 1, eb, out);
  const double sumEb = validation::totalEnergy(out.ecal);
  EXPECT_GT(sumEb, 0.97 * 50.0);
  EXPECT_LT(sumEb, 50.0);
  const int seed = validation::hottestHit(out.ecal);
  ASSERT_GE(seed, 0);
  const auto id = out.ecal.id[static_cast<std::size_t>(seed)];
  EXPECT_FALSE(geo::EcalId::isEndcap(id));
  EXPECT_EQ(geo::EcalId::ebIeta(id), geo::ebRow(0.3));
  EXPECT_EQ(geo::EcalId::ebIphi(id), geo::phiColumn(1.0));
  const double tof = 129.0 * std::cosh(0.3) / 29.9792458;
  EXPECT_GT(out.ecal.time[static_cast<std::size_t>(seed)], tof);
  EXPECT_LT(out.ecal.time[static_cast<std::size_t>(seed)], tof + 0.6);
  // Endcap: all hits in EE+, seed at the crystal the line points to.
  const GenParticles ee = test::single(22, 80.0, 2.1, -2.0);
  sim.simulate(1, 1, ee, out);
  EXPECT_GT(validation::totalEnergy(out.ecal), 0.95 * 80.0);
  for (const auto h : out.ecal.id) {
    EXPECT_TRUE(geo::EcalId::isEndcap(h));
    EXPECT_EQ(geo::EcalId::eeSide(h), 1);
  }
  const auto cell = geo::eeCellAt(2.1, -2.0);
  ASSERT_TRUE(cell.has_value());
  const auto eeSeed = out.ecal.id[static_cast<std::size_t>(validation::hottestHit(out.ecal))];
  EXPECT_EQ(geo::EcalId::eeIx(eeSeed), cell->ix);
  EXPECT_EQ(geo::EcalId::eeIy(eeSeed), cell->iy);
}
