#include "e2e/generators/physics/ParticleData.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <numbers>

#include "e2e/core/Random.hpp"

namespace e2e::gen {
namespace {

// PDG 2022 values. ctau < 0 marks what the generator never decays (it flies beyond the detector or is absorbed).
// Sorted by id for the binary search.
constexpr std::array kTable = {
    ParticleInfo{1, 0.0047, 0, -1, -1, false, "d"},
    ParticleInfo{2, 0.0022, 0, -1, 2, false, "u"},
    ParticleInfo{3, 0.095, 0, -1, -1, false, "s"},
    ParticleInfo{4, 1.27, 0, -1, 2, false, "c"},
    ParticleInfo{5, 4.18, 0, -1, -1, false, "b"},
    ParticleInfo{6, 172.5, 1.42, 0, 2, false, "t"},
    ParticleInfo{11, 0.00051099895, 0, -1, -3, false, "e-"},
    ParticleInfo{12, 0, 0, -1, 0, false, "nu_e"},
    ParticleInfo{13, 0.1056583755, 0, -1, -3, false, "mu-"},
    ParticleInfo{14, 0, 0, -1, 0, false, "nu_mu"},
    ParticleInfo{15, 1.77686, 0, 87.03e-4, -3, false, "tau-"},
    ParticleInfo{16, 0, 0, -1, 0, false, "nu_tau"},
    ParticleInfo{21, 0, 0, -1, 0, true, "g"},
    ParticleInfo{22, 0, 0, -1, 0, true, "gamma"},
    ParticleInfo{23, 91.1876, 2.4952, 0, 0, true, "Z0"},
    ParticleInfo{24, 80.4, 2.09, 0, 3, false, "W+"},
    ParticleInfo{25, 125.0, 0, 0, 0, true, "H"},
    ParticleInfo{36, 0.5, 0, 0, 0, true, "A"},
    ParticleInfo{111, 0.1349768, 0, 0, 0, true, "pi0"},
    ParticleInfo{113, 0.77526, 0.1491, 0, 0, true, "rho0"},
    ParticleInfo{130, 0.497611, 0, -1, 0, true, "K0L"},
    ParticleInfo{211, 0.13957039, 0, -1, 3, false, "pi+"},
    ParticleInfo{213, 0.77526, 0.1491, 0, 3, false, "rho+"},
    ParticleInfo{221, 0.547862, 0, 0, 0, true, "eta"},
    ParticleInfo{223, 0.78266, 0.00868, 0, 0, true, "omega"},
    ParticleInfo{310, 0.497611, 0, 2.6844, 0, true, "K0S"},
    ParticleInfo{311, 0.497611, 0, 0, 0, false, "K0"},
    ParticleInfo{313, 0.89555, 0.0473, 0, 0, false, "K*0"},
    ParticleInfo{321, 0.493677, 0, -1, 3, false, "K+"},
    ParticleInfo{323, 0.89166, 0.0508, 0, 3, false, "K*+"},
    ParticleInfo{333, 1.019461, 0.004249, 0, 0, true, "phi"},
    ParticleInfo{411, 1.86966, 0, 0.03118, 3, false, "D+"},
    ParticleInfo{421, 1.86484, 0, 0.01229, 0, false, "D0"},
    ParticleInfo{431, 1.96835, 0, 0.01499, 3, false, "D_s+"},
    ParticleInfo{511, 5.27965, 0, 0.04557, 0, false, "B0"},
    ParticleInfo{521, 5.27934, 0, 0.04911, 3, false, "B+"},
    ParticleInfo{531, 5.36688, 0, 0.04527, 0, false, "B_s0"},
    ParticleInfo{2112, 0.93956542, 0, -1, 0, false, "n"},
    ParticleInfo{2212, 0.93827209, 0, -1, 3, false, "p"},
    ParticleInfo{3122, 1.115683, 0, 7.89, 0, false, "Lambda"},
    ParticleInfo{4122, 2.28646, 0, 0.00600, 3, false, "Lambda_c+"},
    ParticleInfo{5122, 5.6196, 0, 0.04416, 0, false, "Lambda_b"},
    ParticleInfo{20213, 1.230, 0.420, 0, 3, false, "a1+"},
};

static_assert(std::is_sorted(kTable.begin(), kTable.end(), [](const auto& a, const auto& b) { return a.pdg < b.pdg; }));

// Three times the charge of quark flavour q (1..6).
int quarkCharge3(int q) { return (q % 2 == 0) ? 2 : -1; }

// Charge from the PDG numbering scheme: digits n nr nL nq1 nq2 nq3 nJ.
int schemeCharge3(int id) {
  const int a = std::abs(id);
  int c = 0;
  if (a < 100) {
    if (a >= 1 && a <= 8) c = quarkCharge3(a);
    else if (a == 11 || a == 13 || a == 15 || a == 17) c = -3;
    else if (a == 24 || a == 34 || a == 37) c = 3;
    else c = 0;
  } else if (a >= 1000000000) {
    c = 3 * ((a / 10000) % 1000);  // nucleus: 10LZZZAAAI
  } else {
    const int q1 = (a / 1000) % 10, q2 = (a / 100) % 10, q3 = (a / 10) % 10;
    if (q1 == 0 && q2 != 0 && q3 != 0) {
      // Meson q2 anti-q3; for a down-type heavier quark the positive id holds the antiquark of q2.
      c = (q2 % 2 == 1) ? quarkCharge3(q3) - quarkCharge3(q2) : quarkCharge3(q2) - quarkCharge3(q3);
      if (q2 == q3) c = 0;
    } else if (q1 != 0 && q2 != 0) {
      c = quarkCharge3(q1) + quarkCharge3(q2) + (q3 != 0 ? quarkCharge3(q3) : 0);
    }
  }
  return id < 0 ? -c : c;
}

}  // namespace

const ParticleInfo* findParticle(int pdgId) {
  const int a = std::abs(pdgId);
  const auto it = std::lower_bound(kTable.begin(), kTable.end(), a, [](const ParticleInfo& p, int v) { return p.pdg < v; });
  return (it != kTable.end() && it->pdg == a) ? &*it : nullptr;
}

int charge3(int pdgId) {
  if (const ParticleInfo* p = findParticle(pdgId)) return pdgId < 0 ? -p->charge3 : p->charge3;
  return schemeCharge3(pdgId);
}

int baryonNumber(int pdgId) {
  const int a = std::abs(pdgId);
  if (a < 1000 || a >= 1000000000) return 0;
  const int q1 = (a / 1000) % 10, q2 = (a / 100) % 10, q3 = (a / 10) % 10;
  if (q1 == 0 || q2 == 0 || q3 == 0) return 0;  // diquarks have nq3 = 0
  return pdgId < 0 ? -1 : 1;
}

double nominalMass(int pdgId) {
  const ParticleInfo* p = findParticle(pdgId);
  return p ? p->mass : 0.0;
}

double sampleMass(int pdgId, Rng& rng, double lo, double hi) {
  const ParticleInfo* p = findParticle(pdgId);
  if (!p) return 0.0;
  if (p->width <= 0) return p->mass;
  // Non-relativistic Breit-Wigner, truncated to [lo, hi] and to +-5 widths, sampled by the inverse CDF.
  const double mLo = std::max(lo, p->mass - 5 * p->width);
  const double mHi = std::min(hi, p->mass + 5 * p->width);
  if (mHi <= mLo) return 0.5 * (std::max(lo, 0.0) + std::min(hi, p->mass + 5 * p->width));
  const double half = 0.5 * p->width;
  const double aLo = std::atan((mLo - p->mass) / half), aHi = std::atan((mHi - p->mass) / half);
  return p->mass + half * std::tan(aLo + (aHi - aLo) * rng.uniform());
}

int antiParticle(int pdgId) {
  const ParticleInfo* p = findParticle(pdgId);
  if (p && p->selfConjugate) return pdgId;
  const int a = std::abs(pdgId);
  // Unknown ids: neutral mesons with q2 == q3 are their own antiparticles.
  if (!p && a > 100 && a < 1000 && (a / 100) % 10 == (a / 10) % 10) return pdgId;
  return -pdgId;
}

bool isStable(int pdgId) {
  const ParticleInfo* p = findParticle(pdgId);
  return !p || p->ctau < 0;
}

}  // namespace e2e::gen
