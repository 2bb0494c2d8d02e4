#include "e2e/taggers/CropTagger.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/frames/JetCropper.hpp"
#include "e2e/frames/PhotonCropper.hpp"
#include "e2e/geometry/Detector.hpp"

namespace e2e::taggers {
namespace {

struct CropBatch final : fw::BatchingModule::Batch {
  std::vector<float> image, position, output;
};

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

}  // namespace

CropTagger::CropTagger(const fw::BuildContext& ctx, const Config& cfg) : ObjectTagger(ctx, cfg), m_frames(this, "frames", cfg.frames) {
  init(cfg);
}

CropTagger::CropTagger(std::string name, const Config& cfg, bool jets, ModelCard card, std::shared_ptr<const Engine> engine)
    : ObjectTagger(std::move(name), cfg, jets, std::move(card), std::move(engine)), m_frames(this, "frames", cfg.frames) {
  init(cfg);
}

void CropTagger::init(const Config& cfg) {
  m_image = card().input("image");
  if (!m_image) fail("[modules.", name(), "] model: ", card().path, " has no image input; use a graph tagger for graph models");
  for (const auto& in : card().inputs)
    if (in.name != "image" && in.name != "position")
      fail("[modules.", name(), "] model: ", card().path, " wants input '", in.name, "', which crop taggers do not provide");
  m_position = card().input("position") != nullptr;
  m_imageElements = m_image->elements();
  const auto c = static_cast<std::size_t>(m_image->shape.at(0));
  if (m_image->frameScales.size() != c || m_image->scales.size() != c || m_image->zeroSuppression.size() != c)
    fail("[modules.", name(), "] model: ", card().path, ": preprocessing needs one value per channel");
  (void)cfg;
}

void CropTagger::mapChannels(const Frames& frames) const {
  const std::int64_t h = m_image->shape[1], w = m_image->shape[2];
  if (frames.height != h || frames.width != w)
    fail("crops in '", m_frames.label(), "' are ", frames.height, " x ", frames.width, ", the model ", card().path, " takes ", h,
         " x ", w);
  if (!m_channelOf.empty()) return;
  for (const auto& want : m_image->channels) {
    const auto it = std::find(frames.channels.begin(), frames.channels.end(), want);
    if (it == frames.channels.end())
      fail("the model ", card().path, " needs channel '", want, "' but the crops in '", m_frames.label(), "' have ",
           joined(frames.channels), " (add it to that module's channels)");
    m_channelOf.push_back(static_cast<int>(it - frames.channels.begin()));
  }
}

std::int32_t CropTagger::claim(fw::Event& ev) const {
  const Frames& frames = ev.get(m_frames);
  auto& pred = ev.put(output());
  if (frames.count() == 0) return 0;
  mapChannels(frames);
  for (std::int64_t i = 0; i < frames.count(); ++i) {
    const std::int32_t obj = frames.object[static_cast<std::size_t>(i)];
    if (selected(ev, obj)) pred.add(obj, std::nanf(""));
  }
  return static_cast<std::int32_t>(pred.size());
}

void CropTagger::runZeros(Batch& batch, std::int64_t rows) const {
  auto& b = static_cast<CropBatch&>(batch);
  const float* inputs[2];
  std::size_t k = 0;
  for (const auto& in : card().inputs) inputs[k++] = in.name == "image" ? b.image.data() : b.position.data();
  engine().run(std::span<const float* const>(inputs, k), b.output.data(), rows);
}

std::unique_ptr<fw::BatchingModule::Batch> CropTagger::makeBatch() const {
  auto b = std::make_unique<CropBatch>();
  const auto rows = static_cast<std::size_t>(maxBatch());
  b->image.assign(rows * static_cast<std::size_t>(m_imageElements), 0.f);
  if (m_position) b->position.assign(rows * 2, 0.f);
  b->output.assign(rows, 0.f);
  b->items.reserve(rows);
  return b;
}

void CropTagger::process(Batch& batch) const {
  auto& b = static_cast<CropBatch&>(batch);
  const std::size_t n = b.items.size();
  const std::int64_t rows = runRows(n);
  const std::int64_t channels = m_image->shape[0], h = m_image->shape[1], w = m_image->shape[2], plane = h * w;
  for (std::size_t i = 0; i < n; ++i) {
    const Item& it = b.items[i];
    const fw::Event& ev = *it.event;
    const std::int32_t obj = it.event->modify(output()).object[static_cast<std::size_t>(it.index)];
    const Frames& frames = ev.get(m_frames);
    const auto img = static_cast<std::int64_t>(std::find(frames.object.begin(), frames.object.end(), obj) - frames.object.begin());
    const std::int64_t frameChannels = static_cast<std::int64_t>(frames.channels.size());
    float* dst = b.image.data() + static_cast<std::int64_t>(i) * m_imageElements;
    for (std::int64_t c = 0; c < channels; ++c) {
      const float* src = frames.data.data() + (img * frameChannels + m_channelOf[static_cast<std::size_t>(c)]) * plane;
      // Crops in the pipeline are in physical units; training frames were filled with frame_scales, then
      // zero-suppressed in those units, then scaled again.
      const auto ch = static_cast<std::size_t>(c);
      const float fs = m_image->frameScales[ch], zs = m_image->zeroSuppression[ch], scale = m_image->scales[ch];
      float* d = dst + c * plane;
      for (std::int64_t p = 0; p < plane; ++p) {
        const float v = src[p] * fs;
        d[p] = std::abs(v) < zs ? 0.f : v * scale;
      }
    }
    if (m_position) {
      // The crop centre on the frame grid, by the same rule the crop modules use.
      const frames::CropWindow win = scoresJets()
                                         ? frames::JetCropper::window(jets(ev), static_cast<std::size_t>(obj), static_cast<int>(h), static_cast<int>(w))
                                         : frames::PhotonCropper::window(photons(ev), static_cast<std::size_t>(obj), static_cast<int>(h), static_cast<int>(w));
      b.position[2 * i] = static_cast<float>(win.row0 + (win.height - 1) / 2);
      b.position[2 * i + 1] = static_cast<float>((win.col0 + (win.width - 1) / 2) % geo::kFrameCols);
    }
  }
  // Padding rows are zeroed so a batch's result never depends on what an earlier batch left there.
  const auto pad = static_cast<std::size_t>(rows) - n;
  if (pad > 0) {
    std::memset(b.image.data() + n * static_cast<std::size_t>(m_imageElements), 0, pad * static_cast<std::size_t>(m_imageElements) * sizeof(float));
    if (m_position) std::memset(b.position.data() + 2 * n, 0, 2 * pad * sizeof(float));
  }
  const float* inputs[2];
  std::size_t k = 0;
  for (const auto& in : card().inputs) inputs[k++] = in.name == "image" ? b.image.data() : b.position.data();
  runEngine(std::span<const float* const>(inputs, k), b.output.data(), rows);
  scatter(batch, b.output.data());
}

}  // namespace e2e::taggers
