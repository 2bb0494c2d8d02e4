#include "e2e/simulation/HadronShower.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/geometry/HcalGeometry.hpp"
#include "e2e/simulation/CaloAccumulator.hpp"
#include "e2e/simulation/EcalFace.hpp"
#include "e2e/simulation/Helix.hpp"
#include "e2e/simulation/LateralTable.hpp"
#include "e2e/simulation/Quadrature.hpp"
#include "e2e/simulation/Ziggurat.hpp"

namespace e2e::sim {
namespace {

// Groom's non-compensation law with CMS-like parameters (our choice): pi/e ~ 0.60 at 2 GeV, 0.77 at 50 GeV.
constexpr double kHOverE = 0.55;
constexpr double kGroomExponent = 0.83;
constexpr double kHadStochastic = 0.847;
constexpr double kHadConstant = 0.074;

// Where the HCAL deposit is placed: this far along the particle's line behind the ECAL face.
constexpr double kHcalDistance = 80.0;  // cm
// Two Gaussian terms across the shower, in cm at the HCAL (a tower is ~17 cm at the HB front).
constexpr double kHcalCore = 5.0, kHcalHalo = 15.0, kHcalCoreShare = 0.75;
// Hadronic deposit in the ECAL: a core and a halo, in cm.
constexpr double kEcalHadCore = 2.0, kEcalHadHalo = 6.0, kEcalHadCoreShare = 0.6;
constexpr int kTowerHalf = 2;  // 5 x 5 towers

// Depth boundaries in interaction lengths behind the HCAL front.
constexpr std::array<double, 2> kHBDepthEdges{0.0, 1.5};
constexpr std::array<double, 3> kHEDepthEdges{0.0, 1.5, 4.0};

// Gamma law of shape 2 for the longitudinal hadronic profile; its mean grows slowly with energy.
double profileScale(double energy) { return 0.5 * (1.0 + 0.2 * std::log(std::max(energy, 1.0))); }
double profileCdf(double x, double scale) {
  if (x <= 0.0) return 0.0;
  const double u = x / scale;
  return 1.0 - std::exp(-u) * (1.0 + u);
}

double normalCdf(double x) { return 0.5 * std::erfc(-x * 0.70710678118654752); }

double moyal(Rng& rng) {
  const double g = Ziggurat::normal(rng);
  return -std::log(std::max(g * g, 1e-30));
}

struct HcalPoint {
  double eta, phi, rPerp, t;
};

HcalPoint hcalPoint(const ShowerStart& s) {
  const double x = s.x + kHcalDistance * s.ux, y = s.y + kHcalDistance * s.uy, z = s.z + kHcalDistance * s.uz;
  const double r = quadrature(x, y);
  return {std::asinh(z / std::max(r, 1e-6)), std::atan2(y, x), r, s.t + kHcalDistance / kSpeedOfLight};
}

}  // namespace

HadronShower::HadronShower(const SimulationConfig& config) : m_smear(config.intrinsicSmearing) {
  for (const bool endcap : {false, true}) {
    const double pitch = ecalFacePitch(endcap);
    LateralSum lateral;
    lateral.add(kEcalHadCore / pitch, kEcalHadCoreShare);
    lateral.add(kEcalHadHalo / pitch, 1.0 - kEcalHadCoreShare);
    m_ecalProfile[endcap ? 1 : 0].build(lateral);
  }
}

double HadronShower::response(double energy) {
  const double e = std::max(energy, 0.1);
  return std::max(0.3, 1.0 - (1.0 - kHOverE) * std::pow(e, kGroomExponent - 1.0));
}

double HadronShower::resolution(double energy) {
  const double e = std::max(energy, 0.1);
  return std::sqrt(kHadStochastic * kHadStochastic / e + kHadConstant * kHadConstant);
}

double HadronShower::visibleEnergy(double energy, Rng& rng) const {
  double v = energy * response(energy);
  if (m_smear) v *= std::max(0.0, 1.0 + resolution(energy) * Ziggurat::normal(rng));
  return v;
}

void HadronShower::charged(const ShowerStart& s, double energy, Rng& rng, CellSums& ecal, CellSums& hcal) const {
  const double visible = visibleEnergy(energy, rng);
  const double start = rng.exponential(1.0);
  const double scale = profileScale(energy);
  if (start < kEcalLambda) {
    const double eEcal = visible * profileCdf(kEcalLambda - start, scale);
    depositEcalHadronic(s, eEcal, std::min((start + 0.3) * 18.5, 20.0), ecal);
    depositHcal(s, visible - eEcal, start - kEcalLambda, scale, hcal);
    return;
  }
  const double mip = std::min(visible, 0.28 + 0.025 * moyal(rng));
  depositMip(s, mip, ecal);
  depositHcal(s, visible - mip, start - kEcalLambda, scale, hcal);
}

void HadronShower::neutral(const ShowerStart& s, double energy, Rng& rng, CellSums& ecal, CellSums& hcal) const {
  const double visible = visibleEnergy(energy, rng);
  const double share = std::clamp(kNeutralEcalShare * (1.0 + 0.3 * Ziggurat::normal(rng)), 0.0, 0.9);
  depositEcalHadronic(s, visible * share, 8.0, ecal);
  depositHcal(s, visible * (1.0 - share), -0.5, profileScale(energy), hcal);
}

void HadronShower::muon(const ShowerStart& s, double energy, Rng& rng, CellSums& ecal, CellSums& hcal) const {
  constexpr double kMuonMass = 0.10566;
  double available = std::max(0.0, energy - kMuonMass);
  const double eEcal = std::min(available, std::clamp(0.28 + 0.025 * moyal(rng), 0.1, 2.0));
  available -= eEcal;
  depositMip(s, eEcal, ecal);
  const double eHcal = std::min(available, std::clamp(1.8 + 0.15 * moyal(rng), 0.5, 10.0));
  const HcalPoint p = hcalPoint(s);
  const int ieta = geo::hcalIeta(p.eta);
  if (ieta == 0 || !(eHcal > 0.0)) return;
  const int ring = geo::hcalRingIndex(ieta), iphi = geo::hcalIphi(ieta, p.phi);
  const int depths = hcalcell::depths(ieta);
  static constexpr std::array<double, 2> kHB{0.3, 0.7};
  static constexpr std::array<double, 3> kHE{0.2, 0.35, 0.45};
  for (int dd = 1; dd <= depths; ++dd) {
    const double f = depths == 2 ? kHB[static_cast<std::size_t>(dd - 1)] : kHE[static_cast<std::size_t>(dd - 1)];
    hcal.add(hcalcell::index(ring, iphi, dd), static_cast<float>(eHcal * f), static_cast<float>(p.t));
  }
}

void HadronShower::emLeakage(const ShowerStart& s, double energy, CellSums& hcal) const {
  // A few per mille of an EM shower, narrow: the first depth of the tower behind it.
  if (!(energy > 0.0)) return;
  const HcalPoint p = hcalPoint(s);
  const int ieta = geo::hcalIeta(p.eta);
  if (ieta == 0) return;
  hcal.add(hcalcell::index(geo::hcalRingIndex(ieta), geo::hcalIphi(ieta, p.phi), 1), static_cast<float>(energy),
           static_cast<float>(p.t));
}

void HadronShower::depositEcalHadronic(const ShowerStart& s, double energy, double depthCm, CellSums& ecal) const {
  if (!(energy > 0.0)) return;
  const double x = s.x + depthCm * s.ux, y = s.y + depthCm * s.uy, z = s.z + depthCm * s.uz;
  const AxisCell axis = locateInEcal(s.endcap, x, y, z);
  std::array<float, LateralTable::kCells> frac;
  m_ecalProfile[s.endcap ? 1 : 0].evaluate(axis.ox, axis.oy, frac);
  depositEcalWindow(axis, frac, static_cast<float>(energy), static_cast<float>(s.t + depthCm / kSpeedOfLight), 1e-4f,
                    LateralTable::kHalf, ecal);
}

void HadronShower::depositMip(const ShowerStart& s, double energy, CellSums& ecal) const {
  // The crystal the track crosses at mid-depth (a MIP does not spread).
  constexpr double d = 11.0;
  const int cell = ecalNeighbour(locateInEcal(s.endcap, s.x + d * s.ux, s.y + d * s.uy, s.z + d * s.uz), 0, 0);
  if (cell >= 0 && energy > 0.0) ecal.add(cell, static_cast<float>(energy), static_cast<float>(s.t + d / kSpeedOfLight));
}

void HadronShower::depositHcal(const ShowerStart& s, double energy, double startLambda, double scale, CellSums& hcal) const {
  if (!(energy > 0.0)) return;
  const HcalPoint p = hcalPoint(s);
  const int ieta0 = geo::hcalIeta(p.eta);
  if (ieta0 == 0) return;
  const int ring0 = geo::hcalRingIndex(ieta0);
  const double sigma[2] = {kHcalCore / p.rPerp, kHcalHalo / p.rPerp};
  const double share[2] = {kHcalCoreShare, 1.0 - kHcalCoreShare};

  // Phi fractions for both tower widths (5 and 10 degrees), towers -2..2 around the one containing phi.
  constexpr int n = 2 * kTowerHalf + 1;
  double phiFrac[2][2][n];  // [span - 1][term][tower]
  for (int span = 1; span <= 2; ++span) {
    const int col = geo::phiColumn(p.phi) / geo::kCrystalsPerTower;
    const int iphi0 = span == 2 ? col & ~1 : col;
    const double width = span * geo::kTwoPi / geo::kHcalPhiBins;
    const double low0 = -geo::kPi + iphi0 * (geo::kTwoPi / geo::kHcalPhiBins) - geo::wrapPhi(p.phi);
    for (int term = 0; term < 2; ++term) {
      double prev = normalCdf((low0 - kTowerHalf * width) / sigma[term]);
      for (int k = 0; k < n; ++k) {
        const double next = normalCdf((low0 + (k - kTowerHalf + 1) * width) / sigma[term]);
        phiFrac[span - 1][term][k] = next - prev;
        prev = next;
      }
    }
  }
  const float time = static_cast<float>(p.t);
  for (int dr = -kTowerHalf; dr <= kTowerHalf; ++dr) {
    const int ring = ring0 + dr;
    if (ring < 0 || ring >= geo::kHcalRings) continue;
    const int ieta = geo::hcalIetaOfIndex(ring);
    const double lo = geo::hcalRingLowEta(ieta), hi = geo::hcalRingHighEta(ieta);
    double etaFrac[2];
    for (int term = 0; term < 2; ++term)
      etaFrac[term] = normalCdf((hi - p.eta) / sigma[term]) - normalCdf((lo - p.eta) / sigma[term]);
    // Longitudinal fractions of this ring's depth segments.
    const int depths = hcalcell::depths(ieta);
    double depthFrac[3] = {0, 0, 0}, depthSum = 0.0;
    for (int d = 0; d < depths; ++d) {
      const double e0 = depths == 2 ? kHBDepthEdges[static_cast<std::size_t>(d)] : kHEDepthEdges[static_cast<std::size_t>(d)];
      const double c0 = profileCdf(e0 - startLambda, scale);
      double c1 = 1.0;
      if (d + 1 < depths)
        c1 = profileCdf((depths == 2 ? kHBDepthEdges[static_cast<std::size_t>(d + 1)] : kHEDepthEdges[static_cast<std::size_t>(d + 1)]) - startLambda, scale);
      depthFrac[d] = c1 - c0;
      depthSum += depthFrac[d];
    }
    if (!(depthSum > 0.0)) {
      depthFrac[0] = 1.0;
      depthSum = 1.0;
    }
    const int span = geo::hcalPhiSpan(ieta);
    const int col = geo::phiColumn(p.phi) / geo::kCrystalsPerTower;
    const int iphi0 = span == 2 ? col & ~1 : col;
    for (int k = 0; k < n; ++k) {
      const double f = share[0] * etaFrac[0] * phiFrac[span - 1][0][k] + share[1] * etaFrac[1] * phiFrac[span - 1][1][k];
      if (!(f > 1e-6)) continue;
      const int iphi = ((iphi0 + (k - kTowerHalf) * span) % geo::kHcalPhiBins + geo::kHcalPhiBins) % geo::kHcalPhiBins;
      for (int d = 0; d < depths; ++d) {
        const double e = energy * f * depthFrac[d] / depthSum;
        if (e > 0.0) hcal.add(hcalcell::index(ring, iphi, d + 1), static_cast<float>(e), time);
      }
    }
  }
}

}  // namespace e2e::sim
