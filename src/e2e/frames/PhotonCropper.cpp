#include "e2e/frames/PhotonCropper.hpp"

#include "e2e/reconstruction/EcalFrameMap.hpp"

namespace e2e::frames {

CropWindow PhotonCropper::window(const Photons& photons, std::size_t i, int height, int width) {
  const reco::EcalPos seed = reco::EcalFrameMap::instance().pos(photons.seed[i]);
  // A seed that names no crystal gives an empty crop (window wholly in the padding) rather than a misplaced one.
  if (seed.row < 0) return {-4 * height - 1000, 0, height, width};
  return CropWindow::centredOn(seed.row, seed.col, height, width);
}

void PhotonCropper::produce(const EventHits& hits, const Photons& photons, std::span<const std::int32_t> rows,
                            Frames& out, CropScratch& scratch) const {
  m_cropper.produceFor(hits, photons, rows, out, scratch, &PhotonCropper::window);
}

}  // namespace e2e::frames
