// Reconstruction and crops on events from the project's detector simulation (not hand-made hits): single photons
// and electrons in the barrel and the endcap.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "e2e/frames/EventSampler.hpp"
#include "e2e/reconstruction/EcalFrameMap.hpp"
#include "e2e/simulation/DetectorSimulation.hpp"

using namespace e2e;
using namespace e2e::frames;

namespace {
const sim::DetectorSimulation& simulation() {
  static const sim::DetectorSimulation s;
  return s;
}

GenParticles gun(int pdg, double pt, double eta, double phi) {
  GenParticles g;
  GenParticles::Row r;
  r.pdgId = pdg;
  r.charge = pdg == 11 ? -1.0f : pdg == -11 ? 1.0f : 0.0f;
  r.px = pt * std::cos(phi);
  r.py = pt * std::sin(phi);
  r.pz = pt * std::sinh(eta);
  r.e = std::sqrt(r.px * r.px + r.py * r.py + r.pz * r.pz + (std::abs(pdg) == 11 ? 0.000511 * 0.000511 : 0.0));
  g.add(r);
  return g;
}

struct Result {
  std::size_t rows = 0;
  double cropEnergy = 0, phiSpread = 0;
  float y = -1, truthEta = 0;
};

// Simulates one gun event and makes its e/gamma rows; crop energy and the energy-weighted phi spread of row 0.
Result run(int pdg, double eta, double phi, std::uint64_t event) {
  const GenParticles g = gun(pdg, 50.0, eta, phi);
  sim::SimEvent ev;
  simulation().simulate(event, 1234, g, ev);
  SamplerConfig c;
  c.crop.channels = ChannelSet::parse("ecal");
  c.label = LabelRule::Electron;
  c.minPt = 20.0f;
  c.requireTruth = {11, 22};
  const EventSampler sampler(c);
  SamplerScratch s;
  io::DatasetBatch out;
  Result r;
  r.rows = sampler.sample({&ev.ecal, &ev.hcal, &ev.trackerHits, &ev.tracks, &ev.vertices, &g}, out, s);
  if (r.rows == 0) return r;
  r.y = out.y[0];
  r.truthEta = out.eta[0];
  double sw = 0, sx = 0, sxx = 0;
  for (int y = 0; y < 32; ++y)
    for (int x = 0; x < 32; ++x) {
      const double e = out.images[static_cast<std::size_t>(y * 32 + x)];
      r.cropEnergy += e;
      if (e <= 0) continue;
      sw += e;
      sx += e * x;
      sxx += e * x * x;
    }
  r.phiSpread = sw > 0 ? std::sqrt(std::max(0.0, sxx / sw - (sx / sw) * (sx / sw))) : 0;
  return r;
}
}  // namespace

TEST(SimulatedObjects, BarrelAndEndcapPhotonsAreFoundAndContained) {
  int found = 0;
  for (std::uint64_t i = 0; i < 10; ++i) {
    const double eta = i % 2 ? 2.1 : 0.4;  // EE and EB
    const Result r = run(22, eta, -2.0 + 0.3 * static_cast<double>(i), i);
    if (r.rows == 0) continue;  // converted early and lost: allowed, but rare
    ++found;
    EXPECT_EQ(r.y, 0.0f);
    EXPECT_NEAR(r.truthEta, eta, 0.05);
    // 50 GeV of pT: E = 50 cosh(eta); a 32 x 32 window holds nearly all of it.
    const double e = 50.0 * std::cosh(eta);
    EXPECT_GT(r.cropEnergy, 0.85 * e) << "event " << i << " eta " << eta;
    EXPECT_LT(r.cropEnergy, 1.10 * e) << "event " << i << " eta " << eta;
  }
  EXPECT_GE(found, 8);
}

TEST(SimulatedObjects, ElectronsAreLabelledAndWiderInPhiThanPhotons) {
  double photonSpread = 0, electronSpread = 0;
  int photons = 0, electrons = 0;
  for (std::uint64_t i = 0; i < 16; ++i) {
    const double eta = -1.0 + 0.12 * static_cast<double>(i), phi = 0.2 * static_cast<double>(i);
    const Result p = run(22, eta, phi, 100 + i), e = run(11, eta, phi, 200 + i);
    if (p.rows) photonSpread += p.phiSpread, ++photons;
    if (e.rows) {
      EXPECT_EQ(e.y, 1.0f);
      electronSpread += e.phiSpread, ++electrons;
    }
  }
  ASSERT_GE(photons, 12);
  ASSERT_GE(electrons, 12);
  EXPECT_GT(electronSpread / electrons, photonSpread / photons);
}
