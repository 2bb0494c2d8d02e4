#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "e2e/core/Error.hpp"
#include "e2e/frames/HitGraphBuilder.hpp"
#include "e2e/frames/SyntheticEvent.hpp"

using namespace e2e;
using namespace e2e::frames;

namespace {
GraphConfig graphConfig(const char* channels, int maxNodes, int k) {
  GraphConfig c;
  c.channels = ChannelSet::parse(channels);
  c.height = c.width = 125;
  c.maxNodes = maxNodes;
  c.k = k;
  return c;
}
}  // namespace

TEST(HitGraph, NodesAreTheHitsInTheWindowCappedByEnergy) {
  SyntheticEvent ev;
  ev.generate(SyntheticOccupancy{.ecalBarrel = 4000, .blobs = 2}, 8, 0);
  const HitGraphBuilder all(graphConfig("ecal", 100000, 4));
  const HitGraphBuilder capped(graphConfig("ecal", 50, 4));
  const CropWindow w = CropWindow::centredOn(140, 100, 125, 125);
  HitGraphs g;
  GraphScratch s;
  all.append(ev.view(), w, 0, g, s);
  capped.append(ev.view(), w, 1, g, s);
  ASSERT_EQ(g.count(), 2);
  const auto F = static_cast<std::size_t>(kNodeFeatures);
  const auto n0 = g.nodes(0), n1 = g.nodes(1);
  EXPECT_GT(n0, 50);
  EXPECT_EQ(n1, 50);
  // Every node of the full graph is inside the window: |deta| and |dphi| below half the window.
  double total = 0;
  std::vector<float> energies;
  for (std::int64_t i = 0; i < n0; ++i) {
    const float* f = g.nodeFeatures.data() + static_cast<std::size_t>(i) * F;
    EXPECT_LT(std::abs(f[kFeatDPhi]), 63 * 0.01746f);
    EXPECT_EQ(f[kFeatSubdet], static_cast<float>(kNodeEcal));
    energies.push_back(f[kFeatEnergy]);
    total += f[kFeatEnergy];
  }
  // The capped graph holds the 50 largest energies, largest first.
  std::sort(energies.rbegin(), energies.rend());
  for (std::int64_t i = 0; i < n1; ++i)
    EXPECT_FLOAT_EQ(g.nodeFeatures[static_cast<std::size_t>((n0 + i)) * F + kFeatEnergy], energies[static_cast<std::size_t>(i)]);
  EXPECT_GT(total, 0.0);
}

TEST(HitGraph, KnnEdgesAreLocalAndNearest) {
  SyntheticEvent ev;
  ev.generate(SyntheticOccupancy{.blobs = 1}, 9, 3);
  const HitGraphBuilder b(graphConfig("ecal,hcal,trk_pt,bpix1,tob2", 80, 5));
  HitGraphs g;
  GraphScratch s;
  for (int o = 0; o < 3; ++o) b.append(ev.view(), CropWindow::centredOn(60 + 70 * o, 355, 125, 125), o, g, s);
  ASSERT_EQ(g.count(), 3);
  std::set<int> subdets;
  for (std::int64_t gi = 0; gi < 3; ++gi) {
    const auto n = g.nodes(gi);
    const auto e0 = g.edgeBegin[static_cast<std::size_t>(gi)], e1 = g.edgeBegin[static_cast<std::size_t>(gi + 1)];
    ASSERT_EQ(e1 - e0, n * std::min<std::int64_t>(5, n - 1));
    const float* base = g.nodeFeatures.data() + g.nodeBegin[static_cast<std::size_t>(gi)] * kNodeFeatures;
    for (std::int64_t e = e0; e < e1; ++e) {
      const auto src = g.edgeSrc[static_cast<std::size_t>(e)], dst = g.edgeDst[static_cast<std::size_t>(e)];
      ASSERT_TRUE(src >= 0 && src < n && dst >= 0 && dst < n && src != dst);
      // No other node is strictly closer to src than its farthest listed neighbour would allow.
      const auto d2 = [&](int a, int c) {
        const float de = base[a * kNodeFeatures + kFeatDEta] - base[c * kNodeFeatures + kFeatDEta];
        const float dp = base[a * kNodeFeatures + kFeatDPhi] - base[c * kNodeFeatures + kFeatDPhi];
        return de * de + dp * dp;
      };
      int closer = 0;
      for (int j = 0; j < n; ++j)
        if (j != src && d2(src, j) < d2(src, dst)) ++closer;
      ASSERT_LT(closer, 5);
    }
    for (std::int64_t i = 0; i < n; ++i) subdets.insert(static_cast<int>(base[i * kNodeFeatures + kFeatSubdet]));
  }
  EXPECT_GE(subdets.size(), 3u);
}

TEST(HitGraph, BadSettingsAreErrors) {
  EXPECT_THROW(HitGraphBuilder(graphConfig("ecal", 0, 4)), e2e::Error);
  EXPECT_THROW(HitGraphBuilder(graphConfig("ecal", 10, 0)), e2e::Error);
}
