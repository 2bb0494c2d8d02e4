#pragma once
// Settings of the fast detector simulation. Defaults reproduce SPEC.md sections 1-2; every field is one knob a
// user may want to turn off or rescale (test-beam-like runs without material, noise-free images, ...).
#include <string>

namespace e2e::sim {

// How EM showers reach the crystals: Integrated (profiles integrated over crystals with per-shower fluctuations,
// the default) or Spots (Grindhammer-Peters energy spots sampled one by one, the slow reference).
enum class ShowerMode { Integrated, Spots };

struct SimulationConfig {
  bool material = true;          // conversions, bremsstrahlung and multiple scattering before the ECAL
  double materialScale = 1.0;    // multiplies the material budget (systematic studies)
  ShowerMode showerMode = ShowerMode::Integrated;
  bool showerFluctuations = true;  // per-shower Grindhammer-Peters parameter and spot-count fluctuations
  // Multiplies the Grindhammer-Peters sigma(ln T) and sigma(ln a). At 1 the tau-dependent lateral profile turns
  // them into 3x3 containment fluctuations of ~0.8% at 50-100 GeV, above the measured PbWO4 resolution
  // (docs/validation/simulation.md); the default is the value that holds the SPEC resolution.
  double shapeFluctuationScale = 0.4;
  bool intrinsicSmearing = true;   // ECAL stochastic + constant terms, hadron response resolution

  bool noise = true;                // electronic noise in ECAL and HCAL
  double ebNoise = 0.040;           // GeV per EB crystal
  double eeNoise = 0.150;           // GeV per EE crystal
  double hcalNoise = 0.200;         // GeV per HCAL channel (tower x depth)
  double pileupNoise = 0.0;         // GeV per crystal from out-of-time pileup, added in quadrature (HCAL: x5)
  // Cells are read out above this many noise sigmas; <= 0 keeps every cell that has signal (no noise-only
  // cells are written then, the full detector would be every cell).
  double zeroSuppressionSigmas = 3.0;

  double ecalTimeNoiseTerm = 35.0;  // ns x (noise / energy): CMS-like amplitude-dependent time resolution
  double ecalTimeConstant = 0.1;    // ns
  double hcalTimeResolution = 1.0;  // ns

  double trackMinPt = 0.3;          // GeV: no track below (loopers, hit-pattern too short)
  double trackMaxEta = 2.5;

  // Throws e2e::Error naming the first field out of range.
  void validate() const;
  // key = value lines stored as provenance in output files.
  std::string describe() const;
};

const char* showerModeName(ShowerMode mode);
// "integrated" or "spots"; throws e2e::Error for anything else.
ShowerMode parseShowerMode(const std::string& name);

}  // namespace e2e::sim
