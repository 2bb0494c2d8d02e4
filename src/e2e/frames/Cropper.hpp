#pragma once
// Object crops: one C x H x W image per object, each around its own window. Two paths that give bit-identical
// crops: Path::Sparse builds each crop from the event's deposits inside its window (no whole-event frame; the
// default), Path::FullFrame fills the 280 x 360 frame once and cuts the windows out of it.
#include <cstdint>
#include <span>
#include <vector>

#include "e2e/dataformats/Frames.hpp"
#include "e2e/frames/CropWindow.hpp"
#include "e2e/frames/DepositMaker.hpp"

namespace e2e::frames {

struct CropConfig {
  ChannelSet channels;
  int height = 32;  // rows (eta); any size, rows past the eta edges are zero
  int width = 32;   // columns (phi), 1..360
  enum class Path { Sparse, FullFrame } path = Path::Sparse;

  // Throws e2e::Error for sizes that cannot be cut from the frame.
  void validate() const;
};

// Per-thread working memory, reused from event to event (no allocation once warm).
struct CropScratch {
  Deposits deposits;
  std::vector<float> weights;  // ecal_time normalisation
  std::vector<float> frame;    // Path::FullFrame only
  std::vector<CropWindow> windows;
  std::vector<std::int32_t> rows;
};

class Cropper {
public:
  explicit Cropper(CropConfig config);
  const CropConfig& config() const { return m_config; }
  const ChannelSet& channels() const { return m_config.channels; }

  // Makes one crop per window into `out` (replacing its content); out.object[i] = objects[i].
  void produce(const EventHits& hits, std::span<const CropWindow> windows, std::span<const std::int32_t> objects,
               Frames& out, CropScratch& scratch) const;

  // One crop per row of `rows` of a collection (all rows when empty), placed by windowOf(objects, row, h, w).
  template <class Coll, class WindowFn>
  void produceFor(const EventHits& hits, const Coll& objects, std::span<const std::int32_t> rows, Frames& out,
                  CropScratch& scratch, WindowFn windowOf) const {
    const std::size_t n = rows.empty() ? objects.size() : rows.size();
    scratch.windows.resize(n);
    scratch.rows.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      scratch.rows[i] = rows.empty() ? static_cast<std::int32_t>(i) : rows[i];
      scratch.windows[i] = windowOf(objects, static_cast<std::size_t>(scratch.rows[i]), m_config.height, m_config.width);
    }
    produce(hits, scratch.windows, scratch.rows, out, scratch);
  }

private:
  CropConfig m_config;
  DepositMaker m_maker;
};

// Whole-event frames C x 280 x 360 (object = -1).
class FrameMaker {
public:
  explicit FrameMaker(ChannelSet channels);
  void produce(const EventHits& hits, Frames& out, CropScratch& scratch) const;

private:
  DepositMaker m_maker;
};

}  // namespace e2e::frames
