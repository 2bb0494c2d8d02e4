#pragma once
// Helpers shared by the generator tests: 4-momentum sums over a GenParticles record.
#include <cmath>
#include <cstdlib>

#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/generators/Vec4.hpp"

namespace e2e::gen::test {

inline Vec4 momentum(const GenParticles& g, std::size_t i) { return {g.px[i], g.py[i], g.pz[i], g.e[i]}; }

inline bool descendsFrom(const GenParticles& g, std::size_t row, int ancestor) {
  for (int m = g.mother[row]; m >= 0; m = g.mother[static_cast<std::size_t>(m)])
    if (m == ancestor) return true;
  return false;
}

// Sums of the roots (rows without mother) and of the final state, pileup excluded.
struct Balance {
  Vec4 initial, final;
  double initialCharge = 0, finalCharge = 0;
  // Largest component of the 4-momentum difference relative to the initial energy.
  double relativeDeviation() const {
    const Vec4 d = initial - final;
    return std::max({std::abs(d.px), std::abs(d.py), std::abs(d.pz), std::abs(d.e)}) / initial.e;
  }
};

inline Balance balance(const GenParticles& g) {
  Balance b;
  for (std::size_t i = 0; i < g.size(); ++i) {
    if (g.flags[i] & kGenFromPileup) continue;
    if (g.mother[i] < 0) {
      b.initial += momentum(g, i);
      b.initialCharge += g.charge[i];
    }
    if (g.status[i] == kGenFinal) {
      b.final += momentum(g, i);
      b.finalCharge += g.charge[i];
    }
  }
  return b;
}

}  // namespace e2e::gen::test
