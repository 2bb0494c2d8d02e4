#include "e2e/frames/Cropper.hpp"

#include "e2e/core/Error.hpp"
#include "e2e/geometry/Detector.hpp"

namespace e2e::frames {

void CropConfig::validate() const {
  if (channels.size() == 0) fail("crop: no channels");
  if (height < 1 || height > 4 * geo::kFrameRows) fail("crop height ", height, " out of range 1..", 4 * geo::kFrameRows);
  if (width < 1 || width > geo::kFrameCols) fail("crop width ", width, " out of range 1..", geo::kFrameCols, " (phi wraps)");
}

Cropper::Cropper(CropConfig config) : m_config(std::move(config)), m_maker(m_config.channels) { m_config.validate(); }

void Cropper::produce(const EventHits& hits, std::span<const CropWindow> windows, std::span<const std::int32_t> objects,
                      Frames& out, CropScratch& scratch) const {
  const auto& set = m_config.channels;
  const std::int64_t image = static_cast<std::int64_t>(set.size()) * m_config.height * m_config.width;
  if (out.channels.size() != set.size()) out.channels = set.names();
  out.height = m_config.height;
  out.width = m_config.width;
  out.object.assign(objects.begin(), objects.end());
  out.data.resize(static_cast<std::size_t>(image) * windows.size());
  if (windows.empty()) return;

  const bool time = set.contains(ChannelKind::EcalTime);
  if (m_config.path == CropConfig::Path::Sparse) {
    m_maker.make(hits, scratch.deposits, windows);
    if (time) scratch.weights.resize(static_cast<std::size_t>(m_config.height * m_config.width));
    for (std::size_t i = 0; i < windows.size(); ++i)
      fillFromDeposits(scratch.deposits, set, windows[i], out.data.data() + image * static_cast<std::int64_t>(i),
                       scratch.weights.data());
    return;
  }
  m_maker.make(hits, scratch.deposits);
  const CropWindow whole = CropWindow::wholeFrame();
  scratch.frame.resize(static_cast<std::size_t>(whole.cells()) * set.size());
  if (time) scratch.weights.resize(static_cast<std::size_t>(whole.cells()));
  fillFromDeposits(scratch.deposits, set, whole, scratch.frame.data(), scratch.weights.data());
  for (std::size_t i = 0; i < windows.size(); ++i)
    cutFromFrame(scratch.frame.data(), static_cast<std::int64_t>(set.size()), windows[i],
                 out.data.data() + image * static_cast<std::int64_t>(i));
}

FrameMaker::FrameMaker(ChannelSet channels) : m_maker(std::move(channels)) {}

void FrameMaker::produce(const EventHits& hits, Frames& out, CropScratch& scratch) const {
  const auto& set = m_maker.channels();
  const CropWindow whole = CropWindow::wholeFrame();
  out.channels = set.names();
  out.height = whole.height;
  out.width = whole.width;
  out.object.assign(1, -1);
  out.data.resize(static_cast<std::size_t>(whole.cells()) * set.size());
  m_maker.make(hits, scratch.deposits);
  if (set.contains(ChannelKind::EcalTime)) scratch.weights.resize(static_cast<std::size_t>(whole.cells()));
  fillFromDeposits(scratch.deposits, set, whole, out.data.data(), scratch.weights.data());
}

}  // namespace e2e::frames
