// What each channel holds: track rules, tracker layers, ECAL time, scales.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "e2e/frames/Cropper.hpp"
#include "e2e/frames/SyntheticEvent.hpp"
#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/geometry/TrackerGeometry.hpp"

using namespace e2e;
using namespace e2e::frames;

namespace {
void addTrack(Tracks& t, float pt, float eta, float phi, float d0, float dz) {
  t.pt.push_back(pt);
  t.eta.push_back(eta);
  t.phi.push_back(phi);
  t.charge.push_back(1);
  t.d0.push_back(d0);
  t.dz.push_back(dz);
  t.sigmaPt.push_back(0);
  t.sigmaD0.push_back(0);
  t.sigmaDz.push_back(0);
  t.quality.push_back(1);
  t.vertex.push_back(0);
  t.particle.push_back(-1);
}

Frames frame(const SyntheticEvent& ev, const char* channels, const char* scales = "") {
  Frames f;
  CropScratch s;
  FrameMaker(ChannelSet::parse(channels, scales)).produce(ev.view(), f, s);
  return f;
}

float cell(const Frames& f, int ch, int row, int col) {
  return f.data[static_cast<std::size_t>((ch * f.height + row) * f.width + col)];
}

double sum(const Frames& f, int ch) {
  const auto n = static_cast<std::size_t>(f.height * f.width);
  return std::accumulate(f.data.begin() + static_cast<std::ptrdiff_t>(ch * n), f.data.begin() + static_cast<std::ptrdiff_t>((ch + 1) * n), 0.0);
}
}  // namespace

TEST(Channels, TrackD0AndDzKeepOnlyTracksNearThePrimaryVertex) {
  SyntheticEvent ev;
  ev.pvZ = 2.0f;
  addTrack(ev.tracks, 10, 0.3f, 1.0f, 0.02f, 2.05f);   // dz to PV 0.05: kept
  addTrack(ev.tracks, 20, -0.3f, -1.0f, 0.03f, 2.25f); // dz to PV 0.25: pT only
  const Frames f = frame(ev, "trk_pt,trk_d0,trk_dz");
  EXPECT_NEAR(sum(f, 0), 30.0, 1e-5);
  EXPECT_NEAR(sum(f, 1), 0.02, 1e-7);
  EXPECT_NEAR(sum(f, 2), 0.05, 1e-6);
  const int row = geo::frameRow(0.3), col = geo::phiColumn(1.0);
  EXPECT_FLOAT_EQ(cell(f, 0, row, col), 10.0f);
  EXPECT_FLOAT_EQ(cell(f, 1, row, col), 0.02f);
}

TEST(Channels, TrackerLayersGoToTheirOwnChannel) {
  SyntheticEvent ev;
  ev.generate(SyntheticOccupancy{.hitsPerLayer = 25}, 1, 0);
  const Frames f = frame(ev, "bpix1,bpix4,tib2,tob1");
  // Each layer has 25 hits, all inside |eta| < 3: exactly 25 counts per channel, no hits of other layers.
  for (int ch = 0; ch < 4; ++ch) EXPECT_DOUBLE_EQ(sum(f, ch), 25.0) << ch;
  // A single BPIX1 hit lands in bpix1 only, at its direction from the origin.
  SyntheticEvent one;
  const double r = geo::trackerLayer(TrackerSubdet::BPIX, 1).radius, phi = 0.5, z = 3.0;
  one.trackerHits.add(TrackerSubdet::BPIX, 1, static_cast<float>(r * std::cos(phi)), static_cast<float>(r * std::sin(phi)), static_cast<float>(z), -1);
  const Frames g = frame(one, "bpix2,bpix1");
  EXPECT_DOUBLE_EQ(sum(g, 0), 0.0);
  EXPECT_FLOAT_EQ(cell(g, 1, geo::frameRow(std::asinh(z / r)), geo::phiColumn(phi)), 1.0f);
}

TEST(Channels, EcalTimeIsEnergyWeighted) {
  SyntheticEvent ev;
  // Two EE crystals that share one frame cell (searched for: where EE crystals are finer than the frame rows).
  std::uint32_t a = 0, b = 0;
  for (int ix = 0; ix < geo::kEEGrid && !b; ++ix)
    for (int iy = 0; iy + 1 < geo::kEEGrid && !b; ++iy) {
      if (!geo::eeCellExists(ix, iy) || !geo::eeCellExists(ix, iy + 1)) continue;
      const auto p = geo::ecalFramePos(geo::EcalId::endcap(1, ix, iy)), q = geo::ecalFramePos(geo::EcalId::endcap(1, ix, iy + 1));
      if (p.row == q.row && p.col == q.col) {
        a = geo::EcalId::endcap(1, ix, iy);
        b = geo::EcalId::endcap(1, ix, iy + 1);
      }
    }
  ASSERT_NE(b, 0u) << "no two EE crystals share a frame cell";
  const auto pa = geo::ecalFramePos(a);
  ev.ecal.add(a, 3.0f, 1.0f);
  ev.ecal.add(b, 1.0f, 5.0f);
  ev.ecal.add(geo::EcalId::barrel(50, 50), 2.0f, -0.5f);
  const Frames f = frame(ev, "ecal,ecal_time", "1,2");
  EXPECT_FLOAT_EQ(cell(f, 0, pa.row, pa.col), 4.0f);
  EXPECT_FLOAT_EQ(cell(f, 1, pa.row, pa.col), 2.0f * (3.0f * 1.0f + 1.0f * 5.0f) / 4.0f);
  EXPECT_FLOAT_EQ(cell(f, 1, 55 + 50, 50), 2.0f * -0.5f);
  EXPECT_FLOAT_EQ(cell(f, 1, 55 + 50, 51), 0.0f);
}

TEST(Channels, ScalesMultiplyTheirChannelOnly) {
  SyntheticEvent ev;
  ev.generate(SyntheticOccupancy{}, 4, 2);
  const Frames a = frame(ev, "ecal,hcal");
  const Frames b = frame(ev, "ecal,hcal", "1,25");
  EXPECT_DOUBLE_EQ(sum(a, 0), sum(b, 0));
  EXPECT_NEAR(sum(b, 1), 25.0 * sum(a, 1), 1e-4 * sum(b, 1));
}
