#pragma once
// Composite colour pictures of multi-channel images: each channel gets its own colour, intensities on a log scale
// per channel (3 decades below the channel's maximum), and the channels are screen-blended on black so that
// overlapping deposits stay visible.
#include <string>
#include <vector>

#include "e2e/frames/image/PngWriter.hpp"

namespace e2e::frames {

struct Rgb {
  float r, g, b;
};

// The colour a channel is drawn in (a fixed palette by name; unknown names get grey).
Rgb channelColour(const std::string& channel);

struct CompositeOptions {
  int pixelSize = 0;         // screen pixels per cell; 0: chosen so that the picture is about 512 pixels wide
  float decades = 3.0f;      // dynamic range of the log scale
  bool flipRows = true;      // draw eta increasing upwards
};

// planes: channels x height x width, channel-major. Negative values (d0, dz) are drawn by magnitude.
RgbImage composite(const float* planes, const std::vector<std::string>& channels, int height, int width,
                   const CompositeOptions& options = {});

}  // namespace e2e::frames
