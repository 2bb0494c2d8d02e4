#include "e2e/generators/physics/HadronFlavour.hpp"

#include <algorithm>
#include <cstdlib>

#include "e2e/core/Random.hpp"
#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {
namespace {

using namespace pdg;

int baryonId(int quark) {
  switch (quark) {
    case kUp: return kProton;
    case kDown: return kNeutron;
    case kStrange: return kLambda;
    case kCharm: return kLambdaC;
    default: return kLambdaB;
  }
}

bool isQuarkEnd(int e) { return e > 0 && e != kDiquark; }
bool isAntiquarkEnd(int e) { return e < 0 && e != -kDiquark; }

}  // namespace

int HadronFlavour::newQuarkFlavour(Rng& rng) const {
  const double u = rng.uniform() * (2.0 + m_config.strangeness);
  return u < 1.0 ? kDown : (u < 2.0 ? kUp : kStrange);
}

int HadronFlavour::mesonId(int q, int qbar, Rng& rng, bool reject) const {
  const int heavy = std::max(q, qbar);
  if (heavy >= kCharm) {
    // At most one heavy quark: pairs are light. Positive ids: D = c qbar, B = q bbar.
    const int light = std::min(q, qbar);
    if (heavy == kCharm) {
      const int d = light == kUp ? kD0 : (light == kDown ? kDPlus : kDsPlus);
      return q == kCharm ? d : -d;
    }
    const int b = light == kUp ? kBPlus : (light == kDown ? kB0 : kBs0);
    return qbar == kBottom ? b : -b;
  }
  const bool strange = q == kStrange || qbar == kStrange;
  const bool vector = rng.uniform() < (strange ? m_config.vectorShareStrange : m_config.vectorShareLight);
  if (q == qbar) {
    // Flavour-diagonal pseudoscalars are mixtures: u ubar / d dbar is half pi0, a quarter eta, a quarter eta';
    // s sbar half eta, half eta'. eta is kept with probability etaSuppression and eta' (not modelled) never:
    // a rejected state returns 0 and the caller draws a new pair, as in the Lund model.
    if (vector) return q == kStrange ? kPhi : (rng.uniform() < 0.5 ? kRho0 : kOmega);
    const double u = rng.uniform();
    if (q == kStrange) return u < 0.5 * m_config.etaSuppression ? kEta : (reject ? 0 : kEta);
    if (u < 0.5) return kPi0;
    if (u < 0.5 + 0.25 * m_config.etaSuppression) return kEta;
    return reject ? 0 : kPi0;
  }
  if (!strange) return (q == kUp ? 1 : -1) * (vector ? kRhoPlus : kPiPlus);  // u dbar or d ubar
  // Kaons: u sbar = K+, d sbar = K0, and their conjugates.
  const int light = q == kStrange ? qbar : q;
  const int base = light == kUp ? (vector ? kKStarPlus : kKPlus) : (vector ? kKStar0 : kK0);
  return q == kStrange ? -base : base;
}

int HadronFlavour::nextHadron(int end, Rng& rng, int& next) const {
  if ((isQuarkEnd(end) || isAntiquarkEnd(end)) && rng.uniform() < m_config.diquarkRate) {
    next = isQuarkEnd(end) ? -kDiquark : kDiquark;
    return isQuarkEnd(end) ? baryonId(end) : -baryonId(-end);
  }
  if (isQuarkEnd(end) || isAntiquarkEnd(end)) {
    // Draw the new pair again while the meson is a rejected flavour-diagonal state.
    for (int attempt = 0;; ++attempt) {
      const int f = newQuarkFlavour(rng);
      const bool last = attempt == 20;
      const int id = isQuarkEnd(end) ? mesonId(end, f, rng, !last) : mesonId(f, -end, rng, !last);
      if (id != 0) {
        next = isQuarkEnd(end) ? f : -f;
        return id;
      }
    }
  }
  const int f = newQuarkFlavour(rng);
  next = end == kDiquark ? -f : f;
  return end == kDiquark ? baryonId(f) : -baryonId(f);
}

int HadronFlavour::joinEnds(int a, int b, Rng& rng) const {
  if (isQuarkEnd(a) && isAntiquarkEnd(b)) return mesonId(a, -b, rng, false);
  if (isAntiquarkEnd(a) && isQuarkEnd(b)) return mesonId(b, -a, rng, false);
  if (a == kDiquark && isQuarkEnd(b)) return baryonId(b);
  if (b == kDiquark && isQuarkEnd(a)) return baryonId(a);
  if (a == -kDiquark && isAntiquarkEnd(b)) return -baryonId(-b);
  if (b == -kDiquark && isAntiquarkEnd(a)) return -baryonId(-a);
  return 0;
}

}  // namespace e2e::gen
