#include <gtest/gtest.h>

#include <tbb/global_control.h>

#include <cmath>
#include <vector>

#include "SimTestHelpers.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/core/Random.hpp"
#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/simulation/DetectorSimulation.hpp"
#include "e2e/simulation/SimulateBlock.hpp"
#include "e2e/simulation/validation/EcalWindows.hpp"
#include "e2e/simulation/validation/ValidationStudies.hpp"

using namespace e2e;
using namespace e2e::sim;

namespace {

// A busy event touching every code path: photons, electrons, muons, charged and neutral hadrons, an undecayed
// pi0, a displaced pion, in the barrel and both endcaps.
GenParticles busyEvent(std::uint64_t seed) {
  GenParticles g;
  Rng r(seed);
  const std::int32_t pdgs[] = {22, 11, -11, 13, 211, -211, 321, 2212, 130, 2112, 111};
  for (int i = 0; i < 120; ++i) {
    const std::int32_t pdg = pdgs[r.below(std::size(pdgs))];
    const double eta = r.uniform(-2.8, 2.8), pt = std::exp(r.uniform(std::log(0.3), std::log(80.0)));
    validation::addGunParticle(g, {pdg, std::hypot(pt * std::cosh(eta), validation::gunMass(pdg)), eta, r.uniform(-3.1, 3.1),
                                   r.uniform(-0.01, 0.01), r.uniform(-0.01, 0.01), r.uniform(-5.0, 5.0)});
  }
  validation::addGunParticle(g, {211, 20.0, 0.4, 1.0, 3.0, 2.0, 1.0});
  return g;
}

bool same(const SimEvent& a, const SimEvent& b) {
  return a.ecal == b.ecal && a.hcal == b.hcal && a.trackerHits == b.trackerHits && a.tracks == b.tracks && a.vertices == b.vertices;
}

}  // namespace

TEST(DetectorSimulation, ReproduciblePerSeedAndIndex) {
  const DetectorSimulation sim;
  const GenParticles g = busyEvent(1);
  SimEvent a, b, c;
  sim.simulate(7, 100, g, a);
  sim.simulate(3, 100, busyEvent(2), b);  // something else in between
  sim.simulate(7, 100, g, b);
  EXPECT_TRUE(same(a, b));
  sim.simulate(8, 100, g, c);
  EXPECT_FALSE(same(a, c));
  sim.simulate(7, 101, g, c);
  EXPECT_FALSE(same(a, c));
  // Plausible content.
  EXPECT_GT(a.ecal.size(), 100u);
  EXPECT_GT(a.hcal.size(), 20u);
  EXPECT_GT(a.trackerHits.size(), 100u);
  EXPECT_GT(a.tracks.size(), 10u);
  EXPECT_GE(a.vertices.size(), 1u);
  EXPECT_TRUE(a.ecal.consistent() && a.hcal.consistent() && a.tracks.consistent());
}

TEST(DetectorSimulation, SameResultForAnyThreadCount) {
  const DetectorSimulation sim;
  std::vector<GenParticles> gen;
  std::vector<std::uint64_t> index;
  for (std::uint64_t i = 0; i < 12; ++i) {
    gen.push_back(busyEvent(10 + i));
    index.push_back(1000 + i);
  }
  std::vector<SimEvent> one(gen.size()), many(gen.size());
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    simulateBlock(sim, 5, index, gen, one);
  }
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 4);
    simulateBlock(sim, 5, index, gen, many);
  }
  for (std::size_t i = 0; i < gen.size(); ++i) EXPECT_TRUE(same(one[i], many[i])) << "event " << i;
  // And the same as simulating the events one by one in reverse order.
  SimEvent single;
  for (std::size_t i = gen.size(); i-- > 0;) {
    sim.simulate(index[i], 5, gen[i], single);
    EXPECT_TRUE(same(single, one[i])) << "event " << i;
  }
}

TEST(DetectorSimulation, NoiseHitsAndZeroSuppression) {
  const DetectorSimulation sim;
  const GenParticles empty;
  SimEvent out;
  double ecal = 0, hcal = 0;
  const int n = 60;
  for (int i = 0; i < n; ++i) {
    sim.simulate(static_cast<std::uint64_t>(i), 9, empty, out);
    ecal += static_cast<double>(out.ecal.size());
    hcal += static_cast<double>(out.hcal.size());
    for (std::size_t h = 0; h < out.ecal.size(); ++h) {
      const double sigma = geo::EcalId::isEndcap(out.ecal.id[h]) ? 0.150 : 0.040;
      EXPECT_GT(out.ecal.energy[h], 3.0 * sigma);
    }
    for (const float e : out.hcal.energy) EXPECT_GT(e, 3.0 * 0.2);
  }
  // Noise-only cells: Poisson with mean (crystals x P(> 3 sigma)).
  const double expected = sim.digitizer().expectedEcalNoiseHits();
  EXPECT_NEAR(expected, (61200 + 2 * ecalcell::endcapCrystalsPerSide()) * 0.0013499, 1.0);
  EXPECT_NEAR(ecal / n, expected, 5.0 * std::sqrt(expected / n));
  EXPECT_NEAR(hcal / n, sim.digitizer().expectedHcalNoiseHits(), 5.0 * std::sqrt(sim.digitizer().expectedHcalNoiseHits() / n) + 0.5);
  // Without noise, an empty event is empty.
  const DetectorSimulation quiet(test::quietConfig());
  quiet.simulate(0, 9, empty, out);
  EXPECT_EQ(out.ecal.size() + out.hcal.size(), 0u);
}

TEST(DetectorSimulation, UndecayedPi0BecomesTwoPhotons) {
  const DetectorSimulation sim(test::quietConfig(false));
  SimEvent out;
  sim.simulate(0, 2, test::single(111, 20.0, 0.2, 0.0), out);
  EXPECT_NEAR(validation::totalEnergy(out.ecal), 20.0, 0.6);
}

TEST(DetectorSimulation, ElectronsAreWiderInPhiThanPhotons) {
  const auto w = validation::electronPhotonPhiWidth(400, 51);
  ASSERT_GT(w.electron.size(), 380u);
  ASSERT_GT(w.photon.size(), 380u);
  EXPECT_GT(validation::meanOf(w.electron).mean, validation::meanOf(w.photon).mean);
  EXPECT_GT(w.auc, 0.58);
  EXPECT_LT(w.auc, 0.9);
  // The AUC helper itself on known inputs.
  EXPECT_DOUBLE_EQ(validation::rocAuc({2.0, 3.0}, {1.0, 0.0}), 1.0);
  EXPECT_DOUBLE_EQ(validation::rocAuc({1.0}, {1.0}), 0.5);
}

TEST(DetectorSimulation, ConfigErrorsNameTheField) {
  SimulationConfig c;
  c.ebNoise = -1.0;
  try {
    DetectorSimulation sim(c);
    FAIL() << "negative noise accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("ebNoise"), std::string::npos);
  }
  EXPECT_THROW(parseShowerMode("fast"), Error);
  EXPECT_EQ(parseShowerMode("spots"), ShowerMode::Spots);
  EXPECT_NE(SimulationConfig().describe().find("simulation.zeroSuppressionSigmas = 3"), std::string::npos);
}
