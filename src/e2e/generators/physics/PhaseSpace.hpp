#pragma once
// Decay kinematics in the parent's rest frame: isotropic two-body decays and flat n-body phase space.
#include "e2e/generators/Vec4.hpp"

namespace e2e {
class Rng;
}

namespace e2e::gen {

inline constexpr int kMaxDaughters = 6;

// Momentum of either daughter in the rest frame of a two-body decay M -> m1 m2 (0 below threshold).
double twoBodyMomentum(double M, double m1, double m2);
// A direction drawn uniformly on the sphere, scaled to length p.
void isotropicDirection(Rng& rng, double p, double& x, double& y, double& z);
// Isotropic M -> m1 m2 in the rest frame of M.
void twoBodyDecay(double M, double m1, double m2, Rng& rng, Vec4& p1, Vec4& p2);
// Flat n-body phase space (2 <= n <= kMaxDaughters) in the rest frame of M, by the Raubold-Lynch method with
// weight rejection, so every phase-space point is equally likely. Requires M > sum of masses.
void nBodyDecay(double M, const double* masses, int n, Rng& rng, Vec4* out);
// Boosts daughters from the rest frame of `parent` into the frame where `parent` is given.
inline void boostFromRest(Vec4* daughters, int n, const Vec4& parent) {
  for (int i = 0; i < n; ++i) daughters[i].boostFromRestOf(parent);
}

}  // namespace e2e::gen
