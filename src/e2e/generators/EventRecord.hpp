#pragma once
// Appends generator particles to a GenParticles collection: momenta in double, vertices kept in double while
// computing and stored as float (the collection's cm / ns precision is ample for production vertices).
#include <cstdint>

#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/generators/Vec4.hpp"
#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {

struct Vertex {
  double x = 0, y = 0, z = 0, t = 0;  // cm, ns
};

inline constexpr double kSpeedOfLight = 29.9792458;  // cm / ns

class EventRecord {
public:
  explicit EventRecord(GenParticles& particles) : m_g(particles) {}

  int add(int pdgId, int status, const Vec4& p, const Vertex& v, int mother, std::uint8_t flags = 0) {
    m_g.pdgId.push_back(pdgId);
    m_g.status.push_back(static_cast<std::int16_t>(status));
    m_g.charge.push_back(charge(pdgId));
    m_g.px.push_back(p.px);
    m_g.py.push_back(p.py);
    m_g.pz.push_back(p.pz);
    m_g.e.push_back(p.e);
    m_g.vx.push_back(static_cast<float>(v.x));
    m_g.vy.push_back(static_cast<float>(v.y));
    m_g.vz.push_back(static_cast<float>(v.z));
    m_g.vt.push_back(static_cast<float>(v.t));
    m_g.mother.push_back(mother);
    m_g.flags.push_back(flags);
    return static_cast<int>(m_g.pdgId.size()) - 1;
  }

  int size() const { return static_cast<int>(m_g.pdgId.size()); }
  int pdgId(int row) const { return m_g.pdgId[row]; }
  int status(int row) const { return m_g.status[row]; }
  std::uint8_t flags(int row) const { return m_g.flags[row]; }
  void setStatus(int row, int status) { m_g.status[row] = static_cast<std::int16_t>(status); }
  Vec4 momentum(int row) const { return {m_g.px[row], m_g.py[row], m_g.pz[row], m_g.e[row]}; }
  Vertex vertex(int row) const { return {m_g.vx[row], m_g.vy[row], m_g.vz[row], m_g.vt[row]}; }
  GenParticles& particles() { return m_g; }

private:
  GenParticles& m_g;
};

}  // namespace e2e::gen
