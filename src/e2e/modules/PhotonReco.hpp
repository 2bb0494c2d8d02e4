#pragma once
// Photon (e/gamma) candidates from ECAL clusters, truth-matched to the generator record when one is available.
#include <oneapi/tbb/enumerable_thread_specific.h>

#include <memory>

#include "e2e/dataformats/CaloHits.hpp"
#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/dataformats/Objects.hpp"
#include "e2e/framework/Registry.hpp"
#include "e2e/reconstruction/PhotonFinder.hpp"

namespace e2e::modules {

class PhotonReco : public fw::Module {
public:
  struct Config {
    std::string ecal = "ecal";
    std::string truth = "gen";
    std::string output = "photons";
    reco::PhotonConfig finder;

    template <class F, class... S>
    static void fields(F&& f, S&&... s) {
      f("ecal", "label of the EcalHits", s.ecal...);
      f("truth", "label of the GenParticles for truth matching; empty: no truth labels", s.truth...);
      f("output", "label of the Photons product", s.output...);
      f("seed_energy", "GeV: crystals above it seed clusters", s.finder.seedEnergy...);
      f("pt_min", "GeV: smallest cluster transverse energy kept", s.finder.minPt...);
      f("eta_max", "largest |eta| kept", s.finder.maxAbsEta...);
      f("half_eta", "cluster window: seed +- this many crystals along eta", s.finder.halfEta...);
      f("half_phi", "cluster window: seed +- this many crystals along phi", s.finder.halfPhi...);
    }
    void check(const fw::ConfigCheck& c) const {
      c.require(finder.seedEnergy > 0, "seed_energy", "must be > 0");
      c.require(finder.halfEta >= 0 && finder.halfPhi >= 0, "half_eta", "windows must be >= 0");
    }
  };

  PhotonReco(const fw::BuildContext& ctx, const Config& cfg);
  void produce(fw::Event& event) const override;

private:
  reco::PhotonFinder m_finder;
  fw::Input<EcalHits> m_ecal;
  std::unique_ptr<fw::Input<GenParticles>> m_truth;
  fw::Output<Photons> m_out;
  mutable tbb::enumerable_thread_specific<reco::PhotonScratch> m_scratch;
};

}  // namespace e2e::modules
