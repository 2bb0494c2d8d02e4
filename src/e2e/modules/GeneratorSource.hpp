#pragma once
// Generated events from the built-in generator: one process, or several mixed (event i is made by process
// i mod n, so a mixed sample is balanced and reproducible). Each process starts from its own defaults
// (gen::GeneratorConfig::forProcess); the keys written in the table override them for every listed process.
// Parallel: an event is a pure function of (seed, event index), whatever thread makes it.
#include <memory>
#include <vector>

#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/dataformats/Objects.hpp"
#include "e2e/framework/Registry.hpp"
#include "e2e/framework/Source.hpp"
#include "e2e/generators/EventGenerator.hpp"
#include "e2e/generators/GeneratorConfig.hpp"

namespace e2e::modules {

struct GeneratorOptions : gen::GeneratorConfig {
  std::vector<std::string> processes{"photon"};
  std::string output = "gen";
  std::string info = "info";

  template <class F, class... S>
  static void fields(F&& f, S&&... s) {
    f("processes", "generator processes (e2e generate --help lists them); event i uses process i mod n", s.processes...);
    f("output", "label of the GenParticles product", s.output...);
    f("info", "label of the EventInfo product (process id, pileup count)", s.info...);
    f("pt_min", "guns: lowest pT [GeV] (default: the process's)", s.ptMin...);
    f("pt_max", "guns: highest pT [GeV]", s.ptMax...);
    f("eta_max", "guns: |eta| range; collisions: |rapidity| of the hard objects", s.etaMax...);
    f("mass_min", "agg: lowest A mass [GeV]", s.massMin...);
    f("mass_max", "agg: highest A mass [GeV]", s.massMax...);
    f("pt_hat_min", "collisions: lowest pT-hat [GeV]", s.ptHatMin...);
    f("pt_hat_max", "collisions: highest pT-hat [GeV]", s.ptHatMax...);
    f("pileup_mu", "mean number of pileup interactions", s.pileupMu...);
    f("beam_energy", "GeV per proton", s.beamEnergy...);
    f("beamspot_sigma_z", "luminous region length [cm]; 0: every vertex at the origin", s.beamspotSigmaZ...);
    f("shower_cutoff", "parton-shower pT cutoff [GeV]", s.showerCutoff...);
    f("alpha_s_mz", "final-state shower alpha_s(M_Z)", s.alphaSMz...);
  }
};

class GeneratorSource : public fw::Source {
public:
  GeneratorSource(const fw::BuildContext& ctx, std::vector<std::unique_ptr<gen::EventGenerator>> generators,
                  const GeneratorOptions& options);
  void produce(fw::Event& event) const override;

private:
  std::vector<std::unique_ptr<gen::EventGenerator>> m_generators;
  fw::Output<GenParticles> m_gen;
  fw::Output<EventInfo> m_info;
};

// Reads the table once per process (each from its own defaults), so it cannot use the generic factory.
fw::ModuleFactory generatorFactory();

}  // namespace e2e::modules
