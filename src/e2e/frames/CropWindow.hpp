#pragma once
// A window on the 280 x 360 frame and the two ways to fill it: directly from an event's deposits (the fast path:
// only the contributions inside the window are touched) or cut out of a whole-event frame. Phi (columns) wraps
// around; rows outside 0..279 are zero padding.
#include <cstdint>

#include "e2e/frames/ChannelSet.hpp"
#include "e2e/frames/Deposits.hpp"

namespace e2e::frames {

struct CropWindow {
  int row0 = 0;     // first frame row; may be negative or run past the last row (zero padding)
  int col0 = 0;     // first frame column, 0..359
  int height = 0;   // rows
  int width = 0;    // columns, at most 360

  // The window of size h x w whose cell ((h-1)/2, (w-1)/2) is frame cell (row, col): for even sizes the centre
  // sits at index size/2 - 1, as the E2E seed rule says.
  static CropWindow centredOn(int row, int col, int h, int w);
  static CropWindow wholeFrame();
  std::int64_t cells() const { return static_cast<std::int64_t>(height) * width; }
};

// Fills out[C][height][width] (overwriting it) from the deposits of the channels of `set`. `weightScratch` must
// hold height x width floats when the set has an "ecal_time" channel (unused otherwise).
void fillFromDeposits(const Deposits& deposits, const ChannelSet& set, const CropWindow& window, float* out,
                      float* weightScratch);

// Copies the window out of whole-event frames frame[C][280][360] into out[C][height][width].
void cutFromFrame(const float* frame, std::int64_t channels, const CropWindow& window, float* out);

}  // namespace e2e::frames
