#include "e2e/simulation/Transport.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "e2e/geometry/Detector.hpp"
#include "e2e/geometry/TrackerGeometry.hpp"
#include "e2e/simulation/Quadrature.hpp"
#include "e2e/simulation/Ziggurat.hpp"

namespace e2e::sim {
namespace {

constexpr double kEBHalfLength = 268.6;  // cm: r = 129 cm at |eta| = 1.479
const double kEERMin = geo::kEEz / std::sinh(geo::kEEEtaMax);
const double kEERMax = geo::kEEz / std::sinh(geo::kEEEtaMin);
constexpr double kPixelEfficiency = 0.99, kStripEfficiency = 0.98;  // per crossed layer (our choice)
constexpr double kMinConversionEnergy = 0.02;                      // GeV
constexpr double kMinElectronEnergy = 0.02;                        // GeV: below, the e+- curls up in the tracker
constexpr double kElectronMass = 0.000511;
// Softer brem photons stay with the electron (they would land within a crystal or two of it): each emitted
// photon is a shower of its own, and electrons in jets would otherwise emit one at every shell.
constexpr double kMinBremEnergy = 0.03, kMinBremFraction = 0.002;
constexpr double kLn2 = 0.69314718055994531;

double minPositive(double a, double b) { return a < b ? a : b; }

// Path to leave the closed shell (cylinder r = radius capped at |z| = halfLength) from inside.
double pathOutOf(const Helix& h, double radius, double halfLength) {
  return minPositive(h.pathToCylinder(radius), minPositive(h.pathToPlane(halfLength), h.pathToPlane(-halfLength)));
}

void unitDirection(const TrackState& s, double& ux, double& uy, double& uz) {
  const double p = std::sqrt(s.px * s.px + s.py * s.py + s.pz * s.pz);
  ux = s.px / p;
  uy = s.py / p;
  uz = s.pz / p;
}

}  // namespace

Transport::Transport(const SimulationConfig& config, const MaterialBudget& material)
    : m_material(material), m_materialOn(config.material) {}

bool Transport::toCalorimeter(const SimParticle& particle, Rng& rng, TrackerHits& hits, std::vector<SimParticle>& stack,
                              ShowerStart& start, int& pixelHits) const {
  const TrackState& s = particle.state;
  if (quadrature(s.x, s.y) >= geo::kSolenoidRadius || std::abs(s.z) >= geo::kSolenoidHalfLength) return toEcalFace(s, start);
  if (particle.charge == 0.0) {
    if (particle.species == Species::Photon) return photon(particle, rng, stack, start);
    const Helix line(s, 0.0, geo::kBField);
    const double exit = pathOutOf(line, geo::kSolenoidRadius, geo::kSolenoidHalfLength);
    return exit != kNoCrossing && toEcalFace(line.at(exit), start);
  }
  return charged(particle, rng, hits, stack, start, pixelHits);
}

bool Transport::photon(const SimParticle& particle, Rng& rng, std::vector<SimParticle>& stack, ShowerStart& start) const {
  const Helix line(particle.state, 0.0, geo::kBField);
  const bool canConvert = m_materialOn && particle.generation < kMaxGeneration && particle.state.energy > kMinConversionEnergy;
  if (canConvert) {
    // Depth (in X0) at which this photon converts: exponential with mean 9/7 X0, compared with the shells.
    double depth = rng.exponential(9.0 / 7.0);
    double ux, uy, uz;
    unitDirection(particle.state, ux, uy, uz);
    const auto shells = m_material.shells();
    for (int k = MaterialBudget::firstAround(shells, particle.state.x, particle.state.y, particle.state.z);
         k < static_cast<int>(shells.size()); ++k) {
      const double path = pathOutOf(line, shells[static_cast<std::size_t>(k)].radius, shells[static_cast<std::size_t>(k)].halfLength);
      if (path == kNoCrossing) break;
      const TrackState at = line.at(path);
      const double t = m_material.thickness(shells[static_cast<std::size_t>(k)], at.x, at.y, at.z, ux, uy, uz);
      if (depth >= t) {
        depth -= t;
        continue;
      }
      // Pair energy sharing ~ 1 - 4/3 x (1 - x) (Bethe-Heitler, complete screening).
      double x;
      do x = rng.uniform();
      while (rng.uniform() > 1.0 - 4.0 / 3.0 * x * (1.0 - x));
      for (const double sign : {-1.0, 1.0}) {
        SimParticle e;
        e.state = at;
        const double energy = at.energy * (sign < 0 ? x : 1.0 - x);
        const double p = std::sqrt(std::max(0.0, energy * energy - kElectronMass * kElectronMass));
        e.state.px = ux * p;
        e.state.py = uy * p;
        e.state.pz = uz * p;
        e.state.energy = energy;
        e.charge = sign;
        e.mass = kElectronMass;
        e.species = Species::Electron;
        e.pdgId = sign < 0 ? 11 : -11;
        e.genIndex = particle.genIndex;
        e.generation = particle.generation + 1;
        if (energy > kMinElectronEnergy) stack.push_back(e);
      }
      return false;
    }
  }
  const double exit = pathOutOf(line, geo::kSolenoidRadius, geo::kSolenoidHalfLength);
  return exit != kNoCrossing && toEcalFace(line.at(exit), start);
}

bool Transport::charged(const SimParticle& particle, Rng& rng, TrackerHits& hits, std::vector<SimParticle>& stack,
                        ShowerStart& start, int& pixelHits) const {
  const auto layers = geo::trackerLayers();
  const bool isElectron = particle.species == Species::Electron;
  // Electrons radiate where the material is; everything else only scatters, which the stations model.
  const auto shells = isElectron ? m_material.shells() : m_material.stations();
  const int nLayers = static_cast<int>(layers.size());
  const int nShells = m_materialOn ? static_cast<int>(shells.size()) : 0;
  TrackState state = particle.state;
  const double r0 = quadrature(state.x, state.y);
  int layer = 0;
  while (layer < nLayers && layers[static_cast<std::size_t>(layer)].radius <= r0) ++layer;
  int shell = m_materialOn ? MaterialBudget::firstAround(shells, state.x, state.y, state.z) : nShells;

  Helix helix(state, particle.charge, geo::kBField);
  double sLayer = kNoCrossing, sShell = kNoCrossing, sExit = kNoCrossing;
  auto nextLayer = [&] {
    sLayer = kNoCrossing;
    for (; layer < nLayers; ++layer) {
      const auto& l = layers[static_cast<std::size_t>(layer)];
      const double s = helix.pathToCylinder(l.radius);
      if (s == kNoCrossing) {
        layer = nLayers;  // the circle never gets this far out
        return;
      }
      const double z = helix.start().z + s * helix.start().pz / helix.p();
      if (std::abs(z) <= l.halfLength) {
        sLayer = s;
        return;
      }
    }
  };
  auto nextBoundary = [&] {
    sShell = shell < nShells ? pathOutOf(helix, shells[static_cast<std::size_t>(shell)].radius, shells[static_cast<std::size_t>(shell)].halfLength)
                             : kNoCrossing;
    sExit = shell >= nShells ? pathOutOf(helix, geo::kSolenoidRadius, geo::kSolenoidHalfLength) : kNoCrossing;
  };
  nextLayer();
  nextBoundary();

  for (;;) {
    const double next = std::min(sLayer, std::min(sShell, sExit));
    if (next == kNoCrossing) return false;  // a looper trapped in the field
    if (next == sLayer) {
      const auto& l = layers[static_cast<std::size_t>(layer)];
      const bool pixel = l.subdet == TrackerSubdet::BPIX;
      if (rng.accept(pixel ? kPixelEfficiency : kStripEfficiency)) {
        const TrackState at = helix.at(sLayer);
        const double r = quadrature(at.x, at.y);
        const double drphi = l.sigmaRPhi * Ziggurat::normal(rng);
        const double z = std::clamp(at.z + l.sigmaZ * Ziggurat::normal(rng), -l.halfLength, l.halfLength);
        hits.add(l.subdet, l.layer, static_cast<float>(at.x - drphi * at.y / r), static_cast<float>(at.y + drphi * at.x / r),
                 static_cast<float>(z), particle.genIndex);
        if (pixel && particle.generation == 0) ++pixelHits;
      }
      ++layer;
      nextLayer();
      continue;
    }
    if (next == sShell) {
      state = helix.at(sShell);
      double ux, uy, uz;
      unitDirection(state, ux, uy, uz);
      const double t = m_material.thickness(shells[static_cast<std::size_t>(shell)], state.x, state.y, state.z, ux, uy, uz);
      if (isElectron && particle.generation < kMaxGeneration) {
        // Bethe-Heitler: the surviving energy fraction z has -ln z ~ Gamma(t / ln 2), so <z> = exp(-t).
        const double keep = std::exp(-rng.gamma(t / kLn2));
        const double photonEnergy = state.energy * (1.0 - keep);
        if (photonEnergy > std::max(kMinBremEnergy, kMinBremFraction * state.energy)) {
          SimParticle g;
          g.state = state;
          const double f = photonEnergy / std::sqrt(state.px * state.px + state.py * state.py + state.pz * state.pz);
          g.state.px *= f;
          g.state.py *= f;
          g.state.pz *= f;
          g.state.energy = photonEnergy;
          g.species = Species::Photon;
          g.pdgId = 22;
          g.genIndex = particle.genIndex;
          g.generation = particle.generation + 1;
          stack.push_back(g);
          const double energy = state.energy - photonEnergy;
          if (energy < kMinElectronEnergy) return false;
          const double p = std::sqrt(std::max(1e-12, energy * energy - particle.mass * particle.mass));
          state.px = ux * p;
          state.py = uy * p;
          state.pz = uz * p;
          state.energy = energy;
        }
      }
      scatter(state, t, particle.mass, rng);
      ++shell;
      helix = Helix(state, particle.charge, geo::kBField);
      nextLayer();
      nextBoundary();
      continue;
    }
    return toEcalFace(helix.at(sExit), start);
  }
}

void Transport::scatter(TrackState& s, double thicknessX0, double mass, Rng& rng) const {
  if (!(thicknessX0 > 0.0)) return;
  const double p = std::sqrt(s.px * s.px + s.py * s.py + s.pz * s.pz);
  const double beta = p / std::sqrt(p * p + mass * mass);
  // Highland's formula for the plane-projected scattering angle.
  const double theta0 = 0.0136 / (beta * p) * std::sqrt(thicknessX0) * (1.0 + 0.038 * std::log(thicknessX0 / (beta * beta)));
  if (!(theta0 > 1e-7)) return;
  const double ux = s.px / p, uy = s.py / p, uz = s.pz / p;
  double ax = -uy, ay = ux;
  const double n = quadrature(ax, ay);
  if (n < 1e-9) {
    ax = 1.0;
    ay = 0.0;
  } else {
    ax /= n;
    ay /= n;
  }
  const double bx = -uz * ay, by = uz * ax, bz = ux * ay - uy * ax;
  const double t1 = theta0 * Ziggurat::normal(rng), t2 = theta0 * Ziggurat::normal(rng);
  double vx = ux + t1 * ax + t2 * bx, vy = uy + t1 * ay + t2 * by, vz = uz + t2 * bz;
  const double norm = p / std::sqrt(vx * vx + vy * vy + vz * vz);
  s.px = vx * norm;
  s.py = vy * norm;
  s.pz = vz * norm;
}

bool Transport::toEcalFace(const TrackState& exit, ShowerStart& start) {
  const double p = std::sqrt(exit.px * exit.px + exit.py * exit.py + exit.pz * exit.pz);
  if (!(p > 0.0)) return false;
  start.ux = exit.px / p;
  start.uy = exit.py / p;
  start.uz = exit.pz / p;
  const double beta = exit.energy > 0.0 ? std::min(1.0, p / exit.energy) : 1.0;
  start.energy = exit.energy;
  const double r = quadrature(exit.x, exit.y);
  if (r >= geo::kEcalRadius * (1.0 - 1e-9) && std::abs(exit.z) <= kEBHalfLength) {
    start.x = exit.x;
    start.y = exit.y;
    start.z = exit.z;
    start.t = exit.t;
    start.endcap = false;
    return true;
  }
  if (start.uz == 0.0) return false;
  const double zFace = start.uz > 0.0 ? geo::kEEz : -geo::kEEz;
  const double path = (zFace - exit.z) / start.uz;
  if (path < 0.0) return false;
  start.x = exit.x + path * start.ux;
  start.y = exit.y + path * start.uy;
  start.z = zFace;
  start.t = exit.t + path / (beta * kSpeedOfLight);
  const double rFace = quadrature(start.x, start.y);
  start.endcap = true;
  return rFace >= kEERMin && rFace <= kEERMax;
}

}  // namespace e2e::sim
