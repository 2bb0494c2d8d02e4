#pragma once
// Writes 8-bit RGB pictures as PNG (libpng). Errors (unwritable path, disk full) are e2e::Error naming the file.
#include <cstdint>
#include <string>
#include <vector>

namespace e2e::frames {

struct RgbImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // row-major, 3 bytes per pixel, top row first
};

void writePng(const std::string& path, const RgbImage& image);

}  // namespace e2e::frames
