#include "e2e/generators/physics/Fragmentation.hpp"

#include <cmath>
#include <utility>

#include "e2e/core/Random.hpp"
#include "e2e/generators/physics/ParticleData.hpp"
#include "e2e/generators/physics/PhaseSpace.hpp"

namespace e2e::gen {
namespace {

constexpr int kMaxHadronsPerDipole = 400;
// Lowest mass of the broad light resonances (two pions): their Breit-Wigner stays above it.
constexpr double kResonanceFloor = 0.28;

}  // namespace

// Fragmentation state of one dipole, in its rest frame: remaining light-cone momenta along A (plus) and B (minus),
// the current chain ends and the transverse momenta they carry.
struct Fragmentation::State {
  double rest[2];
  int flavour[2];
  double endPx[2] = {0, 0}, endPy[2] = {0, 0};
  int source[2];
};

double Fragmentation::sampleZ(double c, Rng& rng) const {
  const double a = m_config.lundA;
  if (c < 1.5) {
    // Proposal 1/z on [zLo, 1]; accept with (1-z)^a exp(-c/z) over its maximum.
    const double zLo = c / 12.0;
    const double zPeak = (-c + std::sqrt(c * c + 4.0 * a * c)) / (2.0 * a);
    const double hMax = std::pow(1.0 - zPeak, a) * std::exp(-c / zPeak);
    for (;;) {
      const double z = std::pow(zLo, 1.0 - rng.uniform());
      if (z >= 1.0) continue;
      if (rng.uniform() * hMax < std::pow(1.0 - z, a) * std::exp(-c / z)) return z;
    }
  }
  // Peaked near z = 1: u = 1 - z from Gamma(a + 1, 1/c), corrected by exp(-c u^2/(1-u)) / (1-u).
  const double uPeak = ((2.0 * c + 1.0) - std::sqrt(4.0 * c * c + 1.0)) / (2.0 * c);
  const double rMax = std::exp(-c * uPeak * uPeak / (1.0 - uPeak)) / (1.0 - uPeak);
  for (;;) {
    const double u = rng.gamma(a + 1.0) / c;
    if (u >= 1.0 || u <= 0.0) continue;
    if (rng.uniform() * rMax < std::exp(-c * u * u / (1.0 - u)) / (1.0 - u)) return 1.0 - u;
  }
}

void Fragmentation::close(State& s, const Frame3& frame, Rng& rng, std::vector<Hadron>& out) const {
  // What is left: light-cone momenta rest[0], rest[1] and the chain ends' transverse momenta.
  const double tx = s.endPx[0] + s.endPx[1], ty = s.endPy[0] + s.endPy[1];
  const double m2 = s.rest[0] * s.rest[1] - tx * tx - ty * ty;
  if (m2 <= 0) return;
  const double mass = std::sqrt(m2);
  // A new pair at either end: one hadron with that end, one joining the pair's other member to the far end.
  // Flavours or masses may not fit (e.g. two diquark ends, or too little mass): draw again a few times.
  int id1 = 0, id2 = 0, firstSide = 0;
  double m1 = 0, mB = 0, p = 0;
  for (int attempt = 0; attempt < 8 && p <= 0; ++attempt) {
    firstSide = attempt % 2;
    int next = 0;
    id1 = m_flavour.nextHadron(s.flavour[firstSide], rng, next);
    id2 = m_flavour.joinEnds(next, s.flavour[1 - firstSide], rng);
    if (id2 == 0) continue;
    m1 = sampleMass(id1, rng, kResonanceFloor, mass);
    mB = sampleMass(id2, rng, kResonanceFloor, mass);
    p = twoBodyMomentum(mass, m1, mB);
  }
  if (p <= 0) {
    // Too light for two hadrons: one hadron of the two ends' flavours takes the remaining 3-momentum (its energy
    // off by the mass difference, which Hadronization's balance absorbs).
    const int id = m_flavour.joinEnds(s.flavour[0], s.flavour[1], rng);
    if (id == 0) return;
    const Vec4 rest = frame.toLab(0.5 * (s.rest[0] - s.rest[1]), tx, ty, 0.5 * (s.rest[0] + s.rest[1]));
    out.push_back({id, Vec4::fromMassive(rest.px, rest.py, rest.pz, nominalMass(id)), s.source[0]});
    s.rest[0] = s.rest[1] = 0;
    return;
  }
  if (firstSide == 1) {
    std::swap(id1, id2);
    std::swap(m1, mB);
  }
  // Back to back along the dipole axis, tilted by the last pair's pT.
  const double sigma = m_config.sigmaPt / std::sqrt(2.0);
  double kx = sigma * rng.gauss(), ky = sigma * rng.gauss();
  const double kt2 = kx * kx + ky * ky;
  if (kt2 >= 0.81 * p * p) {
    const double shrink = 0.9 * p / std::sqrt(kt2);
    kx *= shrink;
    ky *= shrink;
  }
  const double along = std::sqrt(p * p - kx * kx - ky * ky);
  const Vec4 remainder = frame.toLab(0.5 * (s.rest[0] - s.rest[1]), tx, ty, 0.5 * (s.rest[0] + s.rest[1]));
  Vec4 h1 = frame.toLab(along, kx, ky, std::sqrt(p * p + m1 * m1));
  Vec4 h2 = frame.toLab(-along, -kx, -ky, std::sqrt(p * p + mB * mB));
  h1.boostFromRestOf(remainder);
  h2.boostFromRestOf(remainder);
  out.push_back({id1, h1, s.source[0]});
  out.push_back({id2, h2, s.source[1]});
  s.rest[0] = s.rest[1] = 0;
}

void Fragmentation::fragmentDipole(const End& a, const End& b, Rng& rng, std::vector<Hadron>& out) const {
  const Vec4 dipole = a.p + b.p;
  const double mass = dipole.m();
  Vec4 axis = a.p;
  axis.boostToRestOf(dipole);
  const double pStar = axis.p();
  if (!(mass > 0) || pStar <= 0) return;
  const Frame3 frame(axis.px, axis.py, axis.pz);
  const double sigma = m_config.sigmaPt / std::sqrt(2.0);
  const bool twoEnded = b.flavour != 0;

  State s;
  // Two-ended: the whole dipole (light-cone M along both axes in its rest frame) is to be used up by the hadrons.
  s.rest[0] = twoEnded ? mass : axis.e + pStar;
  s.rest[1] = twoEnded ? mass : (mass - axis.e) + pStar;
  s.flavour[0] = a.flavour;
  s.flavour[1] = b.flavour;
  s.source[0] = a.sourceRow;
  s.source[1] = b.sourceRow;
  const std::size_t first = out.size();
  for (int n = 0; n < kMaxHadronsPerDipole; ++n) {
    const int side = (twoEnded && rng.uniform() < 0.5) ? 1 : 0;
    int next = 0;
    const int id = m_flavour.nextHadron(s.flavour[side], rng, next);
    const double kx = sigma * rng.gauss(), ky = sigma * rng.gauss();
    const double px = s.endPx[side] + kx, py = s.endPy[side] + ky;
    const double m = sampleMass(id, rng, kResonanceFloor);
    const double mt2 = m * m + px * px + py * py;
    const double own = sampleZ(m_config.lundB * mt2, rng) * s.rest[side];
    const double other = mt2 / own;
    // Stop when the hadron would leave too little for the closing pair (two-ended), or would move backwards
    // (one-ended: the beam's half of the dipole is not fragmented).
    if (twoEnded ? (s.rest[side] - own) * (s.rest[1 - side] - other) < 4.0 * mt2 : other >= own) break;
    s.rest[side] -= own;
    s.rest[1 - side] -= other;
    const double along = side == 0 ? 0.5 * (own - other) : 0.5 * (other - own);
    out.push_back({id, frame.toLab(along, px, py, 0.5 * (own + other)), s.source[side]});
    s.endPx[side] = -kx;
    s.endPy[side] = -ky;
    s.flavour[side] = next;
  }
  if (twoEnded) close(s, frame, rng, out);
  for (std::size_t i = first; i < out.size(); ++i) out[i].p.boostFromRestOf(dipole);
}

}  // namespace e2e::gen
