#pragma once
// The sparse form of an event's image: per channel, the list of (cell, value) contributions in hit order. Both
// the whole-event frame and the object crops are filled from it, in the same order, so the two give bit-identical
// values; a crop touches only the contributions inside its window and never builds the whole frame.
#include <cstdint>
#include <vector>

namespace e2e::frames {

struct ChannelDeposits {
  std::vector<std::int16_t> row, col;  // first cell of the contribution
  std::vector<float> value;            // per cell, scale applied (EcalTime: energy x time, unscaled)
  std::vector<float> weight;           // EcalTime only: the energy that weights the time
  std::vector<std::uint8_t> width;     // Hcal only: crystals along phi (5, or 10 for wide rings)
  int rows = 1;                        // crystals along eta of each contribution (5 for Hcal)

  std::size_t size() const { return value.size(); }
  void clear() {
    row.clear();
    col.clear();
    value.clear();
    weight.clear();
    width.clear();
  }
};

struct Deposits {
  std::vector<ChannelDeposits> channels;  // one per channel of the set, same order
};

}  // namespace e2e::frames
