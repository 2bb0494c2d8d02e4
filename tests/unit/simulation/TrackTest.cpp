#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "SimTestHelpers.hpp"
#include "e2e/core/Random.hpp"
#include "e2e/geometry/TrackerGeometry.hpp"
#include "e2e/simulation/DetectorSimulation.hpp"
#include "e2e/simulation/TrackMaker.hpp"
#include "e2e/simulation/validation/ValidationStudies.hpp"

using namespace e2e;
using namespace e2e::sim;

namespace {
// Simulates `n` single pions (|eta| in [etaLo, etaHi)) and collects their tracks.
struct TrackSample {
  int generated = 0;
  std::vector<double> ptPull, d0;
};
TrackSample pions(double pt, double etaLo, double etaHi, int n, std::uint64_t seed) {
  const DetectorSimulation sim(test::quietConfig());
  SimEvent out;
  TrackSample s;
  for (int i = 0; i < n; ++i) {
    Rng r(seed, static_cast<std::uint64_t>(i), Stream::Misc);
    const double eta = r.uniform(etaLo, etaHi) * (r.accept(0.5) ? 1 : -1);
    const GenParticles g = test::single(211, pt * std::cosh(eta), eta, r.uniform(-3.1, 3.1));
    sim.simulate(static_cast<std::uint64_t>(i), seed, g, out);
    ++s.generated;
    for (std::size_t t = 0; t < out.tracks.size(); ++t) {
      EXPECT_EQ(out.tracks.particle[t], 0);
      s.ptPull.push_back(out.tracks.pt[t] / pt - 1.0);
      s.d0.push_back(out.tracks.d0[t]);
    }
  }
  return s;
}
}  // namespace

TEST(Tracks, EfficiencyPerSpec) {
  const auto barrel = pions(5.0, 0.0, 0.9, 1500, 41);
  const auto endcap = pions(5.0, 1.0, 2.4, 1500, 42);
  EXPECT_NEAR(static_cast<double>(barrel.ptPull.size()) / barrel.generated, 0.94, 0.02);
  EXPECT_NEAR(static_cast<double>(endcap.ptPull.size()) / endcap.generated, 0.85, 0.03);
  // Nothing beyond the tracker acceptance.
  EXPECT_TRUE(pions(5.0, 2.6, 2.9, 200, 43).ptPull.empty());
}

TEST(Tracks, ResolutionsAndMultipleScattering) {
  // sigma(pT)/pT ~ 1.5% at 100 GeV in the barrel.
  const auto high = pions(100.0, 0.0, 0.8, 800, 44);
  EXPECT_NEAR(validation::rms(high.ptPull), 0.015, 0.002);
  // d0 ~ 10 um at high pT, growing as 1/pT at low pT.
  const auto low = pions(1.0, 0.0, 0.8, 800, 45);
  const double rmsHigh = validation::rms(high.d0), rmsLow = validation::rms(low.d0);
  EXPECT_LT(rmsHigh, 0.0015);
  EXPECT_GT(rmsLow, 6.0 * rmsHigh);
  EXPECT_GT(TrackMaker::resolution(1.0, 0.0).dz, 3.0 * TrackMaker::resolution(50.0, 0.0).dz);
}

TEST(Tracks, TauDaughtersAreVisiblyDisplaced) {
  const auto d = validation::tauVersusPromptD0(600, 46);
  ASSERT_GT(d.tau.size(), 450u);
  ASSERT_GT(d.prompt.size(), 450u);
  EXPECT_GT(validation::rms(d.tau), 3.0 * validation::rms(d.prompt));
  auto beyond = [](const std::vector<double>& v, double cut) {
    return static_cast<double>(std::count_if(v.begin(), v.end(), [cut](double x) { return std::abs(x) > cut; })) / v.size();
  };
  EXPECT_GT(beyond(d.tau, 0.005), 5.0 * beyond(d.prompt, 0.005));
}

TEST(TrackerHits, LayersReachedAndMissed) {
  const DetectorSimulation sim(test::quietConfig(false));
  SimEvent out;
  // A stiff pion at eta 0 crosses all 14 barrel layers (hit efficiency ~98-99% each).
  int total = 0;
  for (std::uint64_t i = 0; i < 50; ++i) {
    sim.simulate(i, 3, test::single(211, 10.0, 0.0, 0.5), out);
    total += static_cast<int>(out.trackerHits.size());
    for (std::size_t h = 0; h < out.trackerHits.size(); ++h) {
      const auto& layer = geo::trackerLayer(static_cast<TrackerSubdet>(out.trackerHits.subdet[h]), out.trackerHits.layer[h]);
      EXPECT_NEAR(std::hypot(out.trackerHits.x[h], out.trackerHits.y[h]), layer.radius, 5 * layer.sigmaRPhi + 1e-4);
      EXPECT_LE(std::abs(out.trackerHits.z[h]), layer.halfLength);
    }
  }
  EXPECT_GT(total, 50 * 13);
  EXPECT_LE(total, 50 * 14);
  // A 0.5 GeV pion curls with 2R = 88 cm: no hits in TOB5 (96.5 cm) and TOB6 (108 cm).
  std::set<int> layers;
  for (std::uint64_t i = 0; i < 50; ++i) {
    sim.simulate(100 + i, 3, test::single(211, std::hypot(0.5, 0.1396), 0.0, 0.5), out);
    for (std::size_t h = 0; h < out.trackerHits.size(); ++h)
      if (out.trackerHits.subdet[h] == static_cast<std::uint8_t>(TrackerSubdet::TOB)) layers.insert(out.trackerHits.layer[h]);
  }
  EXPECT_TRUE(layers.count(4));
  EXPECT_FALSE(layers.count(5));
  EXPECT_FALSE(layers.count(6));
  // At |eta| 2.5 only the first pixel layer is long enough.
  sim.simulate(200, 3, test::single(211, 10.0 * std::cosh(2.5), 2.5, 0.5), out);
  for (std::size_t h = 0; h < out.trackerHits.size(); ++h) {
    EXPECT_EQ(out.trackerHits.subdet[h], static_cast<std::uint8_t>(TrackerSubdet::BPIX));
    EXPECT_EQ(out.trackerHits.layer[h], 1);
  }
}

TEST(Vertices, PrimaryAndPileupFromTracks) {
  GenParticles g;
  Rng r(9);
  for (int i = 0; i < 25; ++i)  // hard interaction at z = 1 cm, harder tracks
    validation::addGunParticle(g, {211, r.uniform(5.0, 20.0), r.uniform(-1.0, 1.0), r.uniform(-3.1, 3.1), 0.0, 0.0, 1.0});
  const std::size_t firstPileup = g.size();
  for (int i = 0; i < 25; ++i)  // pileup at z = -3 cm, soft
    validation::addGunParticle(g, {-211, r.uniform(1.0, 2.0), r.uniform(-1.0, 1.0), r.uniform(-3.1, 3.1), 0.0, 0.0, -3.0});
  for (std::size_t i = firstPileup; i < g.size(); ++i) g.flags[i] = kGenFromPileup;
  const DetectorSimulation sim(test::quietConfig());
  SimEvent out;
  sim.simulate(0, 5, g, out);
  ASSERT_EQ(out.vertices.size(), 2u);
  EXPECT_NEAR(out.vertices.z[0], 1.0, 0.01);
  EXPECT_EQ(out.vertices.isPileup[0], 0);
  EXPECT_NEAR(out.vertices.z[1], -3.0, 0.01);
  EXPECT_EQ(out.vertices.isPileup[1], 1);
  EXPECT_GT(out.vertices.sumPt2[0], out.vertices.sumPt2[1]);
  int associated = 0;
  for (std::size_t t = 0; t < out.tracks.size(); ++t) {
    const bool pileup = static_cast<std::size_t>(out.tracks.particle[t]) >= firstPileup;
    EXPECT_EQ(out.tracks.vertex[t], pileup ? 1 : 0);
    associated += out.tracks.vertex[t] >= 0;
  }
  EXPECT_EQ(associated, out.vertices.nTracks[0] + out.vertices.nTracks[1]);
}
