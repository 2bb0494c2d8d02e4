#pragma once
// Jet crops (default 125 x 125) centred on the jet's seed: the hottest depth-1 HCAL tower near the axis, at
// crystal (5 * ring + 2, 5 * iphi + 2).
#include "e2e/dataformats/Objects.hpp"
#include "e2e/frames/Cropper.hpp"

namespace e2e::frames {

class JetCropper {
public:
  explicit JetCropper(CropConfig config) : m_cropper(std::move(config)) {}
  const CropConfig& config() const { return m_cropper.config(); }

  static CropWindow window(const Jets& jets, std::size_t i, int height, int width);
  // One crop per row of `rows` (all jets when empty), in that order.
  void produce(const EventHits& hits, const Jets& jets, std::span<const std::int32_t> rows, Frames& out,
               CropScratch& scratch) const;

private:
  Cropper m_cropper;
};

}  // namespace e2e::frames
