#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "SimTestHelpers.hpp"
#include "e2e/core/Random.hpp"
#include "e2e/simulation/Helix.hpp"
#include "e2e/simulation/MaterialBudget.hpp"
#include "e2e/simulation/Transport.hpp"
#include "e2e/simulation/validation/ValidationStudies.hpp"

using namespace e2e;
using namespace e2e::sim;

TEST(Material, BudgetFollowsSpec) {
  const MaterialBudget m;
  EXPECT_NEAR(m.total(0.0), 0.4, 0.02);               // ~0.4 X0 at eta 0
  EXPECT_NEAR(m.total(1.4), 2.0, 0.1);                // ~2 X0 near |eta| 1.4
  EXPECT_LT(m.total(2.5), m.total(1.4));              // then falling
  EXPECT_DOUBLE_EQ(m.total(-1.1), m.total(1.1));
  for (double eta = 0.0; eta < 1.4; eta += 0.1) EXPECT_LE(m.total(eta), m.total(eta + 0.1) + 1e-12);
  EXPECT_NEAR(MaterialBudget(2.0).total(0.7), 2.0 * m.total(0.7), 1e-12);
}

TEST(Material, StraightLineCollectsTheBudget) {
  // A line from the origin crosses every shell once (barrel cylinders or end caps) and picks up t(eta).
  const MaterialBudget m;
  for (const auto set : {m.shells(), m.stations()}) {
    double weights = 0.0;
    for (const auto& s : set) weights += s.weight;
    EXPECT_NEAR(weights, 1.0, 1e-12);
    for (const double eta : {0.05, 0.8, 1.45, 2.2, -2.7}) {
      const double phi = 0.4;
      const double ux = std::cos(phi) / std::cosh(eta), uy = std::sin(phi) / std::cosh(eta), uz = std::tanh(eta);
      const Helix line({0, 0, 0, ux, uy, uz, 1.0, 0}, 0.0, 3.8);
      double collected = 0.0;
      for (const auto& s : set) {
        const double path = std::min(line.pathToCylinder(s.radius), std::min(line.pathToPlane(s.halfLength), line.pathToPlane(-s.halfLength)));
        const TrackState at = line.at(path);
        collected += m.thickness(s, at.x, at.y, at.z, ux, uy, uz);
      }
      // The transport reads t from a table in cos(theta): 1e-3 relative at the kinks of t(eta).
      EXPECT_NEAR(collected, m.total(eta), 1e-3 * m.total(eta)) << "eta " << eta;
    }
  }
}

TEST(Material, ObliqueCrossingsSeeMore) {
  const MaterialBudget m;
  const auto& s = m.shells()[6];
  const double radial = m.thickness(s, s.radius, 0.0, 0.0, 1.0, 0.0, 0.0);
  const double oblique = m.thickness(s, s.radius, 0.0, 0.0, 0.5, std::sqrt(0.75), 0.0);
  EXPECT_NEAR(oblique / radial, 2.0, 1e-9);
}

TEST(Material, UnconvertedPhotonsNearEtaZero) {
  // SPEC: 1 - exp(-7/9 t) = 27% converted at 0.4 X0, so ~73% reach the ECAL unconverted near eta 0.
  const auto f = validation::conversionFraction(0.0, 0.1, 6000, 11);
  const double expected = 1.0 - std::exp(-7.0 / 9.0 * MaterialBudget().total(0.05));
  EXPECT_NEAR(expected, 0.27, 0.01);
  EXPECT_NEAR(f.mean, expected, 3.5 * f.error);
  // Conversions rise with |eta| up to the barrel edge.
  const auto mid = validation::conversionFraction(0.6, 0.8, 3000, 12);
  const auto edge = validation::conversionFraction(1.3, 1.45, 3000, 13);
  EXPECT_GT(mid.mean, f.mean + 5 * mid.error);
  EXPECT_GT(edge.mean, mid.mean + 5 * edge.error);
  EXPECT_NEAR(edge.mean, 1.0 - std::exp(-7.0 / 9.0 * 1.9), 0.04);
}

TEST(Material, ElectronsLoseTheBetheHeitlerFraction) {
  // Mean energy lost to bremsstrahlung over t X0 is 1 - exp(-t): 33% at eta 0.
  const SimulationConfig c;
  const MaterialBudget m;
  const Transport transport(c, m);
  TrackerHits hits;
  std::vector<SimParticle> stack;
  double lost = 0.0;
  int n = 0;
  for (int i = 0; i < 3000; ++i) {
    Rng r(5, static_cast<std::uint64_t>(i), Stream::Simulation);
    const GenParticles g = test::single(11, 50.0, r.uniform(-0.05, 0.05), r.uniform(-3.0, 3.0));
    stack.clear();
    ShowerStart start;
    int pixel = 0;
    if (!transport.toCalorimeter(test::simParticle(g, 0, Species::Electron), r, hits, stack, start, pixel)) continue;
    lost += 1.0 - start.energy / 50.0;
    ++n;
    // Energy is conserved between the electron and the photons it radiated.
    double radiated = 0.0;
    for (const auto& p : stack) radiated += p.state.energy;
    EXPECT_NEAR(start.energy + radiated, 50.0, 1e-6);
  }
  ASSERT_GT(n, 2900);
  EXPECT_NEAR(lost / n, 1.0 - std::exp(-m.total(0.0)), 0.02);
}
