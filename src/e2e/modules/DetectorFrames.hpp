#pragma once
// Whole-event frames: C x 280 x 360 images of the full detector (the "whole-event inference" input), one per
// event, object index -1. Physical units; channels in the configured order.
#include <oneapi/tbb/enumerable_thread_specific.h>

#include <vector>

#include "e2e/dataformats/Frames.hpp"
#include "e2e/frames/Cropper.hpp"
#include "e2e/modules/HitInputs.hpp"

namespace e2e::modules {

class DetectorFrames : public fw::Module {
public:
  struct Config : HitLabels {
    std::string output = "frames";
    std::vector<std::string> channels{"trk_pt", "trk_d0", "trk_dz", "ecal", "hcal", "bpix1", "bpix2", "bpix3", "bpix4",
                                      "tib1", "tib2", "tob1", "tob2"};

    template <class F, class... S>
    static void fields(F&& f, S&&... s) {
      f("output", "label of the Frames product (one 280 x 360 image per event)", s.output...);
      f("channels", "image channels in order", s.channels...);
      hitFields(f, s...);
    }
  };

  DetectorFrames(const fw::BuildContext& ctx, const Config& cfg);
  void produce(fw::Event& event) const override;

private:
  frames::FrameMaker m_maker;
  HitInputs m_hits;
  fw::Output<Frames> m_out;
  mutable tbb::enumerable_thread_specific<frames::CropScratch> m_scratch;
};

}  // namespace e2e::modules
