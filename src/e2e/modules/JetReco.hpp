#pragma once
// Jets: particle-flow candidates (tracks from the primary vertex + calorimeter excess per tower), anti-kT, the
// crop seed tower, and truth labels when a generator record is available. AK4 by default; radius = 0.8 with
// output = "fatJets" gives the AK8 jets of the top and tau taggers.
#include <oneapi/tbb/enumerable_thread_specific.h>

#include <memory>

#include "e2e/dataformats/CaloHits.hpp"
#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/dataformats/Objects.hpp"
#include "e2e/dataformats/Tracks.hpp"
#include "e2e/framework/Registry.hpp"
#include "e2e/reconstruction/JetFinder.hpp"
#include "e2e/reconstruction/ParticleFlow.hpp"

namespace e2e::modules {

class JetReco : public fw::Module {
public:
  struct Config {
    std::string tracks = "tracks", ecal = "ecal", hcal = "hcal", vertices = "recoVertices", truth = "gen";
    std::string output = "jets";
    reco::JetConfig jet;
    reco::PFConfig pf;

    template <class F, class... S>
    static void fields(F&& f, S&&... s) {
      f("tracks", "label of the Tracks", s.tracks...);
      f("ecal", "label of the EcalHits", s.ecal...);
      f("hcal", "label of the HcalHits", s.hcal...);
      f("vertices", "label of the Vertices, row 0 primary (VertexReco); empty: primary vertex at z = 0", s.vertices...);
      f("truth", "label of the GenParticles for truth matching; empty: no truth labels", s.truth...);
      f("output", "label of the Jets product", s.output...);
      f("radius", "anti-kT R (0.4: AK4, 0.8: AK8)", s.jet.radius...);
      f("pt_min", "GeV: softest jet kept", s.jet.minPt...);
      f("eta_max", "largest |eta| kept", s.jet.maxAbsEta...);
      f("seed_half_window", "towers: the crop seed is the hottest depth-1 tower within +- this of the axis", s.jet.seedHalfWindow...);
      f("pv_dz", "cm: charged candidates come from within this of the primary vertex", s.pf.pvDz...);
      f("min_neutral", "GeV: smallest tower excess kept as a neutral candidate", s.pf.minNeutral...);
      f("min_track_pt", "GeV: softest track used", s.pf.minTrackPt...);
    }
    void check(const fw::ConfigCheck& c) const;
  };

  JetReco(const fw::BuildContext& ctx, const Config& cfg);
  void produce(fw::Event& event) const override;

private:
  reco::ParticleFlow m_pf;
  reco::JetFinder m_jets;
  fw::Input<Tracks> m_tracks;
  fw::Input<EcalHits> m_ecal;
  fw::Input<HcalHits> m_hcal;
  std::unique_ptr<fw::Input<Vertices>> m_vertices;
  std::unique_ptr<fw::Input<GenParticles>> m_truth;
  fw::Output<Jets> m_out;
  struct PerThread {
    reco::PFCandidates candidates;
    reco::PFScratch pf;
    reco::JetScratch jets;
  };
  mutable tbb::enumerable_thread_specific<PerThread> m_perThread;
};

}  // namespace e2e::modules
