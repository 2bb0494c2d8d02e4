// One event -> dataset rows: reconstruction, truth labels, selection and crops together, on hand-made events.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <numeric>

#include "e2e/dataformats/Labels.hpp"
#include "e2e/frames/EventSampler.hpp"
#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/geometry/HcalGeometry.hpp"
#include "e2e/io/EventFile.hpp"

using namespace e2e;
using namespace e2e::frames;

namespace {
struct Event {
  EcalHits ecal;
  HcalHits hcal;
  TrackerHits trackerHits;
  Tracks tracks;
  GenParticles gen;
  EventInput input() const { return {&ecal, &hcal, &trackerHits, &tracks, nullptr, &gen}; }
};

void addGen(GenParticles& g, int pdg, int status, double pt, double eta, double phi) {
  GenParticles::Row r;
  r.pdgId = pdg;
  r.status = static_cast<std::int16_t>(status);
  r.px = pt * std::cos(phi);
  r.py = pt * std::sin(phi);
  r.pz = pt * std::sinh(eta);
  r.e = std::sqrt(r.px * r.px + r.py * r.py + r.pz * r.pz);
  g.add(r);
}

void addTrack(Tracks& t, float pt, float eta, float phi) {
  t.pt.push_back(pt);
  t.eta.push_back(eta);
  t.phi.push_back(phi);
  t.charge.push_back(1);
  t.d0.push_back(0.001f);
  t.dz.push_back(0.0f);
  t.sigmaPt.push_back(0.01f);
  t.sigmaD0.push_back(0.001f);
  t.sigmaDz.push_back(0.01f);
  t.quality.push_back(1);
  t.vertex.push_back(0);
  t.particle.push_back(-1);
}

// An e/gamma shower: 60% in the centre crystal, the rest around it; electrons spread further along phi.
void addShower(Event& ev, double eta, double phi, double energy, bool electron) {
  const std::uint32_t seed = geo::ecalCellAt(eta, phi);
  const int ieta = geo::EcalId::ebIeta(seed), iphi = geo::EcalId::ebIphi(seed);
  ev.ecal.add(seed, static_cast<float>(0.6 * energy), 0.1f);
  const int spread = electron ? 4 : 1;
  for (int dp = -spread; dp <= spread; ++dp)
    for (int de = -1; de <= 1; ++de)
      if (dp || de) ev.ecal.add(geo::EcalId::barrel(ieta + de, (iphi + dp + 360) % 360), static_cast<float>(0.4 * energy / (3 * (2 * spread + 1) - 1)), 0.2f);
  addGen(ev.gen, electron ? 11 : 22, kGenFinal, energy / std::cosh(eta), eta, phi);
}

// A jet: tracks, ECAL and HCAL deposits around (eta, phi), and its parton.
void addJet(Event& ev, double eta, double phi, double pt, int parton) {
  addGen(ev.gen, parton, kGenDecayed, pt, eta, phi);
  for (int k = 0; k < 6; ++k) {
    const float de = 0.03f * static_cast<float>(k - 3), dp = 0.02f * static_cast<float>(k % 3 - 1);
    addTrack(ev.tracks, static_cast<float>(pt / 12), static_cast<float>(eta) + de, static_cast<float>(phi) + dp);
    ev.ecal.add(geo::ecalCellAt(eta + de, phi + dp + 0.05), static_cast<float>(pt / 24 * std::cosh(eta)), 0.0f);
  }
  const int ieta = geo::hcalIeta(eta);
  ev.hcal.add(static_cast<std::int16_t>(ieta), static_cast<std::int16_t>(geo::hcalIphi(ieta, phi)), 1,
              static_cast<float>(pt / 4 * std::cosh(eta)), 0.0f);
}
}  // namespace

TEST(EventSampler, PhotonsAndElectronsGetTheirLabelsAndCrops) {
  Event ev;
  addShower(ev, 0.3, 1.0, 60.0, false);
  addShower(ev, -0.5, -2.0, 40.0, true);
  SamplerConfig c;
  c.crop.channels = ChannelSet::parse("ecal,ecal_time");
  c.label = LabelRule::Electron;
  const EventSampler sampler(c);
  io::DatasetBatch out;
  SamplerScratch s;
  ASSERT_EQ(sampler.sample(ev.input(), out, s), 2u);
  ASSERT_EQ(out.rows(), 2u);
  // Highest pT first: the 60 GeV photon, then the electron.
  EXPECT_EQ(out.y, (std::vector<float>{0.0f, 1.0f}));
  EXPECT_NEAR(out.pt[0], 60.0 / std::cosh(0.3), 1.0);
  EXPECT_NEAR(out.eta[1], -0.5, 0.03);
  // Each crop holds its own shower, all of it, seed at (15, 15).
  const std::size_t plane = 32 * 32;
  const double e0 = std::accumulate(out.images.begin(), out.images.begin() + plane, 0.0);
  const double e1 = std::accumulate(out.images.begin() + 2 * plane, out.images.begin() + 3 * plane, 0.0);
  EXPECT_NEAR(e0, 60.0, 1e-3);
  EXPECT_NEAR(e1, 40.0, 1e-3);
  EXPECT_FLOAT_EQ(out.images[15 * 32 + 15], 36.0f);
  EXPECT_FLOAT_EQ(out.images[plane + 15 * 32 + 15], 0.1f);  // time of the seed
  // Only electrons, with the truth filter.
  c.requireTruth = {11};
  io::DatasetBatch only;
  EXPECT_EQ(EventSampler(c).sample(ev.input(), only, s), 1u);
  EXPECT_EQ(only.y, (std::vector<float>{1.0f}));
}

TEST(EventSampler, QuarkAndGluonJetsWithGraphs) {
  Event ev;
  addJet(ev, 0.2, 0.5, 150.0, 2);
  addJet(ev, -0.4, -2.5, 100.0, 21);
  addJet(ev, 1.5, 2.0, 60.0, 1);
  SamplerConfig c;
  c.objects = ObjectKind::Jets;
  c.crop.channels = ChannelSet::parse("trk_pt,ecal,hcal");
  c.crop.height = c.crop.width = 125;
  c.label = LabelRule::Quark;
  c.minPt = 30.0f;
  c.leading = 2;
  c.graphs = true;
  c.graph.maxNodes = 16;
  c.graph.k = 3;
  const EventSampler sampler(c);
  io::DatasetBatch out;
  SamplerScratch s;
  ASSERT_EQ(sampler.sample(ev.input(), out, s), 2u);
  EXPECT_EQ(out.y, (std::vector<float>{1.0f, 0.0f}));
  EXPECT_GT(out.pt[0], out.pt[1]);
  EXPECT_NEAR(out.eta[1], -0.4, 0.1);
  ASSERT_EQ(out.graphs.count(), 2);
  EXPECT_EQ(out.graphs.nodes(0), 13);  // 6 tracks + 6 ECAL crystals + 1 HCAL tower
  EXPECT_EQ(out.graphs.edgeBegin[1], 13 * 3);
  // The track pT channel of each crop holds that jet's tracks only.
  const std::size_t plane = 125 * 125;
  const double trk0 = std::accumulate(out.images.begin(), out.images.begin() + plane, 0.0);
  const double trk1 = std::accumulate(out.images.begin() + 3 * plane, out.images.begin() + 4 * plane, 0.0);
  EXPECT_NEAR(trk0, 150.0 / 2, 1e-3);
  EXPECT_NEAR(trk1, 100.0 / 2, 1e-3);
  EXPECT_EQ(out.images.size(), 2 * 3 * plane);
}

TEST(EventSampler, WritesAnEventFileForTheCommandLine) {
  // A small event file in the build tree for the CLI checks (tests/integration/frames.cmake uses it).
  const std::string path = std::string(E2E_BINARY_DIR) + "/frames_test_events.h5";
  io::EventWriter w(path, {"EventSamplerTest", "", ""}, true);
  for (int i = 0; i < 24; ++i) {
    Event ev;
    addShower(ev, -1.2 + 0.1 * i, -3.0 + 0.25 * i, 50.0, i % 2 == 1);
    addJet(ev, 0.8 - 0.07 * i, 0.1 + 0.25 * i, 120.0, i % 3 == 0 ? 21 : 1 + i % 5);
    w.put(labels::kEcalHits, ev.ecal);
    w.put(labels::kHcalHits, ev.hcal);
    w.put(labels::kTrackerHits, ev.trackerHits);
    w.put(labels::kTracks, ev.tracks);
    w.put(labels::kGen, ev.gen);
    w.endEvent();
  }
  w.close();
  EXPECT_TRUE(std::filesystem::exists(path));
}
