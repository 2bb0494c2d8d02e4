#include "e2e/simulation/validation/ValidationStudies.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "e2e/core/Random.hpp"
#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/simulation/DetectorSimulation.hpp"
#include "e2e/simulation/validation/EcalWindows.hpp"
#include "e2e/simulation/validation/SingleParticle.hpp"

namespace e2e::sim::validation {
namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;
constexpr double kTauMass = 1.77686, kTauCTau = 0.008703;  // GeV, cm
constexpr double kPionMass = 0.1395702;

// Rows 80..89: the ten crystal rows around eta = 0.
struct Aim {
  int row, col;
  double eta, phi;
};
Aim crystalCentre(Rng& r, double jitter) {
  Aim a;
  a.row = 80 + static_cast<int>(r.below(10));
  a.col = static_cast<int>(r.below(geo::kPhiBins));
  a.eta = geo::ebRowCenterEta(a.row) + jitter * r.uniform(-1.0, 1.0) * geo::kCrystalDEta;
  a.phi = geo::phiColumnCenter(a.col) + jitter * r.uniform(-1.0, 1.0) * geo::kCrystalDPhi;
  return a;
}

double sumHcal(const HcalHits& h) {
  double s = 0.0;
  for (const float e : h.energy) s += e;
  return s;
}

}  // namespace

Measurement meanOf(const std::vector<double>& v) {
  Measurement m;
  if (v.empty()) return m;
  double s = 0.0, s2 = 0.0;
  for (const double x : v) s += x;
  m.mean = s / static_cast<double>(v.size());
  for (const double x : v) s2 += (x - m.mean) * (x - m.mean);
  if (v.size() > 1) m.error = std::sqrt(s2 / static_cast<double>(v.size() - 1) / static_cast<double>(v.size()));
  return m;
}

double rms(const std::vector<double>& v) {
  const Measurement m = meanOf(v);
  return m.error * std::sqrt(static_cast<double>(v.size()));
}

double rocAuc(const std::vector<double>& signal, const std::vector<double>& background) {
  if (signal.empty() || background.empty()) return 0.5;
  std::vector<double> b = background;
  std::sort(b.begin(), b.end());
  double wins = 0.0;
  for (const double s : signal) {
    const auto lo = std::lower_bound(b.begin(), b.end(), s);
    const auto hi = std::upper_bound(b.begin(), b.end(), s);
    wins += static_cast<double>(lo - b.begin()) + 0.5 * static_cast<double>(hi - lo);
  }
  return wins / (static_cast<double>(signal.size()) * static_cast<double>(b.size()));
}

double specEcalResolution(double energy) {
  return std::sqrt(0.028 * 0.028 / energy + (0.12 / energy) * (0.12 / energy) + 0.003 * 0.003);
}

Containment photonContainment(int events, std::uint64_t seed, ShowerMode mode, double energy) {
  SimulationConfig c;
  c.material = false;
  c.noise = false;
  c.intrinsicSmearing = false;
  c.zeroSuppressionSigmas = 0.0;
  c.showerMode = mode;
  const DetectorSimulation sim(c);
  SimEvent out;
  GenParticles gen;
  Containment res;
  for (int i = 0; i < events; ++i) {
    Rng r(seed, static_cast<std::uint64_t>(i), Stream::Misc);
    const Aim a = crystalCentre(r, 0.0);
    gen.clear();
    addGunParticle(gen, {22, energy, a.eta, a.phi});
    sim.simulate(static_cast<std::uint64_t>(i), seed, gen, out);
    const std::uint32_t id = geo::EcalId::barrel(a.row, a.col);
    res.e1.push_back(windowSum(out.ecal, id, 1) / energy);
    res.e3.push_back(windowSum(out.ecal, id, 3) / energy);
    res.e5.push_back(windowSum(out.ecal, id, 5) / energy);
  }
  res.c1 = meanOf(res.e1);
  res.c3 = meanOf(res.e3);
  res.c5 = meanOf(res.e5);
  return res;
}

Resolution ecalResolution(double energy, int events, std::uint64_t seed, ShowerMode mode) {
  SimulationConfig c;
  c.material = false;
  c.zeroSuppressionSigmas = 0.0;  // a test beam reads the whole 3x3
  c.showerMode = mode;
  const DetectorSimulation sim(c);
  SimEvent out;
  GenParticles gen;
  Resolution res;
  res.energy = energy;
  res.spec = specEcalResolution(energy);
  for (int i = 0; i < events; ++i) {
    Rng r(seed, static_cast<std::uint64_t>(i), Stream::Misc);
    const Aim a = crystalCentre(r, 0.1);
    gen.clear();
    addGunParticle(gen, {22, energy, a.eta, a.phi});
    sim.simulate(static_cast<std::uint64_t>(i), seed, gen, out);
    res.sums.push_back(windowSum(out.ecal, geo::EcalId::barrel(a.row, a.col), 3));
  }
  const Measurement m = meanOf(res.sums);
  res.mean = m.mean;
  res.sigma = rms(res.sums) / m.mean;
  res.sigmaError = res.sigma / std::sqrt(2.0 * std::max(1, events - 1));
  return res;
}

Measurement conversionFraction(double etaLo, double etaHi, int events, std::uint64_t seed) {
  const SimulationConfig c;
  const MaterialBudget material(c.materialScale);
  const Transport transport(c, material);
  TrackerHits hits;
  std::vector<SimParticle> stack;
  std::vector<double> converted;
  GenParticles gen;
  for (int i = 0; i < events; ++i) {
    Rng r(seed, static_cast<std::uint64_t>(i), Stream::Simulation);
    const double eta = r.uniform(etaLo, etaHi) * (r.accept(0.5) ? 1.0 : -1.0);
    gen.clear();
    addGunParticle(gen, {22, 50.0, eta, r.uniform(-std::numbers::pi, std::numbers::pi)});
    SimParticle p;
    p.state = {0, 0, 0, gen.px[0], gen.py[0], gen.pz[0], gen.e[0], 0};
    p.species = Species::Photon;
    p.pdgId = 22;
    stack.clear();
    hits.clear();
    ShowerStart start;
    int pixel = 0;
    transport.toCalorimeter(p, r, hits, stack, start, pixel);
    converted.push_back(stack.empty() ? 0.0 : 1.0);
  }
  return meanOf(converted);
}

double phiShiftAtEcal(double pt, double charge) {
  SimulationConfig c;
  c.material = false;
  const MaterialBudget material;
  const Transport transport(c, material);
  SimParticle p;
  p.state = {0, 0, 0, pt, 0, 0, std::hypot(pt, kPionMass), 0};
  p.charge = charge;
  p.mass = kPionMass;
  p.species = Species::ChargedHadron;
  p.pdgId = charge > 0 ? 211 : -211;
  TrackerHits hits;
  std::vector<SimParticle> stack;
  ShowerStart start;
  int pixel = 0;
  Rng r(1);
  if (!transport.toCalorimeter(p, r, hits, stack, start, pixel)) return std::nan("");
  return std::atan2(start.y, start.x);
}

Measurement caloResponse(std::int32_t pdgId, double energy, int events, std::uint64_t seed) {
  SimulationConfig c;
  c.noise = false;
  const DetectorSimulation sim(c);
  SimEvent out;
  GenParticles gen;
  std::vector<double> response;
  for (int i = 0; i < events; ++i) {
    Rng r(seed, static_cast<std::uint64_t>(i), Stream::Misc);
    gen.clear();
    addGunParticle(gen, {pdgId, energy, r.uniform(-0.5, 0.5), r.uniform(-std::numbers::pi, std::numbers::pi)});
    sim.simulate(static_cast<std::uint64_t>(i), seed, gen, out);
    response.push_back((totalEnergy(out.ecal) + sumHcal(out.hcal)) / energy);
  }
  return meanOf(response);
}

ImpactParameters tauVersusPromptD0(int events, std::uint64_t seed) {
  const DetectorSimulation sim;
  SimEvent out;
  GenParticles gen;
  ImpactParameters res;
  auto trackD0 = [&](std::int32_t row, double& d0) {
    for (std::size_t t = 0; t < out.tracks.size(); ++t)
      if (out.tracks.particle[t] == row) {
        d0 = out.tracks.d0[t];
        return true;
      }
    return false;
  };
  for (int i = 0; i < events; ++i) {
    Rng r(seed, static_cast<std::uint64_t>(i), Stream::Misc);
    const double pt = r.uniform(20.0, 60.0), eta = r.uniform(-1.0, 1.0), phi = r.uniform(-std::numbers::pi, std::numbers::pi);
    const double p = pt * std::cosh(eta), e = std::hypot(p, kTauMass);
    const double ux = std::cos(phi) / std::cosh(eta), uy = std::sin(phi) / std::cosh(eta), uz = std::tanh(eta);
    const double length = p / kTauMass * kTauCTau * r.exponential(1.0);
    // tau- -> pi- nu: isotropic two-body decay in the rest frame, boosted along the tau.
    const double pStar = (kTauMass * kTauMass - kPionMass * kPionMass) / (2.0 * kTauMass);
    const double cosT = r.uniform(-1.0, 1.0), sinT = std::sqrt(1.0 - cosT * cosT), az = r.uniform(0.0, kTwoPi);
    const double kx = pStar * sinT * std::cos(az), ky = pStar * sinT * std::sin(az), kz = pStar * cosT;
    const double eStar = std::hypot(pStar, kPionMass), gamma = e / kTauMass, beta = p / e;
    const double along = kx * ux + ky * uy + kz * uz;
    const double boost = (gamma - 1.0) * along + gamma * beta * eStar;
    const double px = kx + boost * ux, py = ky + boost * uy, pz = kz + boost * uz;
    const double ePi = gamma * (eStar + beta * along);

    gen.clear();
    GenParticles::Row tau;
    tau.pdgId = 15;
    tau.status = kGenDecayed;
    tau.charge = -1;
    tau.px = p * ux;
    tau.py = p * uy;
    tau.pz = p * uz;
    tau.e = e;
    gen.add(tau);
    GenParticles::Row pion;
    pion.pdgId = -211;
    pion.charge = -1;
    pion.px = px;
    pion.py = py;
    pion.pz = pz;
    pion.e = ePi;
    pion.vx = static_cast<float>(length * ux);
    pion.vy = static_cast<float>(length * uy);
    pion.vz = static_cast<float>(length * uz);
    pion.mother = 0;
    const std::int32_t pionRow = gen.add(pion);
    sim.simulate(static_cast<std::uint64_t>(2 * i), seed, gen, out);
    double d0 = 0.0;
    if (trackD0(pionRow, d0)) res.tau.push_back(d0);

    gen.clear();
    pion.vx = pion.vy = pion.vz = 0.0f;
    pion.mother = -1;
    const std::int32_t promptRow = gen.add(pion);
    sim.simulate(static_cast<std::uint64_t>(2 * i + 1), seed, gen, out);
    if (trackD0(promptRow, d0)) res.prompt.push_back(d0);
  }
  return res;
}

ElectronPhotonWidths electronPhotonPhiWidth(int events, std::uint64_t seed) {
  const DetectorSimulation sim;
  SimEvent out;
  GenParticles gen;
  ElectronPhotonWidths res;
  for (int i = 0; i < events; ++i) {
    for (const std::int32_t pdg : {11, 22}) {
      Rng r(seed, static_cast<std::uint64_t>(i), Stream::Misc);  // same direction for both species
      const double eta = r.uniform(-1.4, 1.4), phi = r.uniform(-std::numbers::pi, std::numbers::pi);
      gen.clear();
      addGunParticle(gen, {pdg, 50.0 * std::cosh(eta), eta, phi});
      sim.simulate(static_cast<std::uint64_t>(2 * i + (pdg == 11 ? 0 : 1)), seed, gen, out);
      const int seedHit = hottestHit(out.ecal);
      if (seedHit < 0 || geo::EcalId::isEndcap(out.ecal.id[static_cast<std::size_t>(seedHit)])) continue;
      const double w = phiWidth(out.ecal, out.ecal.id[static_cast<std::size_t>(seedHit)], 2, 10);
      (pdg == 11 ? res.electron : res.photon).push_back(w);
    }
  }
  res.auc = rocAuc(res.electron, res.photon);
  return res;
}

}  // namespace e2e::sim::validation
