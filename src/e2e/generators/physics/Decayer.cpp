#include "e2e/generators/physics/Decayer.hpp"

#include <cmath>
#include <cstdlib>

#include "e2e/core/Random.hpp"
#include "e2e/generators/physics/DecayTable.hpp"
#include "e2e/generators/physics/ParticleData.hpp"
#include "e2e/generators/physics/PhaseSpace.hpp"
#include "e2e/generators/physics/TauDecays.hpp"

namespace e2e::gen {
namespace {

const DecayChannel& pickChannel(std::span<const DecayChannel> channels, Rng& rng) {
  double total = 0;
  for (const DecayChannel& c : channels) total += c.branching;
  double u = rng.uniform() * total;
  for (const DecayChannel& c : channels)
    if ((u -= c.branching) < 0) return c;
  return channels.back();
}

// Daughter masses: broad resonances get a Breit-Wigner mass, redrawn until the channel is open.
bool daughterMasses(const DecayChannel& c, int sign, double parentMass, Rng& rng, int* ids, double* masses) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    double sum = 0;
    for (int i = 0; i < c.n; ++i) {
      ids[i] = sign > 0 ? c.daughters[i] : antiParticle(c.daughters[i]);
      masses[i] = sampleMass(ids[i], rng, 0.28, parentMass);
      sum += masses[i];
    }
    if (sum < parentMass) return true;
  }
  return false;
}

}  // namespace

void Decayer::decayFrom(EventRecord& record, int firstRow, Rng& rng) const {
  // The record grows while we walk it: daughters appended here are visited in turn.
  for (int row = firstRow; row < record.size(); ++row)
    if (record.status(row) == kGenFinal) decay(record, row, rng);
}

bool Decayer::decay(EventRecord& record, int row, Rng& rng) const {
  const int id = record.pdgId(row);
  const int absId = std::abs(id);
  if (absId == pdg::kK0) {
    // K0 and K0bar reach the detector as the mass eigenstates, half each.
    const int k = rng.uniform() < 0.5 ? pdg::kK0S : pdg::kK0L;
    record.particles().pdgId[row] = k;
    if (k == pdg::kK0L) return false;
    return decay(record, row, rng);
  }
  const ParticleInfo* info = findParticle(id);
  if (!info || info->ctau < 0) return false;
  const bool isTau = absId == pdg::kTau;
  const std::span<const DecayChannel> channels = decayChannels(id);
  if (!isTau && channels.empty()) return false;

  const Vec4 p = record.momentum(row);
  Vertex at = record.vertex(row);
  const double mass = p.m();
  if (info->ctau > 0) {
    const double pAbs = p.p();
    const double length = (pAbs / mass) * info->ctau * rng.exponential(1.0);
    const double scale = pAbs > 0 ? length / pAbs : 0.0;
    at.x += p.px * scale;
    at.y += p.py * scale;
    at.z += p.pz * scale;
    at.t += pAbs > 0 ? length * p.e / (pAbs * kSpeedOfLight) : 0.0;
    if (info->ctau > 1.0 && (std::hypot(at.x, at.y) > m_config.volumeRadius || std::abs(at.z) > m_config.volumeHalfLength))
      return false;
  }
  if (isTau) {
    decayTau(record, row, at, rng, m_config.tauHadronicOnly);
    return true;
  }

  const DecayChannel& channel = pickChannel(channels, rng);
  int ids[kMaxDaughters];
  double masses[kMaxDaughters];
  if (!daughterMasses(channel, id > 0 ? 1 : -1, mass, rng, ids, masses)) return false;
  Vec4 out[kMaxDaughters];
  nBodyDecay(mass, masses, channel.n, rng, out);
  record.setStatus(row, kGenDecayed);
  const std::uint8_t flags = record.flags(row);
  for (int i = 0; i < channel.n; ++i) {
    out[i].boostFromRestOf(p);
    record.add(ids[i], kGenFinal, out[i], at, row, flags);
  }
  return true;
}

}  // namespace e2e::gen
