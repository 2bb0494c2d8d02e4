#include "e2e/generators/physics/PartonShower.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "e2e/core/Random.hpp"
#include "e2e/generators/physics/ParticleData.hpp"
#include "e2e/generators/physics/PhaseSpace.hpp"

namespace e2e::gen {
namespace {

constexpr double kCF = 4.0 / 3.0, kCA = 3.0, kTR = 0.5;
constexpr double kMZ = 91.1876;
constexpr double kTwoPi = 2.0 * std::numbers::pi;
enum Channel { kQToQG = 0, kGToGG = 1, kGToQQ = 2 };

bool radiatesOn(int id, bool colourLine) {
  if (id == pdg::kGluon) return true;
  return colourLine ? id > 0 : id < 0;
}

// Flavours of g -> q qbar, in the order d u s c b.
constexpr double kSplitMass[5] = {0.0, 0.0, 0.0, 1.27, 4.18};

}  // namespace

PartonShower::PartonShower(const ShowerConfig& config) : m_config(config), m_cutoff2(config.cutoff * config.cutoff) {
  const int nf = 5;
  m_b0 = (33.0 - 2.0 * nf) / (12.0 * std::numbers::pi);
  m_lambda2 = kMZ * kMZ * std::exp(-1.0 / (m_b0 * config.alphaSMz));
}

double PartonShower::alphaS(double pt2) const { return 1.0 / (m_b0 * std::log(pt2 / m_lambda2)); }

void PartonShower::setUpEnd(End& end, const std::vector<Parton>& partons, const Vec4 beams[2]) const {
  end.coefficient = 0;
  end.trialPt2 = 0;
  const Parton& rad = partons[end.radiator];
  if (!radiatesOn(rad.id, end.colourLine)) return;
  end.gluon = rad.id == pdg::kGluon;
  end.recoiler = end.colourLine ? rad.col : rad.acol;
  if (end.recoiler == kNoPartner) return;
  end.recoilGroup = -1;
  if (end.recoiler < 0) {
    Vec4 group;
    bool any = false;
    for (std::size_t k = 0; k < partons.size(); ++k) {
      if (static_cast<int>(k) == end.radiator || partons[k].group != rad.beamRecoilGroup) continue;
      group += partons[k].p;
      any = true;
    }
    if (any) {
      // Phase space: the radiator and its emission form a system of mass up to M - m_group.
      const double mass = (rad.p + group).m(), groupMass = std::max(group.m(), 0.0);
      if (!(mass > groupMass)) return;
      end.recoilGroup = rad.beamRecoilGroup;
      end.recoil = group;
      end.s = (mass - groupMass) * (mass - groupMass);
      end.maxPt2 = std::min(rad.maxPt2, 0.25 * end.s);
      if (end.maxPt2 <= m_cutoff2) return;
      setCoefficients(end);
      return;
    }
  }
  const Vec4& rec = end.recoiler >= 0 ? partons[end.recoiler].p : beams[end.recoiler == kBeamA ? 0 : 1];
  end.s = 2.0 * dot(rad.p, rec);
  end.maxPt2 = std::min(rad.maxPt2, 0.25 * end.s);
  if (end.maxPt2 <= m_cutoff2) return;
  setCoefficients(end);
}

void PartonShower::setCoefficients(End& end) const {
  end.eps = m_cutoff2 / end.s;
  const double logRange = std::log((1.0 - end.eps) / end.eps);
  if (end.gluon) {
    // Each of the gluon's two ends carries half of P_gg (C_A) and half of P_gq (n_f T_R).
    const double gg = 0.5 * kCA * 2.0 * logRange;
    const double qq = 0.5 * m_config.gluonSplitFlavours * kTR * (1.0 - 2.0 * end.eps);
    end.coefficient = (gg + qq) / kTwoPi;
    end.ggShare = gg / (gg + qq);
  } else {
    end.coefficient = kCF * 2.0 * logRange / kTwoPi;
  }
}

void PartonShower::nextTrial(End& end, double fromPt2, Rng& rng) const {
  end.trialPt2 = 0;
  if (end.coefficient <= 0) return;
  const double start = std::min(fromPt2, end.maxPt2);
  if (start <= m_cutoff2) return;
  // Sudakov of the overestimate with one-loop alpha_s: ln(t / L^2) = ln(t0 / L^2) R^(b0 / A).
  const double logT = std::log(start / m_lambda2) * std::pow(rng.uniformOpen(), m_b0 / end.coefficient);
  const double t = m_lambda2 * std::exp(logT);
  if (t <= m_cutoff2) return;
  end.trialPt2 = t;

  // z from the overestimate: 1/(1-z) (soft gluon), 1/z (its mirror), or flat (g -> q qbar).
  const double eps = end.eps;
  const double soft = 1.0 - (1.0 - eps) * std::pow(eps / (1.0 - eps), rng.uniform());
  if (!end.gluon) {
    end.channel = kQToQG;
    end.z = soft;
  } else if (rng.uniform() < end.ggShare) {
    end.channel = kGToGG;
    end.z = rng.uniform() < 0.5 ? soft : 1.0 - soft;
  } else {
    end.channel = kGToQQ;
    end.z = eps + (1.0 - 2.0 * eps) * rng.uniform();
  }
}

double PartonShower::acceptance(const End& end, const std::vector<Parton>&, Rng& rng, int& flavour) const {
  const double z = end.z, t = end.trialPt2;
  const double y = t / (end.s * z * (1.0 - z));
  if (y >= 1.0) return 0.0;
  // (1 - y): the Jacobian of the final-final dipole phase space.
  const double jacobian = 1.0 - y;
  // Catani-Seymour final-final kernels: their soft terms 1/(1 - z(1-y)) share the soft-gluon eikonal between the
  // two ends of the dipole, so that an end does not radiate collinear to its recoiler (which for a beam recoiler
  // would be initial-state radiation this shower does not model). Each is below its overestimate.
  switch (end.channel) {
    case kQToQG: {
      const double kernel = 2.0 / (1.0 - z * (1.0 - y)) - (1.0 + z);
      return jacobian * kernel * (1.0 - z) / 2.0;
    }
    case kGToGG: {
      const double kernel = 1.0 / (1.0 - z * (1.0 - y)) + 1.0 / (1.0 - (1.0 - z) * (1.0 - y)) - 2.0 + z * (1.0 - z);
      return jacobian * kernel * z * (1.0 - z);
    }
    default: {
      flavour = 1 + static_cast<int>(rng.below(static_cast<std::uint64_t>(m_config.gluonSplitFlavours)));
      if (t < kSplitMass[flavour - 1] * kSplitMass[flavour - 1]) return 0.0;
      return jacobian * (z * z + (1.0 - z) * (1.0 - z));
    }
  }
}

void PartonShower::updateColour(const End& end, std::vector<Parton>& partons, Parton& emitted, int flavour) {
  const int i = end.radiator;
  const int j = static_cast<int>(partons.size());  // the emitted parton's index once appended
  Parton& rad = partons[i];
  if (end.channel == kGToQQ) {
    // The daughter that keeps the line to the recoiler keeps its colour charge; the other gets the other line.
    if (end.colourLine) {
      rad.id = flavour;
      emitted.id = -flavour;
      emitted.col = kNoPartner;
      emitted.acol = rad.acol;
      if (rad.acol >= 0) partons[rad.acol].col = j;
      rad.acol = kNoPartner;
    } else {
      rad.id = -flavour;
      emitted.id = flavour;
      emitted.acol = kNoPartner;
      emitted.col = rad.col;
      if (rad.col >= 0) partons[rad.col].acol = j;
      rad.col = kNoPartner;
    }
    return;
  }
  // A gluon is inserted on the radiating line, between the radiator and its partner.
  emitted.id = pdg::kGluon;
  if (end.colourLine) {
    emitted.col = rad.col;
    emitted.acol = i;
    if (rad.col >= 0) partons[rad.col].acol = j;
    rad.col = j;
  } else {
    emitted.acol = rad.acol;
    emitted.col = i;
    if (rad.acol >= 0) partons[rad.acol].col = j;
    rad.acol = j;
  }
}

void PartonShower::branch(End& end, std::vector<Parton>& partons, Vec4 beams[2], int flavour, Rng& rng) const {
  const int i = end.radiator, k = end.recoiler;
  Vec4& recoilerRef = k >= 0 ? partons[k].p : beams[k == kBeamA ? 0 : 1];
  const Vec4 pi = partons[i].p, pk = recoilerRef;
  const double z = end.z, t = end.trialPt2;
  const double y = t / (end.s * z * (1.0 - z));

  // Transverse vector: built in the dipole rest frame, orthogonal to both momenta there, then boosted back.
  const Vec4 dipole = pi + pk;
  Vec4 axis = pi;
  axis.boostToRestOf(dipole);
  const Frame3 frame(axis.px, axis.py, axis.pz);
  const double phi = kTwoPi * rng.uniform();
  const double pt = std::sqrt(t);
  Vec4 kt = frame.toLab(0.0, pt * std::cos(phi), pt * std::sin(phi), 0.0);
  kt.boostFromRestOf(dipole);

  Parton emitted = partons[i];
  partons[i].p = z * pi + ((1.0 - z) * y) * pk + kt;
  emitted.p = (1.0 - z) * pi + (z * y) * pk - kt;
  recoilerRef = (1.0 - y) * pk;
  updateColour(end, partons, emitted, flavour);
  partons.push_back(emitted);
}

void PartonShower::branchWithGroupRecoil(End& end, std::vector<Parton>& partons, int flavour, Rng& rng) const {
  // In the rest frame of radiator + group: the new (radiator, emission) system of mass m^2 = pT^2 / (z (1-z)) and
  // the group move back to back along the radiator's old direction; the group keeps its mass.
  const int i = end.radiator;
  const Vec4 total = partons[i].p + end.recoil;
  const double mass = total.m(), groupMass = std::max(end.recoil.m(), 0.0);
  const double z = end.z, t = end.trialPt2;
  const double pairMass = std::sqrt(t / (z * (1.0 - z)));
  const double p = twoBodyMomentum(mass, pairMass, groupMass);
  Vec4 axis = partons[i].p;
  axis.boostToRestOf(total);
  const Frame3 frame(axis.px, axis.py, axis.pz);
  const double pairE = std::sqrt(p * p + pairMass * pairMass);
  // Light-cone split of the pair along the axis: plus momenta z P+ and (1-z) P+, transverse +-pT.
  const double plus = pairE + p;
  const double phi = kTwoPi * rng.uniform();
  const double pt = std::sqrt(t), tx = pt * std::cos(phi), ty = pt * std::sin(phi);
  auto lightCone = [&](double share, double sx, double sy) {
    const double pl = share * plus, mi = t / (share * plus);
    Vec4 v = frame.toLab(0.5 * (pl - mi), sx, sy, 0.5 * (pl + mi));
    v.boostFromRestOf(total);
    return v;
  };
  Parton emitted = partons[i];
  partons[i].p = lightCone(z, tx, ty);
  emitted.p = lightCone(1.0 - z, -tx, -ty);
  // The group moves along -axis in the frame of `total`, from energy-momentum (E, q) to (E', p): a longitudinal
  // boost of rapidity ln((E' + p) / (E + q)) carries every parton of the group there (valid for massless groups).
  Vec4 group = end.recoil;
  group.boostToRestOf(total);
  const double q = group.p();
  const double rapidity = std::log((std::sqrt(p * p + groupMass * groupMass) + p) / (group.e + q));
  const double ch = std::cosh(rapidity), sh = std::sinh(rapidity);
  for (std::size_t k = 0; k < partons.size(); ++k) {
    if (static_cast<int>(k) == i || partons[k].group != end.recoilGroup) continue;
    Vec4 v = partons[k].p;
    v.boostToRestOf(total);
    const double along = -(v.px * frame.n[0] + v.py * frame.n[1] + v.pz * frame.n[2]);  // along -axis
    const double newAlong = along * ch + v.e * sh;
    const double shift = newAlong - along;
    v = Vec4(v.px - shift * frame.n[0], v.py - shift * frame.n[1], v.pz - shift * frame.n[2], v.e * ch + along * sh);
    v.boostFromRestOf(total);
    partons[k].p = v;
  }
  updateColour(end, partons, emitted, flavour);
  partons.push_back(emitted);
}

void PartonShower::run(std::vector<Parton>& partons, Vec4 beams[2], Rng& rng, Workspace& work) const {
  auto& ends = work.ends;
  ends.clear();
  auto addEnds = [&](int index, double fromPt2) {
    for (bool line : {true, false}) {
      if (!radiatesOn(partons[index].id, line)) continue;
      End e;
      e.radiator = index;
      e.colourLine = line;
      setUpEnd(e, partons, beams);
      nextTrial(e, fromPt2, rng);
      ends.push_back(e);
    }
  };
  const int initial = static_cast<int>(partons.size());
  for (int i = 0; i < initial; ++i) addEnds(i, std::numeric_limits<double>::max());

  for (;;) {
    End* best = nullptr;
    for (End& e : ends)
      if (e.trialPt2 > 0 && (!best || e.trialPt2 > best->trialPt2)) best = &e;
    if (!best) break;
    const double t = best->trialPt2;
    int flavour = 1;
    if (rng.uniform() >= acceptance(*best, partons, rng, flavour)) {
      nextTrial(*best, t, rng);
      continue;
    }
    const int i = best->radiator, k = best->recoiler;
    const int group = best->recoilGroup;
    if (group >= 0) branchWithGroupRecoil(*best, partons, flavour, rng);
    else branch(*best, partons, beams, flavour, rng);
    const int j = static_cast<int>(partons.size()) - 1;
    // Ends whose radiator, recoiler or colour links changed, or whose recoil group moved, see a new dipole: set
    // them up again from t. A group recoil moves a whole group: every end is set up again.
    const int groupI = partons[i].group, groupK = k >= 0 ? partons[k].group : -1;
    for (End& e : ends) {
      const bool touched = group >= 0 || e.radiator == i || e.radiator == k || e.recoiler == i || e.recoiler == k ||
                           (e.recoilGroup >= 0 && (e.recoilGroup == groupI || e.recoilGroup == groupK));
      if (!touched) continue;
      setUpEnd(e, partons, beams);
      nextTrial(e, t, rng);
    }
    addEnds(j, t);
  }
}

}  // namespace e2e::gen
