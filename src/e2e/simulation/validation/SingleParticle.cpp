#include "e2e/simulation/validation/SingleParticle.hpp"

#include <cmath>
#include <cstdlib>

#include "e2e/core/Error.hpp"

namespace e2e::sim::validation {

double gunMass(std::int32_t pdgId) {
  switch (std::abs(pdgId)) {
    case 22: return 0.0;
    case 11: return 0.000511;
    case 13: return 0.1056584;
    case 211: return 0.1395702;
    case 111: return 0.1349768;
    case 321: return 0.493677;
    case 130: return 0.497611;
    case 2212: return 0.9382721;
    case 2112: return 0.9395654;
    default: fail("particle gun: unsupported PDG id ", pdgId);
  }
}

double gunCharge(std::int32_t pdgId) {
  const int a = std::abs(pdgId);
  const int sign = pdgId > 0 ? 1 : -1;
  switch (a) {
    case 11: case 13: return -sign;  // e-, mu- are particles with negative charge
    case 211: case 321: case 2212: return sign;
    case 22: case 111: case 130: case 2112: return 0.0;
    default: fail("particle gun: unsupported PDG id ", pdgId);
  }
}

std::int32_t addGunParticle(GenParticles& gen, const GunParticle& g) {
  const double m = gunMass(g.pdgId);
  const double p = std::sqrt(std::max(0.0, g.energy * g.energy - m * m));
  const double pt = p / std::cosh(g.eta);
  GenParticles::Row r;
  r.pdgId = g.pdgId;
  r.status = kGenFinal;
  r.charge = static_cast<float>(gunCharge(g.pdgId));
  r.px = pt * std::cos(g.phi);
  r.py = pt * std::sin(g.phi);
  r.pz = pt * std::sinh(g.eta);
  r.e = g.energy;
  r.vx = static_cast<float>(g.vx);
  r.vy = static_cast<float>(g.vy);
  r.vz = static_cast<float>(g.vz);
  return gen.add(r);
}

}  // namespace e2e::sim::validation
