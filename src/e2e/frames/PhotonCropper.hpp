#pragma once
// Photon crops (default 32 x 32) around the highest-energy crystal of each photon's cluster.
#include "e2e/dataformats/Objects.hpp"
#include "e2e/frames/Cropper.hpp"

namespace e2e::frames {

class PhotonCropper {
public:
  explicit PhotonCropper(CropConfig config) : m_cropper(std::move(config)) {}
  const CropConfig& config() const { return m_cropper.config(); }

  static CropWindow window(const Photons& photons, std::size_t i, int height, int width);
  // One crop per row of `rows` (all photons when empty), in that order.
  void produce(const EventHits& hits, const Photons& photons, std::span<const std::int32_t> rows, Frames& out,
               CropScratch& scratch) const;

private:
  Cropper m_cropper;
};

}  // namespace e2e::frames
