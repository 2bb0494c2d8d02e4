#include "e2e/simulation/TrackMaker.hpp"

#include <algorithm>
#include <cmath>

#include "e2e/geometry/Detector.hpp"
#include "e2e/simulation/Quadrature.hpp"
#include "e2e/simulation/Ziggurat.hpp"

namespace e2e::sim {
namespace {

// SPEC.md section 1: ~94% for |eta| < 0.9, ~85% up to 2.5, for pT > 0.9 GeV; lower below (our turn-on).
constexpr double kBarrelEfficiency = 0.94, kEndcapEfficiency = 0.85;
constexpr double kPlateauPt = 0.9;
constexpr double kElectronEfficiency = 0.9;  // extra loss from bremsstrahlung
// Displaced particles lose their pixel seeds: full efficiency up to 10 cm, none beyond 60 cm.
constexpr double kPromptRadius = 10.0, kMaxRadius = 60.0;

// sigma(pT)/pT = 1.4e-4 pT (+) 0.6% in the barrel: 1.5% at 100 GeV.
constexpr double kCurvatureTerm = 1.4e-4, kScatteringTerm = 0.006;
// Impact parameters, cm: 10 um (+) 95 um GeV / (pT sqrt(sin theta)) and 30 um (+) 110 um GeV / (pT sin^1.5 theta).
constexpr double kD0Floor = 0.0010, kD0Scattering = 0.0095;
constexpr double kDzFloor = 0.0030, kDzScattering = 0.0110;
constexpr double kAngleFloor = 1e-4, kAngleScattering = 1.5e-3;

}  // namespace

TrackMaker::TrackMaker(const SimulationConfig& config) : m_minPt(config.trackMinPt), m_maxEta(config.trackMaxEta) {}

double TrackMaker::efficiency(double pt, double eta, double productionRadius, bool electron) const {
  if (pt < m_minPt || std::abs(eta) > m_maxEta) return 0.0;
  double eff = std::abs(eta) < 0.9 ? kBarrelEfficiency : kEndcapEfficiency;
  if (pt < kPlateauPt) eff *= 0.75 + 0.25 * (pt - m_minPt) / std::max(1e-9, kPlateauPt - m_minPt);
  if (productionRadius > kPromptRadius) eff *= std::max(0.0, 1.0 - (productionRadius - kPromptRadius) / (kMaxRadius - kPromptRadius));
  if (electron) eff *= kElectronEfficiency;
  return std::clamp(eff, 0.0, 1.0);
}

TrackResolution TrackMaker::resolution(double pt, double eta) {
  const double a = std::abs(eta);
  const double forward = 1.0 + std::max(0.0, a - 0.9);
  const double sinTheta = 1.0 / std::cosh(eta);
  const double p = std::max(pt, 0.05);
  TrackResolution r;
  r.relPt = quadrature(kCurvatureTerm * p, kScatteringTerm) * forward;
  r.d0 = quadrature(kD0Floor, kD0Scattering / (p * std::sqrt(sinTheta)));
  r.dz = quadrature(kDzFloor, kDzScattering / (p * std::pow(sinTheta, 1.5)));
  r.phi = quadrature(kAngleFloor, kAngleScattering / p);
  r.eta = quadrature(kAngleFloor, kAngleScattering / p);
  return r;
}

bool TrackMaker::make(const TrackState& state, double charge, bool electron, std::int32_t genIndex, int pixelHits, Rng& rng,
                      Tracks& out) const {
  const double pt = quadrature(state.px, state.py);
  if (!(pt > 0.0)) return false;
  const double eta = std::asinh(state.pz / pt);
  if (!rng.accept(efficiency(pt, eta, quadrature(state.x, state.y), electron))) return false;
  const Perigee perigee = Helix(state, charge, geo::kBField).perigee();
  const TrackResolution res = resolution(pt, eta);
  // Curvature (1/pT) is what the fit measures with Gaussian errors.
  const double curvature = (1.0 + res.relPt * Ziggurat::normal(rng)) / pt;
  const double ptMeasured = 1.0 / std::max(curvature, 1e-4);
  out.pt.push_back(static_cast<float>(ptMeasured));
  out.eta.push_back(static_cast<float>(eta + res.eta * Ziggurat::normal(rng)));
  out.phi.push_back(static_cast<float>(std::remainder(perigee.phi + res.phi * Ziggurat::normal(rng), geo::kTwoPi)));
  out.charge.push_back(static_cast<std::int8_t>(charge > 0 ? 1 : -1));
  out.d0.push_back(static_cast<float>(perigee.d0 + res.d0 * Ziggurat::normal(rng)));
  out.dz.push_back(static_cast<float>(perigee.z0 + res.dz * Ziggurat::normal(rng)));
  out.sigmaPt.push_back(static_cast<float>(res.relPt * ptMeasured));
  out.sigmaD0.push_back(static_cast<float>(res.d0));
  out.sigmaDz.push_back(static_cast<float>(res.dz));
  const int pix = std::min(pixelHits, 15);
  out.quality.push_back(static_cast<std::uint8_t>((pix >= 1 ? 1 : 0) | (pix << 4)));
  out.vertex.push_back(-1);
  out.particle.push_back(genIndex);
  return true;
}

}  // namespace e2e::sim
