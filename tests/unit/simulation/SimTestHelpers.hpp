#pragma once
// Small builders shared by the simulation tests.
#include <cmath>
#include <cstdint>

#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/simulation/SimulationConfig.hpp"
#include "e2e/simulation/Transport.hpp"
#include "e2e/simulation/validation/SingleParticle.hpp"

namespace e2e::sim::test {

// Settings for clean single-particle checks: no noise, no intrinsic smearing.
inline SimulationConfig quietConfig(bool material = true) {
  SimulationConfig c;
  c.noise = false;
  c.intrinsicSmearing = false;
  c.material = material;
  c.zeroSuppressionSigmas = 0.0;
  return c;
}

inline GenParticles single(std::int32_t pdg, double energy, double eta, double phi, double vz = 0.0) {
  GenParticles g;
  validation::addGunParticle(g, {pdg, energy, eta, phi, 0.0, 0.0, vz});
  return g;
}

// A transport-level particle from the generator row.
inline SimParticle simParticle(const GenParticles& g, std::size_t row, Species species) {
  SimParticle p;
  p.state = {g.vx[row], g.vy[row], g.vz[row], g.px[row], g.py[row], g.pz[row], g.e[row], g.vt[row]};
  p.charge = g.charge[row];
  p.mass = std::sqrt(std::max(0.0, g.e[row] * g.e[row] - g.px[row] * g.px[row] - g.py[row] * g.py[row] - g.pz[row] * g.pz[row]));
  p.species = species;
  p.pdgId = g.pdgId[row];
  p.genIndex = static_cast<std::int32_t>(row);
  return p;
}

inline double sum(const std::vector<float>& v) {
  double s = 0.0;
  for (const float x : v) s += x;
  return s;
}

}  // namespace e2e::sim::test
