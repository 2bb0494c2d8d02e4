#include "e2e/generators/physics/TauDecays.hpp"

#include <cstdlib>

#include "e2e/core/Random.hpp"
#include "e2e/generators/physics/ParticleData.hpp"
#include "e2e/generators/physics/PhaseSpace.hpp"

namespace e2e::gen {
namespace {

using namespace pdg;

TauDecayMode pickMode(Rng& rng, bool hadronicOnly) {
  double total = 0;
  for (const TauModeInfo& m : tauDecayTable())
    if (!hadronicOnly || isHadronic(m.mode)) total += m.branching;
  double u = rng.uniform() * total;
  TauDecayMode last = TauDecayMode::kOneProng;
  for (const TauModeInfo& m : tauDecayTable()) {
    if (hadronicOnly && !isHadronic(m.mode)) continue;
    last = m.mode;
    if ((u -= m.branching) < 0) return m.mode;
  }
  return last;
}

// Writes decay products of `parentRow` (momenta given in the parent's rest frame) into the record.
// Returns the row of the first daughter.
class Writer {
public:
  Writer(EventRecord& rec, const Vertex& at, int sign, Rng& rng) : m_rec(rec), m_at(at), m_sign(sign), m_rng(rng) {}
  // Ids are given for a tau-; `m_sign` conjugates them for a tau+.
  int id(int tauMinusId) const { return m_sign > 0 ? tauMinusId : antiParticle(tauMinusId); }
  int add(int parentRow, const Vec4& parentLab, Vec4* p, const int* ids, int n, int status = kGenFinal) {
    int first = -1;
    for (int i = 0; i < n; ++i) {
      p[i].boostFromRestOf(parentLab);
      const int r = m_rec.add(id(ids[i]), status, p[i], m_at, parentRow, m_rec.flags(parentRow));
      if (first < 0) first = r;
    }
    return first;
  }
  // A resonance at `row` with lab momentum `lab` decaying isotropically into two (tau- ids).
  void twoBody(int row, const Vec4& lab, int id1, int id2) {
    m_rec.setStatus(row, kGenDecayed);
    Vec4 p[2];
    twoBodyDecay(lab.m(), nominalMass(id1), nominalMass(id2), m_rng, p[0], p[1]);
    const int ids[2] = {id1, id2};
    add(row, lab, p, ids, 2);
  }

private:
  EventRecord& m_rec;
  Vertex m_at;
  int m_sign;
  Rng& m_rng;
};

// tau- -> l- nubar_l nu_tau with |M|^2 ~ (p_tau . p_nubar)(p_l . p_nutau).
void leptonic(Writer& w, int row, const Vec4& tau, int lepton, int nuBar, Rng& rng) {
  const double M = tau.m();
  const double masses[3] = {nominalMass(lepton), 0.0, 0.0};
  Vec4 p[3];
  const Vec4 rest(0, 0, 0, M);
  const double bound = M * M * M * M / 4.0;
  do {
    nBodyDecay(M, masses, 3, rng, p);
  } while (dot(rest, p[1]) * dot(p[0], p[2]) < rng.uniform() * bound);
  const int ids[3] = {lepton, nuBar, kNuTau};
  w.add(row, tau, p, ids, 3);
}

}  // namespace

TauDecayMode decayTau(EventRecord& rec, int row, const Vertex& at, Rng& rng, bool hadronicOnly) {
  const int sign = rec.pdgId(row) > 0 ? 1 : -1;
  const Vec4 tau = rec.momentum(row);
  const double M = tau.m();
  rec.setStatus(row, kGenDecayed);
  Writer w(rec, at, sign, rng);
  const double mPi = nominalMass(kPiPlus), mPi0 = nominalMass(kPi0);
  const TauDecayMode mode = pickMode(rng, hadronicOnly);
  Vec4 p[5];
  switch (mode) {
    case TauDecayMode::kOneProng: {
      twoBodyDecay(M, mPi, 0.0, rng, p[0], p[1]);
      const int ids[2] = {-kPiPlus, kNuTau};
      w.add(row, tau, p, ids, 2);
      break;
    }
    case TauDecayMode::kOneProngPi0: {
      const double mRho = sampleMass(kRhoPlus, rng, mPi + mPi0 + 1e-4, M - 1e-4);
      twoBodyDecay(M, mRho, 0.0, rng, p[0], p[1]);
      const int ids[2] = {-kRhoPlus, kNuTau};
      const int rho = w.add(row, tau, p, ids, 2);
      w.twoBody(rho, p[0], -kPiPlus, kPi0);
      break;
    }
    case TauDecayMode::kOneProng2Pi0:
    case TauDecayMode::kThreeProng: {
      const bool neutral = mode == TauDecayMode::kOneProng2Pi0;
      const double mBachelor = neutral ? mPi0 : mPi;
      const double mA1 = sampleMass(kA1Plus, rng, mPi + mPi0 + mBachelor + 0.01, M - 1e-4);
      twoBodyDecay(M, mA1, 0.0, rng, p[0], p[1]);
      const int ids[2] = {-kA1Plus, kNuTau};
      const int a1 = w.add(row, tau, p, ids, 2);
      // a1- -> rho- pi0 -> pi- pi0 pi0, or a1- -> rho0 pi- -> pi+ pi- pi-.
      const int rhoId = neutral ? -kRhoPlus : kRho0;
      const int bachelorId = neutral ? kPi0 : -kPiPlus;
      const double rhoLo = neutral ? mPi + mPi0 : 2 * mPi;
      const double mRho = sampleMass(kRhoPlus, rng, rhoLo + 1e-4, mA1 - mBachelor - 1e-4);
      rec.setStatus(a1, kGenDecayed);
      Vec4 q[2];
      twoBodyDecay(mA1, mRho, mBachelor, rng, q[0], q[1]);
      const int qIds[2] = {rhoId, bachelorId};
      const int rho = w.add(a1, p[0], q, qIds, 2);
      if (neutral) w.twoBody(rho, q[0], -kPiPlus, kPi0);
      else w.twoBody(rho, q[0], kPiPlus, -kPiPlus);
      break;
    }
    case TauDecayMode::kThreeProngPi0: {
      const double masses[5] = {mPi, mPi, mPi, mPi0, 0.0};
      nBodyDecay(M, masses, 5, rng, p);
      const int ids[5] = {-kPiPlus, -kPiPlus, kPiPlus, kPi0, kNuTau};
      w.add(row, tau, p, ids, 5);
      break;
    }
    case TauDecayMode::kOtherHadronic: {
      const double u = rng.uniform();
      if (u < 1.0 / 3) {
        twoBodyDecay(M, nominalMass(kKPlus), 0.0, rng, p[0], p[1]);
        const int ids[2] = {-kKPlus, kNuTau};
        w.add(row, tau, p, ids, 2);
      } else {
        const bool charged = u < 2.0 / 3;
        const int ids[3] = {charged ? -kKPlus : -kK0, charged ? kPi0 : -kPiPlus, kNuTau};
        const double masses[3] = {nominalMass(ids[0]), nominalMass(ids[1]), 0.0};
        nBodyDecay(M, masses, 3, rng, p);
        w.add(row, tau, p, ids, 3);
      }
      break;
    }
    case TauDecayMode::kElectron: leptonic(w, row, tau, kElectron, -kNuE, rng); break;
    case TauDecayMode::kMuon: leptonic(w, row, tau, kMuon, -kNuMu, rng); break;
    case TauDecayMode::kNone: break;
  }
  return mode;
}

}  // namespace e2e::gen
