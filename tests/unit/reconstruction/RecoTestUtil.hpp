#pragma once
// Small builders for hand-made generator records and tracks.
#include <cmath>

#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/dataformats/Tracks.hpp"

namespace e2e::test {

inline std::int32_t addGen(GenParticles& g, int pdg, int status, double pt, double eta, double phi, double m, int mother,
                           std::uint8_t flags = 0) {
  GenParticles::Row r;
  r.pdgId = pdg;
  r.status = static_cast<std::int16_t>(status);
  r.px = pt * std::cos(phi);
  r.py = pt * std::sin(phi);
  r.pz = pt * std::sinh(eta);
  r.e = std::sqrt(r.px * r.px + r.py * r.py + r.pz * r.pz + m * m);
  r.mother = mother;
  r.flags = flags;
  return g.add(r);
}

inline void addTrack(Tracks& t, float pt, float eta, float phi, int charge, float dz, float sigmaDz = 0.01f) {
  t.pt.push_back(pt);
  t.eta.push_back(eta);
  t.phi.push_back(phi);
  t.charge.push_back(static_cast<std::int8_t>(charge));
  t.d0.push_back(0);
  t.dz.push_back(dz);
  t.sigmaPt.push_back(0.01f * pt);
  t.sigmaD0.push_back(0.001f);
  t.sigmaDz.push_back(sigmaDz);
  t.quality.push_back(1);
  t.vertex.push_back(-1);
  t.particle.push_back(-1);
}

}  // namespace e2e::test
