#include "e2e/frames/JetCropper.hpp"

#include "e2e/geometry/HcalGeometry.hpp"

namespace e2e::frames {

CropWindow JetCropper::window(const Jets& jets, std::size_t i, int height, int width) {
  return CropWindow::centredOn(geo::hcalCenterFrameRow(jets.seedIeta[i]), geo::hcalCenterFrameCol(jets.seedIphi[i]),
                               height, width);
}

void JetCropper::produce(const EventHits& hits, const Jets& jets, std::span<const std::int32_t> rows, Frames& out,
                         CropScratch& scratch) const {
  m_cropper.produceFor(hits, jets, rows, out, scratch, &JetCropper::window);
}

}  // namespace e2e::frames
