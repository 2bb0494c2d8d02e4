#pragma once
// Hit graphs for the graph taggers: one graph per selected photon or jet, built from the hits and tracks inside
// the object's window (the same window as its crop), highest-energy nodes first.
#include <oneapi/tbb/enumerable_thread_specific.h>

#include <memory>
#include <vector>

#include "e2e/dataformats/Frames.hpp"
#include "e2e/dataformats/Objects.hpp"
#include "e2e/frames/HitGraphBuilder.hpp"
#include "e2e/modules/HitInputs.hpp"

namespace e2e::modules {

class HitGraphProducer : public fw::Module {
public:
  struct Config : HitLabels {
    std::string objects = "fatJets";
    std::string output = "jet_graphs";
    std::vector<std::string> channels{"trk_pt", "trk_d0", "trk_dz", "ecal", "hcal", "bpix1", "bpix2", "bpix3", "bpix4",
                                      "tib1", "tib2", "tob1", "tob2"};
    int size = 125;
    int maxNodes = 256;
    int k = 8;
    float ptMin = 0;
    float etaMax = 5;

    template <class F, class... S>
    static void fields(F&& f, S&&... s) {
      f("objects", "label of the Photons or Jets to build graphs for", s.objects...);
      f("output", "label of the HitGraphs product", s.output...);
      f("channels", "detectors that give nodes (ecal, hcal, any trk_*, tracker layers)", s.channels...);
      f("size", "window height and width in crystals, as for crops", s.size...);
      f("max_nodes", "highest-energy nodes kept per graph", s.maxNodes...);
      f("k", "nearest neighbours per node (edges)", s.k...);
      f("pt_min", "objects below this pT [GeV] get no graph", s.ptMin...);
      f("eta_max", "objects beyond this |eta| get no graph", s.etaMax...);
      hitFields(f, s...);
    }
  };

  HitGraphProducer(const fw::BuildContext& ctx, const Config& cfg);
  void produce(fw::Event& event) const override;

private:
  Config m_cfg;
  std::unique_ptr<frames::HitGraphBuilder> m_builder;
  std::unique_ptr<fw::Input<Photons>> m_photons;
  std::unique_ptr<fw::Input<Jets>> m_jets;
  HitInputs m_hits;
  fw::Output<HitGraphs> m_out;
  std::vector<std::string> m_features;
  mutable tbb::enumerable_thread_specific<frames::GraphScratch> m_scratch;
};

}  // namespace e2e::modules
