#include "e2e/geometry/TrackerGeometry.hpp"

#include "e2e/core/Error.hpp"

namespace e2e::geo {
namespace {
using S = TrackerSubdet;
// Radii from SPEC.md; resolutions and material per layer are typical CMS values (our choice). Stereo strip
// layers (TIB1-2, TOB1-2) measure z to ~0.5 mm; mono layers only to the strip length.
constexpr std::array<TrackerLayer, 14> kLayers{{
    {S::BPIX, 1, 2.9, 26.7, 0.0010, 0.0020, 0.015},
    {S::BPIX, 2, 6.8, 26.7, 0.0010, 0.0020, 0.015},
    {S::BPIX, 3, 10.9, 26.7, 0.0010, 0.0020, 0.015},
    {S::BPIX, 4, 16.0, 26.7, 0.0010, 0.0020, 0.015},
    {S::TIB, 1, 25.5, 70.0, 0.0023, 0.023, 0.025},
    {S::TIB, 2, 33.9, 70.0, 0.0023, 0.023, 0.025},
    {S::TIB, 3, 41.9, 70.0, 0.0035, 3.0, 0.020},
    {S::TIB, 4, 49.8, 70.0, 0.0035, 3.0, 0.020},
    {S::TOB, 1, 60.8, 118.0, 0.0035, 0.05, 0.025},
    {S::TOB, 2, 69.2, 118.0, 0.0035, 0.05, 0.025},
    {S::TOB, 3, 78.0, 118.0, 0.0050, 3.5, 0.020},
    {S::TOB, 4, 86.8, 118.0, 0.0050, 3.5, 0.020},
    {S::TOB, 5, 96.5, 118.0, 0.0050, 3.5, 0.020},
    {S::TOB, 6, 108.0, 118.0, 0.0050, 3.5, 0.020},
}};
}  // namespace

std::span<const TrackerLayer> trackerLayers() { return kLayers; }

const TrackerLayer& trackerLayer(TrackerSubdet subdet, int layer) {
  for (const auto& l : kLayers)
    if (l.subdet == subdet && l.layer == layer) return l;
  fail("no tracker layer ", static_cast<int>(subdet), "/", layer);
}

}  // namespace e2e::geo
