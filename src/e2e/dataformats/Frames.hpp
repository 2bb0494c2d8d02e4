#pragma once
// Images: whole-detector frames (C x 280 x 360) and object crops (N x C x H x W), float32, channels-first.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace e2e {

// A non-owning view of a dense NCHW float tensor.
struct TensorView {
  float* data = nullptr;
  std::int64_t n = 0, c = 0, h = 0, w = 0;
  std::int64_t imageSize() const { return c * h * w; }
  float* image(std::int64_t i) const { return data + i * imageSize(); }
  float& at(std::int64_t i, std::int64_t ch, std::int64_t y, std::int64_t x) const {
    return data[((i * c + ch) * h + y) * w + x];
  }
};

// A batch of images owned by the event store; `object` says which object each image belongs to.
struct Frames {
  std::vector<std::string> channels;  // channel names, in order
  std::int64_t height = 0, width = 0;
  std::vector<float> data;            // object-major NCHW
  std::vector<std::int32_t> object;   // row in the source collection (photons/jets), -1 for whole-event frames

  std::int64_t count() const { return static_cast<std::int64_t>(object.size()); }
  TensorView view() {
    return {data.data(), count(), static_cast<std::int64_t>(channels.size()), height, width};
  }
  void clear() {
    data.clear();
    object.clear();
  }
};

// Hit graphs for graph networks: one graph per object; nodes carry nFeatures floats; edges are kNN, local to
// their graph (indices relative to the graph's first node).
struct HitGraphs {
  std::vector<std::string> features;     // feature names, in order
  std::vector<float> nodeFeatures;       // total nodes x features.size()
  std::vector<std::int64_t> nodeBegin{0};  // per graph: first node; size graphs + 1
  std::vector<std::int32_t> edgeSrc, edgeDst;
  std::vector<std::int64_t> edgeBegin{0};  // per graph: first edge; size graphs + 1
  std::vector<std::int32_t> object;        // row in the source collection

  std::int64_t count() const { return static_cast<std::int64_t>(object.size()); }
  std::int64_t nodes(std::int64_t g) const { return nodeBegin[g + 1] - nodeBegin[g]; }
  void clear() {
    nodeFeatures.clear();
    nodeBegin.assign(1, 0);
    edgeSrc.clear();
    edgeDst.clear();
    edgeBegin.assign(1, 0);
    object.clear();
  }
};

}  // namespace e2e
