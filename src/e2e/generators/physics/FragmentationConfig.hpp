#pragma once
// Parameters of the hadronisation model (SPEC.md section 2 for the Lund values).
namespace e2e::gen {

struct FragmentationConfig {
  double lundA = 0.68;            // Lund f(z) ~ (1/z) (1-z)^a exp(-b mT^2 / z)
  double lundB = 0.98;            // GeV^-2
  double sigmaPt = 0.335;         // GeV, width of the pair pT (sigma / sqrt 2 per component)
  double strangeness = 0.30;      // s : u = s : d in pair creation
  double diquarkRate = 0.08;      // diquark pairs per quark pair
  double vectorShareLight = 0.5;  // vector / (vector + pseudoscalar), light mesons
  double vectorShareStrange = 0.55;
  double etaSuppression = 0.6;    // acceptance of eta in flavour-diagonal pseudoscalars (eta' is never made)
  double minPieceMass = 0.8;      // GeV: lighter dipoles are merged into their neighbours before fragmenting
};

}  // namespace e2e::gen
