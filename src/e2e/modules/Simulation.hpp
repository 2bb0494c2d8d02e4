#pragma once
// The fast detector simulation as a module: generator particles in; ECAL and HCAL hits, tracker hits, tracks and
// vertices out (standard labels). The SimulationConfig knobs are the table's keys. Parallel: each event's
// randomness comes from (seed, event index) only.
#include <memory>
#include <oneapi/tbb/enumerable_thread_specific.h>

#include "e2e/dataformats/CaloHits.hpp"
#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/dataformats/TrackerHits.hpp"
#include "e2e/dataformats/Tracks.hpp"
#include "e2e/framework/Registry.hpp"
#include "e2e/simulation/DetectorSimulation.hpp"

namespace e2e::modules {

class Simulation : public fw::Module {
public:
  struct Config : sim::SimulationConfig {
    std::string input = "gen";
    std::string shower = "integrated";

    template <class F, class... S>
    static void fields(F&& f, S&&... s) {
      f("input", "label of the GenParticles to simulate", s.input...);
      f("material", "conversions, bremsstrahlung and multiple scattering before the ECAL", s.material...);
      f("material_scale", "multiplies the material budget", s.materialScale...);
      f("shower", "EM showers: integrated (fast, default) or spots (slow reference)", s.shower...);
      f("shower_fluctuations", "per-shower Grindhammer-Peters fluctuations", s.showerFluctuations...);
      f("intrinsic_smearing", "ECAL stochastic/constant terms and hadron response resolution", s.intrinsicSmearing...);
      f("noise", "electronic noise in ECAL and HCAL", s.noise...);
      f("eb_noise", "GeV per EB crystal", s.ebNoise...);
      f("ee_noise", "GeV per EE crystal", s.eeNoise...);
      f("hcal_noise", "GeV per HCAL channel", s.hcalNoise...);
      f("pileup_noise", "GeV per crystal from out-of-time pileup (HCAL: x5)", s.pileupNoise...);
      f("zero_suppression_sigmas", "cells are read out above this many noise sigmas; <= 0 keeps every cell with signal",
        s.zeroSuppressionSigmas...);
      f("ecal_time_noise_term", "ns x (noise / energy): amplitude-dependent ECAL time resolution", s.ecalTimeNoiseTerm...);
      f("ecal_time_constant", "ns, constant ECAL time resolution", s.ecalTimeConstant...);
      f("hcal_time_resolution", "ns", s.hcalTimeResolution...);
      f("track_min_pt", "GeV: no track below", s.trackMinPt...);
      f("track_max_eta", "no track beyond this |eta|", s.trackMaxEta...);
    }
    void check(const fw::ConfigCheck& c) const;
  };

  Simulation(const fw::BuildContext& ctx, const Config& cfg);
  void produce(fw::Event& event) const override;

private:
  std::unique_ptr<sim::DetectorSimulation> m_sim;
  fw::Input<GenParticles> m_gen;
  fw::Output<EcalHits> m_ecal;
  fw::Output<HcalHits> m_hcal;
  fw::Output<TrackerHits> m_trackerHits;
  fw::Output<Tracks> m_tracks;
  fw::Output<Vertices> m_vertices;
  struct PerThread {
    sim::SimScratch scratch;
    sim::SimEvent out;
  };
  mutable tbb::enumerable_thread_specific<PerThread> m_perThread;
};

}  // namespace e2e::modules
