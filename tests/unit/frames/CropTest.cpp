// Crops: window placement, phi wrap, eta padding, channel order, per-object crops, and the sparse path against
// the full-frame path.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <numeric>

#include "e2e/core/Random.hpp"
#include "e2e/frames/JetCropper.hpp"
#include "e2e/frames/PhotonCropper.hpp"
#include "e2e/frames/SyntheticEvent.hpp"
#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/geometry/HcalGeometry.hpp"

using namespace e2e;
using namespace e2e::frames;
using geo::EcalId;

namespace {
Photons onePhoton(std::uint32_t seed) {
  Photons p;
  p.resize(1);
  p.seed[0] = seed;
  return p;
}

float at(const Frames& f, std::int64_t obj, std::int64_t ch, std::int64_t y, std::int64_t x) {
  return f.data[static_cast<std::size_t>(((obj * static_cast<std::int64_t>(f.channels.size()) + ch) * f.height + y) * f.width + x)];
}

double planeSum(const Frames& f, std::int64_t obj, std::int64_t ch) {
  const auto cells = f.height * f.width;
  const float* p = f.data.data() + (obj * static_cast<std::int64_t>(f.channels.size()) + ch) * cells;
  return std::accumulate(p, p + cells, 0.0);
}

CropConfig config(const char* channels, int size, CropConfig::Path path = CropConfig::Path::Sparse) {
  CropConfig c;
  c.channels = ChannelSet::parse(channels);
  c.height = c.width = size;
  c.path = path;
  return c;
}
}  // namespace

TEST(PhotonCrop, SeedSitsAtSizeHalfMinusOne) {
  SyntheticEvent ev;
  ev.ecal.add(EcalId::barrel(100, 200), 7.0f, 0.0f);
  const PhotonCropper cropper(config("ecal", 32));
  Frames out;
  CropScratch scratch;
  cropper.produce(ev.view(), onePhoton(EcalId::barrel(100, 200)), {}, out, scratch);
  ASSERT_EQ(out.count(), 1);
  EXPECT_FLOAT_EQ(at(out, 0, 0, 15, 15), 7.0f);
  EXPECT_DOUBLE_EQ(planeSum(out, 0, 0), 7.0);
}

TEST(PhotonCrop, PhiWrapsAtColumn0And359) {
  SyntheticEvent ev;
  const int ieta = 80;
  for (int iphi : {0, 1, 16, 17, 343, 344, 358, 359}) ev.ecal.add(EcalId::barrel(ieta, iphi), 1.0f + iphi, 0.0f);
  const PhotonCropper cropper(config("ecal", 32));
  Frames out;
  CropScratch scratch;
  // Seed at iphi 0: the window spans columns 345..359, 0..16.
  cropper.produce(ev.view(), onePhoton(EcalId::barrel(ieta, 0)), {}, out, scratch);
  EXPECT_FLOAT_EQ(at(out, 0, 0, 15, 15), 1.0f);          // iphi 0
  EXPECT_FLOAT_EQ(at(out, 0, 0, 15, 14), 1.0f + 359);    // iphi 359, left of the seed
  EXPECT_FLOAT_EQ(at(out, 0, 0, 15, 0), 0.0f);           // iphi 345: empty
  EXPECT_FLOAT_EQ(at(out, 0, 0, 15, 31), 1.0f + 16);     // iphi 16, the last column
  EXPECT_DOUBLE_EQ(planeSum(out, 0, 0), 1 + 2 + 17 + 359 + 360);  // 17, 343 and 344 lie outside
  // Seed at iphi 359: the window spans 344..359, 0..15.
  cropper.produce(ev.view(), onePhoton(EcalId::barrel(ieta, 359)), {}, out, scratch);
  EXPECT_FLOAT_EQ(at(out, 0, 0, 15, 15), 360.0f);
  EXPECT_FLOAT_EQ(at(out, 0, 0, 15, 16), 1.0f);          // iphi 0 right of the seed
  EXPECT_FLOAT_EQ(at(out, 0, 0, 15, 0), 345.0f);         // iphi 344
  EXPECT_DOUBLE_EQ(planeSum(out, 0, 0), 1 + 2 + 345 + 359 + 360);
}

TEST(JetCrop, ZeroPaddedPastTheEtaEdges) {
  SyntheticEvent ev;
  // The most forward ring: its centre row is 2, so a 125-row window starts 60 rows before the frame.
  ev.hcal.add(-28, 10, 1, 50.0f, 0.0f);
  Jets jets;
  jets.resize(1);
  jets.seedIeta[0] = -28;
  jets.seedIphi[0] = 10;
  const JetCropper cropper(config("hcal", 125));
  Frames out;
  CropScratch scratch;
  cropper.produce(ev.view(), jets, {}, out, scratch);
  for (int y = 0; y < 60; ++y)
    for (int x = 0; x < 125; ++x) ASSERT_EQ(at(out, 0, 0, y, x), 0.0f) << y << "," << x;
  // Ring -28 is 10 degrees wide: 5 rows x 10 columns of E / 50, starting at the window centre.
  EXPECT_FLOAT_EQ(at(out, 0, 0, 60, 60), 1.0f);
  EXPECT_FLOAT_EQ(at(out, 0, 0, 64, 69), 1.0f);
  EXPECT_FLOAT_EQ(at(out, 0, 0, 65, 60), 0.0f);
  EXPECT_NEAR(planeSum(out, 0, 0), 50.0, 1e-4);
}

TEST(FullFrame, HcalEnergyIsPreservedByUpsampling) {
  SyntheticEvent ev;
  SyntheticOccupancy occ;
  ev.generate(occ, 7, 0);
  const FrameMaker maker(ChannelSet::parse("hcal"));
  Frames frame;
  CropScratch scratch;
  maker.produce(ev.view(), frame, scratch);
  const double hits = std::accumulate(ev.hcal.energy.begin(), ev.hcal.energy.end(), 0.0);
  EXPECT_NEAR(planeSum(frame, 0, 0), hits, 1e-5 * hits);
  // A narrow tower fills exactly its 5 x 5 crystals with E/25.
  SyntheticEvent one;
  one.hcal.add(3, 40, 2, 25.0f, 0.0f);
  maker.produce(one.view(), frame, scratch);
  const int r0 = 5 * geo::hcalRingIndex(3), c0 = 5 * 40;
  for (int r = 0; r < geo::kFrameRows; ++r)
    for (int c = 0; c < geo::kFrameCols; ++c) {
      const bool in = r >= r0 && r < r0 + 5 && c >= c0 && c < c0 + 5;
      ASSERT_EQ(at(frame, 0, 0, r, c), in ? 1.0f : 0.0f) << r << "," << c;
    }
}

TEST(PhotonCrop, EndcapPhotonsHaveTheirEnergy) {
  SyntheticEvent ev;
  const auto cell = geo::eeCellAt(2.2, 0.7);
  ASSERT_TRUE(cell.has_value());
  const auto seed = EcalId::endcap(cell->side, cell->ix, cell->iy);
  ev.ecal.add(seed, 40.0f, 0.0f);
  ev.ecal.add(EcalId::endcap(cell->side, cell->ix + 1, cell->iy), 5.0f, 0.0f);
  const PhotonCropper cropper(config("ecal", 32));
  Frames out;
  CropScratch scratch;
  cropper.produce(ev.view(), onePhoton(seed), {}, out, scratch);
  EXPECT_GE(at(out, 0, 0, 15, 15), 40.0f);
  EXPECT_NEAR(planeSum(out, 0, 0), 45.0, 1e-5);
}

TEST(Crop, ChannelOrderIsRespected) {
  SyntheticEvent ev;
  ev.generate(SyntheticOccupancy{}, 3, 1);
  Jets jets;
  jets.resize(1);
  jets.seedIeta[0] = 5;
  jets.seedIphi[0] = 30;
  Frames a, b;
  CropScratch scratch;
  JetCropper(config("ecal,hcal,trk_pt,bpix2", 64)).produce(ev.view(), jets, {}, a, scratch);
  JetCropper(config("bpix2,trk_pt,hcal,ecal", 64)).produce(ev.view(), jets, {}, b, scratch);
  EXPECT_EQ(b.channels[0], "bpix2");
  const std::size_t plane = 64 * 64;
  for (int ch = 0; ch < 4; ++ch)
    EXPECT_EQ(0, std::memcmp(a.data.data() + ch * plane, b.data.data() + (3 - ch) * plane, plane * sizeof(float))) << ch;
  EXPECT_GT(planeSum(a, 0, 0), 0.0);
  EXPECT_NE(planeSum(a, 0, 0), planeSum(a, 0, 1));
}

TEST(PhotonCrop, EachObjectGetsItsOwnCrop) {
  SyntheticEvent ev;
  const std::uint32_t seeds[3] = {EcalId::barrel(30, 10), EcalId::barrel(100, 180), EcalId::barrel(150, 300)};
  for (int i = 0; i < 3; ++i) ev.ecal.add(seeds[i], 10.0f * (i + 1), 0.0f);
  Photons photons;
  photons.resize(3);
  for (int i = 0; i < 3; ++i) photons.seed[static_cast<std::size_t>(i)] = seeds[i];
  const PhotonCropper cropper(config("ecal", 32));
  Frames out;
  CropScratch scratch;
  const std::int32_t rows[] = {2, 0, 1};
  cropper.produce(ev.view(), photons, rows, out, scratch);
  ASSERT_EQ(out.count(), 3);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(out.object[static_cast<std::size_t>(i)], rows[i]);
    EXPECT_FLOAT_EQ(at(out, i, 0, 15, 15), 10.0f * (rows[i] + 1));
    EXPECT_DOUBLE_EQ(planeSum(out, i, 0), 10.0 * (rows[i] + 1));
  }
}

TEST(Crop, EnergyEqualsTheSumOfTheHitsInTheWindow) {
  SyntheticEvent ev;
  const PhotonCropper cropper(config("ecal", 32));
  Frames out;
  CropScratch scratch;
  Rng rng(11, 0);
  for (int trial = 0; trial < 40; ++trial) {
    ev.generate(SyntheticOccupancy{.ecalBarrel = 3000, .ecalEndcap = 1500}, 5, static_cast<std::uint64_t>(trial));
    const auto seed = ev.ecal.id[rng.below(ev.ecal.size())];
    cropper.produce(ev.view(), onePhoton(seed), {}, out, scratch);
    // Independent expectation from the geometry functions (not the crop code's lookup table).
    const auto c = geo::ecalFramePos(seed);
    double expected = 0;
    for (std::size_t i = 0; i < ev.ecal.size(); ++i) {
      const auto p = geo::ecalFramePos(ev.ecal.id[i]);
      const int dr = p.row - (c.row - 15);
      const int dc = ((p.col - (c.col - 15)) % 360 + 360) % 360;
      if (dr >= 0 && dr < 32 && dc < 32) expected += ev.ecal.energy[i];
    }
    ASSERT_NEAR(planeSum(out, 0, 0), expected, 1e-4 * (1 + expected)) << "trial " << trial;
  }
}

TEST(Crop, SparsePathEqualsFullFramePathBitForBit) {
  const char* all = "ecal,hcal,trk_pt,trk_d0,trk_dz,bpix1,bpix2,bpix3,bpix4,tib1,tib2,tob1,tob2,ecal_time";
  const Cropper sparse(config(all, 125));
  const Cropper full(config(all, 125, CropConfig::Path::FullFrame));
  SyntheticEvent ev;
  CropScratch s1, s2;
  Frames a, b;
  Rng rng(99, 0);
  std::vector<CropWindow> windows;
  std::vector<std::int32_t> objects;
  for (int trial = 0; trial < 4; ++trial) {
    ev.generate(SyntheticOccupancy{.hitsPerLayer = 300, .blobs = 3}, 21, static_cast<std::uint64_t>(trial));
    windows.clear();
    objects.clear();
    // Include the corners: phi wrap at both ends, both eta edges.
    for (const auto& [r, c] : {std::pair{0, 0}, std::pair{279, 359}, std::pair{2, 357}, std::pair{140, 180}}) {
      windows.push_back(CropWindow::centredOn(r, c, 125, 125));
      objects.push_back(static_cast<std::int32_t>(objects.size()));
    }
    for (int k = 0; k < 4; ++k) {
      windows.push_back(CropWindow::centredOn(static_cast<int>(rng.below(280)), static_cast<int>(rng.below(360)), 125, 125));
      objects.push_back(static_cast<std::int32_t>(objects.size()));
    }
    sparse.produce(ev.view(), windows, objects, a, s1);
    full.produce(ev.view(), windows, objects, b, s2);
    ASSERT_EQ(a.data.size(), b.data.size());
    ASSERT_EQ(0, std::memcmp(a.data.data(), b.data.data(), a.data.size() * sizeof(float))) << "trial " << trial;
    double total = 0;
    for (float v : a.data) total += std::abs(v);
    EXPECT_GT(total, 0.0);
  }
}

TEST(Crop, FewWindowsFilterTheDepositsWithoutChangingTheCrops) {
  // One and two windows take the filtered-deposit route; nine windows do not. All must agree with the full frame.
  const char* channels = "trk_pt,trk_dz,ecal,hcal,bpix1,bpix3,tob2";
  const Cropper sparse(config(channels, 64));
  const Cropper full(config(channels, 64, CropConfig::Path::FullFrame));
  SyntheticEvent ev;
  CropScratch s1, s2;
  Frames a, b;
  Rng rng(5, 0);
  for (int trial = 0; trial < 6; ++trial) {
    ev.generate(SyntheticOccupancy{.tracks = 400, .hitsPerLayer = 400, .blobs = 2}, 77, static_cast<std::uint64_t>(trial));
    const std::size_t n = trial < 2 ? 1 : trial < 4 ? 2 : 9;
    std::vector<CropWindow> windows;
    std::vector<std::int32_t> objects;
    for (std::size_t k = 0; k < n; ++k) {
      windows.push_back(CropWindow::centredOn(static_cast<int>(rng.below(280)), static_cast<int>(rng.below(360)), 64, 64));
      objects.push_back(static_cast<std::int32_t>(k));
    }
    sparse.produce(ev.view(), windows, objects, a, s1);
    full.produce(ev.view(), windows, objects, b, s2);
    ASSERT_EQ(0, std::memcmp(a.data.data(), b.data.data(), a.data.size() * sizeof(float))) << "trial " << trial;
  }
}
