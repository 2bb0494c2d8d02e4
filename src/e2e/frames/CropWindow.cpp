#include "e2e/frames/CropWindow.hpp"

#include <algorithm>
#include <cstring>

#include "e2e/geometry/Detector.hpp"

namespace e2e::frames {
namespace {
constexpr int kRows = geo::kFrameRows;
constexpr int kCols = geo::kFrameCols;

int wrapCol(int c) {
  c %= kCols;
  return c < 0 ? c + kCols : c;
}

// Adds single-cell contributions. This loop is the photon fast path: one compare pair per deposit.
void addCells(const ChannelDeposits& d, const CropWindow& w, float* plane) {
  const std::size_t n = d.size();
  const std::int16_t* row = d.row.data();
  const std::int16_t* col = d.col.data();
  const float* value = d.value.data();
  const unsigned h = static_cast<unsigned>(w.height), wd = static_cast<unsigned>(w.width);
  float discard = 0;  // contributions outside the window land here: a select instead of a mispredicted branch
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned r = static_cast<unsigned>(row[i] - w.row0);
    int c = col[i] - w.col0;
    c += c < 0 ? kCols : 0;
    const bool in = (r < h) & (static_cast<unsigned>(c) < wd);
    const unsigned index = in ? r * wd + static_cast<unsigned>(c) : 0;
    float* target = in ? plane + index : &discard;
    *target += value[i];
  }
}

void addWeights(const ChannelDeposits& d, const CropWindow& w, float* plane) {
  const unsigned h = static_cast<unsigned>(w.height), wd = static_cast<unsigned>(w.width);
  for (std::size_t i = 0; i < d.size(); ++i) {
    const unsigned r = static_cast<unsigned>(d.row[i] - w.row0);
    int c = d.col[i] - w.col0;
    c += c < 0 ? kCols : 0;
    if (r >= h || static_cast<unsigned>(c) >= wd) continue;
    plane[r * wd + static_cast<unsigned>(c)] += d.weight[i];
  }
}

// Adds block contributions (HCAL towers: 5 rows x 5 or 10 columns).
void addBlocks(const ChannelDeposits& d, const CropWindow& w, float* plane) {
  const int h = w.height, wd = w.width;
  for (std::size_t i = 0; i < d.size(); ++i) {
    const int r0 = d.row[i] - w.row0;
    if (r0 >= h || r0 + d.rows <= 0) continue;
    int c0 = d.col[i] - w.col0;
    c0 += c0 < 0 ? kCols : 0;
    const int bw = d.width[i];
    // The block's columns c0..c0+bw-1 (mod 360) intersect [0, wd) only if one of them is inside.
    if (c0 >= wd && c0 + bw <= kCols) continue;
    const float v = d.value[i];
    for (int r = std::max(r0, 0); r < std::min(r0 + d.rows, h); ++r) {
      float* line = plane + static_cast<std::int64_t>(r) * wd;
      for (int k = 0; k < bw; ++k) {
        int c = c0 + k;
        c -= c >= kCols ? kCols : 0;
        if (c < wd) line[c] += v;
      }
    }
  }
}
}  // namespace

CropWindow CropWindow::centredOn(int row, int col, int h, int w) {
  return {row - (h - 1) / 2, wrapCol(col - (w - 1) / 2), h, w};
}

CropWindow CropWindow::wholeFrame() { return {0, 0, kRows, kCols}; }

void fillFromDeposits(const Deposits& deposits, const ChannelSet& set, const CropWindow& window, float* out,
                      float* weightScratch) {
  const std::int64_t cells = window.cells();
  std::memset(out, 0, static_cast<std::size_t>(cells * static_cast<std::int64_t>(set.size())) * sizeof(float));
  for (std::size_t ch = 0; ch < set.size(); ++ch) {
    const ChannelDeposits& d = deposits.channels[ch];
    float* plane = out + static_cast<std::int64_t>(ch) * cells;
    if (d.rows > 1) {
      addBlocks(d, window, plane);
      continue;
    }
    addCells(d, window, plane);
    if (set.kind(ch) != ChannelKind::EcalTime) continue;
    std::memset(weightScratch, 0, static_cast<std::size_t>(cells) * sizeof(float));
    addWeights(d, window, weightScratch);
    const float scale = set.scale(ch);
    for (std::int64_t i = 0; i < cells; ++i) plane[i] = weightScratch[i] > 0 ? plane[i] / weightScratch[i] * scale : 0.0f;
  }
}

void cutFromFrame(const float* frame, std::int64_t channels, const CropWindow& w, float* out) {
  const std::int64_t frameCells = static_cast<std::int64_t>(kRows) * kCols;
  // Columns of the window as at most two contiguous runs of the frame (the second one after the phi wrap).
  const int firstRun = std::min(w.width, kCols - w.col0);
  for (std::int64_t ch = 0; ch < channels; ++ch) {
    const float* src = frame + ch * frameCells;
    float* dst = out + ch * w.cells();
    for (int r = 0; r < w.height; ++r, dst += w.width) {
      const int fr = w.row0 + r;
      if (fr < 0 || fr >= kRows) {
        std::memset(dst, 0, static_cast<std::size_t>(w.width) * sizeof(float));
        continue;
      }
      const float* line = src + static_cast<std::int64_t>(fr) * kCols;
      std::memcpy(dst, line + w.col0, static_cast<std::size_t>(firstRun) * sizeof(float));
      std::memcpy(dst + firstRun, line, static_cast<std::size_t>(w.width - firstRun) * sizeof(float));
    }
  }
}

}  // namespace e2e::frames
