// Dataset files: the e2e layout with graphs and the two public layouts, written and read back.
#include <gtest/gtest.h>
#include <hdf5.h>

#include <filesystem>

#include "e2e/core/Error.hpp"
#include "e2e/io/DatasetFile.hpp"

using namespace e2e;
using namespace e2e::io;

namespace {
std::string tempPath(const char* name) {
  return (std::filesystem::temp_directory_path() / (std::string("e2e_dataset_test_") + name)).string();
}

// n rows of C x H x W with a value that encodes (row, channel, y, x).
DatasetBatch batch(std::size_t n, int c, int h, int w, float base) {
  DatasetBatch b;
  for (std::size_t i = 0; i < n; ++i)
    for (int ch = 0; ch < c; ++ch)
      for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) b.images.push_back(base + static_cast<float>(i) * 1e4f + static_cast<float>(ch) * 1e3f + static_cast<float>(y * w + x));
  for (std::size_t i = 0; i < n; ++i) {
    b.y.push_back(static_cast<float>(i % 2));
    b.pt.push_back(50.0f + static_cast<float>(i));
    b.eta.push_back(0.1f);
    b.phi.push_back(-0.2f);
    b.m.push_back(10.0f * static_cast<float>(i));
    b.ieta.push_back(3);
    b.iphi.push_back(7);
    b.truthMass.push_back(0.5f);
  }
  return b;
}

void addGraph(HitGraphs& g, int nodes, int features) {
  for (int k = 0; k < nodes * features; ++k) g.nodeFeatures.push_back(static_cast<float>(g.count() * 100 + k));
  g.nodeBegin.push_back(g.nodeBegin.back() + nodes);
  for (int k = 0; k + 1 < nodes; ++k) {
    g.edgeSrc.push_back(k);
    g.edgeDst.push_back(k + 1);
  }
  g.edgeBegin.push_back(static_cast<std::int64_t>(g.edgeSrc.size()));
  g.object.push_back(static_cast<std::int32_t>(g.count()));
}
}  // namespace

TEST(DatasetFile, E2ELayoutWithGraphsRoundTrips) {
  const auto path = tempPath("e2e.h5");
  std::filesystem::remove(path);
  DatasetSpec spec;
  spec.channels = {"hcal", "ecal"};
  spec.scales = {25.0f, 1.0f};
  spec.height = 4;
  spec.width = 5;
  spec.objects = "jets";
  spec.graphFeatures = {"deta", "dphi", "energy"};
  spec.provenance.command = "e2e frames --test";
  {
    DatasetWriter w(path, spec);
    auto b1 = batch(3, 2, 4, 5, 0.0f);
    for (int n : {4, 1, 6}) addGraph(b1.graphs, n, 3);
    auto b2 = batch(2, 2, 4, 5, 0.5f);
    for (int n : {2, 3}) addGraph(b2.graphs, n, 3);
    w.append(b1);
    w.append(b2);
    EXPECT_FALSE(std::filesystem::exists(path));  // only the temporary exists until close()
    w.close();
  }
  DatasetReader r(path);
  EXPECT_EQ(r.layout(), DatasetLayout::E2E);
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r.channels(), (std::vector<std::string>{"hcal", "ecal"}));
  EXPECT_EQ(r.scales(), (std::vector<float>{25.0f, 1.0f}));
  EXPECT_EQ(r.provenance().command, "e2e frames --test");
  std::vector<float> x;
  r.readImages(3, 2, x);
  ASSERT_EQ(x.size(), 2u * 2 * 4 * 5);
  EXPECT_FLOAT_EQ(x[0], 0.5f);                          // row 3 = first row of the second batch
  EXPECT_FLOAT_EQ(x[1 * 40 + 1 * 20 + 7], 0.5f + 1e4f + 1e3f + 7);
  std::vector<float> m;
  ASSERT_TRUE(r.readColumn("m", 0, 5, m));
  EXPECT_EQ(m, (std::vector<float>{0, 10, 20, 0, 10}));
  ASSERT_TRUE(r.hasGraphs());
  EXPECT_EQ(r.graphFeatures().size(), 3u);
  std::vector<float> nodes;
  std::vector<std::int32_t> edges;
  r.readGraph(4, nodes, edges);
  EXPECT_EQ(nodes.size(), 9u);
  EXPECT_FLOAT_EQ(nodes[0], 100.0f);  // second graph of its batch
  EXPECT_EQ(edges, (std::vector<std::int32_t>{0, 1, 1, 2}));
  r.readGraph(2, nodes, edges);
  EXPECT_EQ(nodes.size(), 18u);
  EXPECT_EQ(edges.size(), 10u);
  const std::string text = describeDataset(path);
  EXPECT_NE(text.find("5 objects"), std::string::npos) << text;
  EXPECT_NE(text.find("y: 0: 3, 1: 2"), std::string::npos) << text;
  EXPECT_NE(describeDataset(path, true).find("\"layout\": \"e2e\""), std::string::npos);
  EXPECT_THROW(DatasetWriter(path, spec), e2e::Error);  // no silent overwrite
  std::filesystem::remove(path);
}

TEST(DatasetFile, PublicEGammaLayoutIsChannelsLastEnergyTime) {
  const auto path = tempPath("egamma.h5");
  std::filesystem::remove(path);
  DatasetSpec spec;
  spec.layout = DatasetLayout::EGamma;
  spec.channels = {"ecal", "ecal_time"};
  {
    DatasetWriter w(path, spec, true);
    w.append(batch(3, 2, 32, 32, 0.0f));
    w.close();
  }
  // The raw file: X (3, 32, 32, 2), y (3,), and nothing else at the root.
  {
    hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    ASSERT_GE(f, 0);
    hid_t d = H5Dopen2(f, "X", H5P_DEFAULT);
    hid_t s = H5Dget_space(d);
    hsize_t dims[4] = {};
    ASSERT_EQ(H5Sget_simple_extent_ndims(s), 4);
    H5Sget_simple_extent_dims(s, dims, nullptr);
    EXPECT_EQ(dims[0], 3u);
    EXPECT_EQ(dims[1], 32u);
    EXPECT_EQ(dims[2], 32u);
    EXPECT_EQ(dims[3], 2u);
    std::vector<float> raw(3 * 32 * 32 * 2);
    H5Dread(d, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, raw.data());
    // X[1, 2, 3, 1] = time of row 1 at (y 2, x 3).
    EXPECT_FLOAT_EQ(raw[((1 * 32 + 2) * 32 + 3) * 2 + 1], 1e4f + 1e3f + 2 * 32 + 3);
    EXPECT_EQ(H5Lexists(f, "pt", H5P_DEFAULT), 0);
    EXPECT_EQ(H5Aexists(f, "channels"), 0);
    H5Sclose(s);
    H5Dclose(d);
    H5Fclose(f);
  }
  DatasetReader r(path);
  EXPECT_EQ(r.layout(), DatasetLayout::EGamma);
  EXPECT_EQ(r.channels(), (std::vector<std::string>{"ecal", "ecal_time"}));
  std::vector<float> x;
  r.readImages(0, 3, x);
  const auto b = batch(3, 2, 32, 32, 0.0f);
  EXPECT_EQ(x, b.images);
  std::filesystem::remove(path);
  spec.channels = {"ecal"};
  EXPECT_THROW(DatasetWriter(path, spec, true), e2e::Error);
}

TEST(DatasetFile, PublicJetLayoutRoundTrips) {
  const auto path = tempPath("jets.h5");
  DatasetSpec spec;
  spec.layout = DatasetLayout::Jets;
  spec.channels = {"trk_pt", "ecal", "hcal"};
  spec.height = spec.width = 125;
  {
    DatasetWriter w(path, spec, true);
    w.append(batch(2, 3, 125, 125, 1.0f));
    w.close();
  }
  DatasetReader r(path);
  EXPECT_EQ(r.layout(), DatasetLayout::Jets);
  EXPECT_EQ(r.channels(), (std::vector<std::string>{"trk_pt", "ecal", "hcal"}));
  std::vector<float> x, m, eta;
  r.readImages(0, 2, x);
  EXPECT_EQ(x, batch(2, 3, 125, 125, 1.0f).images);
  ASSERT_TRUE(r.readColumn("m", 0, 2, m));  // stored as m0
  EXPECT_EQ(m, (std::vector<float>{0, 10}));
  EXPECT_FALSE(r.readColumn("eta", 0, 2, eta));
  EXPECT_THROW(DatasetReader(tempPath("missing.h5")), e2e::Error);
  std::filesystem::remove(path);
}
