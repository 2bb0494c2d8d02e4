#pragma once
// Single-particle events (guns) for validation studies, tests and benchmarks: one final-state particle with a
// given energy and direction from a given vertex.
#include <cstdint>

#include "e2e/dataformats/GenParticles.hpp"

namespace e2e::sim::validation {

struct GunParticle {
  std::int32_t pdgId = 22;
  double energy = 50.0;  // GeV
  double eta = 0.0;
  double phi = 0.0;
  double vx = 0.0, vy = 0.0, vz = 0.0;  // cm
};

// Rest mass and charge of the particles the studies use (photon, e, mu, pi, K, p, n, K0L, pi0); throws
// e2e::Error for anything else.
double gunMass(std::int32_t pdgId);
double gunCharge(std::int32_t pdgId);

// Appends the particle (status final) and returns its row.
std::int32_t addGunParticle(GenParticles& gen, const GunParticle& g);

}  // namespace e2e::sim::validation
