#pragma once
// Everything that defines a generated sample besides the seed. Each process has working defaults
// (forProcess); the command line overrides single fields. describe() is stored in output files.
#include <string>
#include <string_view>

#include "e2e/generators/Process.hpp"

namespace e2e::gen {

struct GeneratorConfig {
  std::string process = "photon";
  // Guns, tau gun and A -> gamma gamma: pT flat in [ptMin, ptMax] (fixed when equal), |eta| < etaMax.
  // Collisions: |rapidity| < etaMax for the hard-process objects.
  double ptMin = 50, ptMax = 50;  // GeV
  double etaMax = 1.44;
  double massMin = 0.1, massMax = 1.2;  // GeV, A mass (agg)
  // Collisions: pT of the hard 2 -> 2 (dijets), of the tops (ttbar) or of the Higgs (htautau), in GeV.
  double ptHatMin = 300, ptHatMax = 470;
  double pileupMu = 0;          // mean number of pileup interactions per event
  double beamEnergy = 6800;     // GeV per proton (13.6 TeV collisions)
  double beamspotSigmaZ = 4.0;  // cm, luminous region length (primary and pileup vertices); 0 puts all at the origin
  double showerCutoff = 0.7;    // GeV, parton-shower pT cutoff
  double alphaSMz = 0.1365;     // final-state shower alpha_s(M_Z)

  // Defaults of `name`; throws e2e::UsageError listing the processes if unknown.
  static GeneratorConfig forProcess(std::string_view name);
  // Throws e2e::UsageError naming the option at fault.
  void validate() const;
  Process processId() const;
  // "key = value" lines.
  std::string describe() const;
};

}  // namespace e2e::gen
