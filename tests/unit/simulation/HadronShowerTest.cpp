#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "SimTestHelpers.hpp"
#include "e2e/core/Random.hpp"
#include "e2e/simulation/DetectorSimulation.hpp"
#include "e2e/simulation/HadronShower.hpp"
#include "e2e/simulation/validation/EcalWindows.hpp"
#include "e2e/simulation/validation/ValidationStudies.hpp"

using namespace e2e;
using namespace e2e::sim;

namespace {
struct Deposits {
  double ecal = 0, hcal = 0, hottestTowerShare = 0;
};
Deposits simulateOne(const DetectorSimulation& sim, std::int32_t pdg, double energy, std::uint64_t index) {
  Rng r(77, index, Stream::Misc);
  const GenParticles g = test::single(pdg, energy, r.uniform(-0.5, 0.5), r.uniform(-3.0, 3.0));
  SimEvent out;
  sim.simulate(index, 77, g, out);
  Deposits d;
  d.ecal = validation::totalEnergy(out.ecal);
  d.hcal = test::sum(out.hcal.energy);
  std::map<std::pair<int, int>, double> towers;
  for (std::size_t i = 0; i < out.hcal.size(); ++i) towers[{out.hcal.ieta[i], out.hcal.iphi[i]}] += out.hcal.energy[i];
  double best = 0.0;
  for (const auto& [k, e] : towers) best = std::max(best, e);
  d.hottestTowerShare = d.hcal > 0 ? best / d.hcal : 0.0;
  return d;
}
}  // namespace

TEST(HadronShower, PionResponseBelowElectronResponse) {
  for (const double e : {5.0, 20.0, 50.0}) {
    const auto pion = validation::caloResponse(211, e, 300, 31);
    const auto electron = validation::caloResponse(11, e, 150, 32);
    EXPECT_LT(pion.mean + 5 * pion.error, electron.mean) << e << " GeV";
    EXPECT_NEAR(pion.mean, HadronShower::response(e), 0.04) << e << " GeV";
    EXPECT_GT(electron.mean, 0.95);
  }
  // Non-compensation fades with energy.
  EXPECT_LT(HadronShower::response(2.0), HadronShower::response(20.0));
  EXPECT_LT(HadronShower::response(20.0), HadronShower::response(200.0));
  EXPECT_NEAR(HadronShower::resolution(100.0), std::hypot(0.0847, 0.074), 1e-9);
}

TEST(HadronShower, TwoThirdsOfPionsShowerInTheEcal) {
  const DetectorSimulation sim(test::quietConfig());
  int showered = 0, n = 0;
  double towerShare = 0.0;
  for (std::uint64_t i = 0; i < 600; ++i) {
    const Deposits d = simulateOne(sim, -211, 50.0, i);
    // A minimum-ionising crossing leaves ~0.3 GeV; a shower that starts in the crystals leaves more.
    if (d.ecal > 1.0) ++showered;
    towerShare += d.hottestTowerShare;
    ++n;
  }
  // 1 - exp(-1.1) = 67%, minus showers starting in the last few cm that leave < 1 GeV (59% in 2,000 events).
  EXPECT_NEAR(static_cast<double>(showered) / n, 0.60, 0.05);
  // Lateral spread of order one HCAL tower: the hottest tower holds most, not all.
  EXPECT_GT(towerShare / n, 0.45);
  EXPECT_LT(towerShare / n, 0.95);
}

TEST(HadronShower, NeutralHadronsShareThirtySeventy) {
  const DetectorSimulation sim(test::quietConfig());
  double ecal = 0, total = 0;
  for (std::uint64_t i = 0; i < 300; ++i) {
    const Deposits d = simulateOne(sim, 130, 50.0, i);
    ecal += d.ecal;
    total += d.ecal + d.hcal;
  }
  EXPECT_NEAR(ecal / total, HadronShower::kNeutralEcalShare, 0.03);
}

TEST(HadronShower, MuonsAreMinimumIonising) {
  const DetectorSimulation sim(test::quietConfig());
  double ecal = 0, hcal = 0;
  const int n = 300;
  for (std::uint64_t i = 0; i < n; ++i) {
    const Deposits d = simulateOne(sim, 13, 30.0, i);
    ecal += d.ecal;
    hcal += d.hcal;
  }
  EXPECT_NEAR(ecal / n, 0.3, 0.05);
  EXPECT_NEAR(hcal / n, 2.0, 0.3);
}

TEST(HadronShower, NeutrinosLeaveNothing) {
  const DetectorSimulation sim(test::quietConfig());
  SimEvent out;
  sim.simulate(0, 1, [] {
    GenParticles g;
    GenParticles::Row r;
    r.pdgId = 14;
    r.px = 30.0;
    r.e = 30.0;
    g.add(r);
    return g;
  }(), out);
  EXPECT_EQ(out.ecal.size(), 0u);
  EXPECT_EQ(out.hcal.size(), 0u);
  EXPECT_EQ(out.trackerHits.size(), 0u);
  EXPECT_EQ(out.tracks.size(), 0u);
}
