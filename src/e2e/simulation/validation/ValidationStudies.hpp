#pragma once
// The SPEC.md / issue 4 validation measurements, each a function of a sample size and a seed. Unit tests run
// them on small samples against the SPEC numbers; bench/simulation/sim_validation runs them on larger samples
// and writes the CSV files behind docs/validation/simulation.md.
#include <cstdint>
#include <vector>

#include "e2e/simulation/SimulationConfig.hpp"

namespace e2e::sim::validation {

struct Measurement {
  double mean = 0, error = 0;  // error of the mean
};

// 50 GeV photons aimed at crystal centres near eta 0 (no material, no noise): mean fraction of the energy in the
// 1x1, 3x3 and 5x5 crystals around the hit crystal.
struct Containment {
  Measurement c1, c3, c5;
  std::vector<double> e1, e3, e5;  // per-event fractions
};
Containment photonContainment(int events, std::uint64_t seed, ShowerMode mode = ShowerMode::Integrated,
                              double energy = 50.0);

// Photons of `energy` at crystal centres (no material, EB noise on, full readout of the 3x3 as in a test beam):
// relative resolution of the 3x3 sum (standard deviation over mean) and the SPEC formula's value.
struct Resolution {
  double energy = 0, mean = 0, sigma = 0, sigmaError = 0, spec = 0;
  std::vector<double> sums;
};
Resolution ecalResolution(double energy, int events, std::uint64_t seed, ShowerMode mode = ShowerMode::Integrated);
double specEcalResolution(double energy);

// Fraction of 50 GeV photons at |eta| within [etaLo, etaHi) that convert before the ECAL.
Measurement conversionFraction(double etaLo, double etaHi, int events, std::uint64_t seed);

// Phi of a charged particle's impact on the ECAL face minus its initial phi (no material), signed.
double phiShiftAtEcal(double pt, double charge);

// Mean (ECAL + HCAL) / E for a particle species at energy E, |eta| < 0.5, noise off.
Measurement caloResponse(std::int32_t pdgId, double energy, int events, std::uint64_t seed);

// Reconstructed track d0 (cm) of the charged pion from tau -> pi nu (tau pT 20-60 GeV, |eta| < 1) and of prompt
// pions with the same pT spectrum.
struct ImpactParameters {
  std::vector<double> tau, prompt;
};
ImpactParameters tauVersusPromptD0(int events, std::uint64_t seed);

// Energy-weighted phi width (crystals, window +-2 x +-10 around the seed) of 50 GeV-pT electrons and photons in
// EB with the full simulation, and the ROC AUC of that single variable (electron = signal, wider).
struct ElectronPhotonWidths {
  std::vector<double> electron, photon;
  double auc = 0;
};
ElectronPhotonWidths electronPhotonPhiWidth(int events, std::uint64_t seed);

// Area under the ROC curve for "signal > background" (ties count half).
double rocAuc(const std::vector<double>& signal, const std::vector<double>& background);
Measurement meanOf(const std::vector<double>& v);
double rms(const std::vector<double>& v);

}  // namespace e2e::sim::validation
