#include "e2e/frames/image/Composite.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace e2e::frames {

Rgb channelColour(const std::string& channel) {
  static const std::pair<const char*, Rgb> kPalette[] = {
      {"ecal", {0.15f, 0.55f, 1.0f}},    {"hcal", {1.0f, 0.2f, 0.15f}},     {"trk_pt", {1.0f, 0.85f, 0.1f}},
      {"trk_d0", {0.95f, 0.3f, 0.95f}},  {"trk_dz", {0.2f, 0.95f, 0.95f}},  {"bpix1", {0.2f, 1.0f, 0.3f}},
      {"bpix2", {0.45f, 0.9f, 0.2f}},    {"bpix3", {0.6f, 0.8f, 0.3f}},     {"bpix4", {0.7f, 0.7f, 0.4f}},
      {"tib1", {1.0f, 0.55f, 0.1f}},     {"tib2", {0.9f, 0.6f, 0.4f}},      {"tob1", {0.6f, 0.5f, 1.0f}},
      {"tob2", {0.75f, 0.65f, 0.95f}},   {"ecal_time", {0.9f, 0.9f, 0.9f}},
  };
  for (const auto& [name, colour] : kPalette)
    if (channel == name) return colour;
  return {0.6f, 0.6f, 0.6f};
}

RgbImage composite(const float* planes, const std::vector<std::string>& channels, int height, int width,
                   const CompositeOptions& options) {
  const int px = options.pixelSize > 0 ? options.pixelSize : std::max(1, 512 / std::max(width, 1));
  const std::size_t cells = static_cast<std::size_t>(height) * static_cast<std::size_t>(width);
  // Per cell, the fraction of light that no channel has added yet (screen blending: 1 - prod(1 - a_i c_i)).
  std::vector<Rgb> dark(cells, Rgb{1, 1, 1});
  for (std::size_t ch = 0; ch < channels.size(); ++ch) {
    const float* p = planes + ch * cells;
    float peak = 0;
    for (std::size_t i = 0; i < cells; ++i) peak = std::max(peak, std::abs(p[i]));
    if (peak <= 0) continue;
    const float floorValue = peak * std::pow(10.0f, -options.decades);
    const float norm = std::log10(peak / floorValue);
    const Rgb c = channelColour(channels[ch]);
    for (std::size_t i = 0; i < cells; ++i) {
      const float v = std::abs(p[i]);
      if (v <= floorValue) continue;
      const float a = std::clamp(std::log10(v / floorValue) / norm, 0.0f, 1.0f);
      dark[i].r *= 1 - a * c.r;
      dark[i].g *= 1 - a * c.g;
      dark[i].b *= 1 - a * c.b;
    }
  }
  RgbImage img;
  img.width = width * px;
  img.height = height * px;
  img.pixels.resize(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 3);
  const auto byte = [](float f) { return static_cast<std::uint8_t>(std::lround(std::clamp(1 - f, 0.0f, 1.0f) * 255)); };
  for (int y = 0; y < img.height; ++y) {
    const int row = options.flipRows ? height - 1 - y / px : y / px;
    std::uint8_t* out = img.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) * 3;
    for (int x = 0; x < img.width; ++x) {
      const Rgb& d = dark[static_cast<std::size_t>(row) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x / px)];
      out[3 * x] = byte(d.r);
      out[3 * x + 1] = byte(d.g);
      out[3 * x + 2] = byte(d.b);
    }
  }
  return img;
}

}  // namespace e2e::frames
