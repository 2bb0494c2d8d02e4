#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "e2e/core/Error.hpp"
#include "e2e/frames/image/Composite.hpp"

using namespace e2e::frames;

TEST(Composite, ChannelsGetTheirColoursOnALogScale) {
  const int h = 4, w = 4;
  std::vector<float> planes(2 * h * w, 0.0f);
  planes[0] = 100.0f;          // ecal, row 0 col 0: full intensity
  planes[1] = 0.1f;            // ecal, 3 decades down: invisible
  planes[2] = 1.0f;            // ecal, 2 decades down: one third
  planes[h * w + 5] = -2.0f;   // hcal (drawn by magnitude), its only cell: full
  const RgbImage img = composite(planes.data(), {"ecal", "hcal"}, h, w, {.pixelSize = 2, .flipRows = false});
  ASSERT_EQ(img.width, 8);
  ASSERT_EQ(img.height, 8);
  const auto px = [&](int row, int col, int k) { return img.pixels[static_cast<std::size_t>((row * 2 * img.width + col * 2) * 3 + k)]; };
  const Rgb ecal = channelColour("ecal"), hcal = channelColour("hcal");
  EXPECT_NEAR(px(0, 0, 2), 255 * ecal.b, 1.0);
  EXPECT_EQ(px(0, 1, 0) + px(0, 1, 1) + px(0, 1, 2), 0);
  EXPECT_NEAR(px(0, 2, 2), 255 * ecal.b / 3, 1.5);
  EXPECT_NEAR(px(1, 1, 0), 255 * hcal.r, 1.0);
  EXPECT_EQ(px(3, 3, 0), 0);
}

TEST(Composite, WritesAPng) {
  std::vector<float> planes(16 * 16, 1.0f);
  const auto path = std::filesystem::temp_directory_path() / "e2e_composite_test.png";
  writePng(path.string(), composite(planes.data(), {"trk_pt"}, 16, 16));
  std::ifstream in(path, std::ios::binary);
  char sig[8] = {};
  in.read(sig, 8);
  EXPECT_EQ(std::string(sig + 1, 3), "PNG");
  EXPECT_GT(std::filesystem::file_size(path), 50u);
  std::filesystem::remove(path);
  EXPECT_THROW(writePng("/nonexistent-dir/x.png", composite(planes.data(), {"trk_pt"}, 16, 16)), e2e::Error);
}
