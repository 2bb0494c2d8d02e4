#include "e2e/generators/physics/PhaseSpace.hpp"

#include <algorithm>
#include <utility>
#include <cmath>
#include <numbers>

#include "e2e/core/Random.hpp"

namespace e2e::gen {

double twoBodyMomentum(double M, double m1, double m2) {
  if (M <= m1 + m2) return 0.0;
  const double a = (M * M - (m1 + m2) * (m1 + m2)) * (M * M - (m1 - m2) * (m1 - m2));
  return std::sqrt(std::max(a, 0.0)) / (2.0 * M);
}

void isotropicDirection(Rng& rng, double p, double& x, double& y, double& z) {
  const double cosTheta = 2.0 * rng.uniform() - 1.0;
  const double sinTheta = std::sqrt(std::max(0.0, 1.0 - cosTheta * cosTheta));
  const double phi = 2.0 * std::numbers::pi * rng.uniform();
  x = p * sinTheta * std::cos(phi);
  y = p * sinTheta * std::sin(phi);
  z = p * cosTheta;
}

void twoBodyDecay(double M, double m1, double m2, Rng& rng, Vec4& p1, Vec4& p2) {
  const double p = twoBodyMomentum(M, m1, m2);
  double x, y, z;
  isotropicDirection(rng, p, x, y, z);
  p1 = Vec4::fromMassive(x, y, z, m1);
  p2 = Vec4::fromMassive(-x, -y, -z, m2);
}

void nBodyDecay(double M, const double* masses, int n, Rng& rng, Vec4* out) {
  if (n == 2) {
    twoBodyDecay(M, masses[0], masses[1], rng, out[0], out[1]);
    return;
  }
  double massSum = 0;
  for (int i = 0; i < n; ++i) massSum += masses[i];
  const double kinetic = M - massSum;

  // Largest possible weight: each sub-system at its widest mass range.
  double weightMax = 1.0;
  {
    double lowest = masses[0], highest = masses[0] + kinetic;
    for (int i = 1; i < n; ++i) {
      lowest += masses[i];
      highest += masses[i];
      weightMax *= twoBodyMomentum(highest, lowest - masses[i], masses[i]);
    }
  }

  double r[kMaxDaughters];
  double invMass[kMaxDaughters];  // invMass[i]: mass of the system of daughters 0..i
  double pStar[kMaxDaughters];
  for (;;) {
    r[0] = 0.0;
    for (int i = 1; i < n - 1; ++i) r[i] = rng.uniform();
    r[n - 1] = 1.0;
    // Insertion sort: at most four values.
    for (int i = 2; i < n - 1; ++i)
      for (int j = i; j > 1 && r[j] < r[j - 1]; --j) std::swap(r[j], r[j - 1]);
    double partial = 0;
    for (int i = 0; i < n; ++i) {
      partial += masses[i];
      invMass[i] = partial + r[i] * kinetic;
    }
    double weight = 1.0;
    for (int i = 1; i < n; ++i) {
      pStar[i] = twoBodyMomentum(invMass[i], invMass[i - 1], masses[i]);
      weight *= pStar[i];
    }
    if (weight >= rng.uniform() * weightMax) break;
  }

  // Build from the inside out: system (0..i-1) and daughter i share the decay of system (0..i). Daughter 0 is
  // system (0..0) itself, so the first step places it directly (it may be massless, without a rest frame).
  for (int i = 1; i < n; ++i) {
    double x, y, z;
    isotropicDirection(rng, pStar[i], x, y, z);
    out[i] = Vec4::fromMassive(-x, -y, -z, masses[i]);
    const Vec4 sub = Vec4::fromMassive(x, y, z, invMass[i - 1]);
    if (i == 1) {
      out[0] = sub;
      continue;
    }
    // Daughters 0..i-1 are at rest in `sub`: carry them into the frame of system (0..i).
    for (int j = 0; j < i; ++j) out[j].boostFromRestOf(sub);
  }
}

}  // namespace e2e::gen
