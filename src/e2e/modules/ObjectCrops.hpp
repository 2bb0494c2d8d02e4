#pragma once
// Object crops for the image taggers: one C x H x W image per selected photon (around its seed crystal) or jet
// (around its seed tower), the object type following the configured collection. Images are in physical units
// (no scale factors): the taggers apply their model card's frame scales, so one crop product can serve models
// trained with different scalings. Objects outside the selection get no crop (and so no score).
#include <oneapi/tbb/enumerable_thread_specific.h>

#include <memory>
#include <vector>

#include "e2e/dataformats/Frames.hpp"
#include "e2e/dataformats/Objects.hpp"
#include "e2e/frames/JetCropper.hpp"
#include "e2e/frames/PhotonCropper.hpp"
#include "e2e/modules/HitInputs.hpp"

namespace e2e::modules {

class ObjectCrops : public fw::Module {
public:
  struct Config : HitLabels {
    std::string objects = "photons";
    std::string output = "photon_crops";
    std::vector<std::string> channels{"ecal", "ecal_time"};
    int size = 32;
    float ptMin = 0;
    float etaMax = 5;
    std::string path = "sparse";

    template <class F, class... S>
    static void fields(F&& f, S&&... s) {
      f("objects", "label of the Photons or Jets to crop around", s.objects...);
      f("output", "label of the Frames product", s.output...);
      f("channels", "image channels in order (ecal, hcal, trk_pt, trk_d0, trk_dz, bpix1-4, tib1-2, tob1-2, ecal_time)",
        s.channels...);
      f("size", "crop height and width in crystals", s.size...);
      f("pt_min", "objects below this pT [GeV] get no crop", s.ptMin...);
      f("eta_max", "objects beyond this |eta| get no crop", s.etaMax...);
      f("path", "sparse (crop straight from the hits) or full_frame (fill the 280 x 360 frame, cut the crops)", s.path...);
      hitFields(f, s...);
    }
    void check(const fw::ConfigCheck& c) const;
  };

  ObjectCrops(const fw::BuildContext& ctx, const Config& cfg);
  void produce(fw::Event& event) const override;

private:
  void markEmpty(Frames& out) const;

  Config m_cfg;
  std::vector<std::string> m_channelNames;
  std::unique_ptr<frames::PhotonCropper> m_photonCropper;
  std::unique_ptr<frames::JetCropper> m_jetCropper;
  std::unique_ptr<fw::Input<Photons>> m_photons;
  std::unique_ptr<fw::Input<Jets>> m_jets;
  HitInputs m_hits;
  fw::Output<Frames> m_out;
  struct PerThread {
    frames::CropScratch scratch;
    std::vector<std::int32_t> rows;
  };
  mutable tbb::enumerable_thread_specific<PerThread> m_perThread;
};

}  // namespace e2e::modules
