#include <gtest/gtest.h>

#include <cmath>

#include "e2e/core/Random.hpp"
#include "e2e/generators/physics/Fragmentation.hpp"
#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {
namespace {

// Mean of the Lund function (1/z)(1-z)^a exp(-c/z) by a midpoint sum.
double lundMean(double a, double c) {
  double norm = 0, first = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double z = (i + 0.5) / n;
    const double f = std::pow(1 - z, a) * std::exp(-c / z) / z;
    norm += f;
    first += z * f;
  }
  return first / norm;
}

TEST(Fragmentation, LundSamplerMatchesTheFunction) {
  Fragmentation frag;
  Rng rng(3);
  for (const double c : {0.02, 0.3, 1.2, 3.4, 27.0}) {
    double sum = 0;
    const int n = 40000;
    for (int i = 0; i < n; ++i) sum += frag.sampleZ(c, rng);
    EXPECT_NEAR(sum / n, lundMean(0.68, c), 0.005) << "c = " << c;
  }
}

TEST(Fragmentation, DipoleUsesItsMomentumAndMakesKnownHadrons) {
  Fragmentation frag;
  Rng rng(4);
  std::vector<Hadron> out;
  int closed = 0;
  double multiplicity = 0;
  const int n = 2000;
  for (int i = 0; i < n; ++i) {
    out.clear();
    const Vec4 a(0, 0, 45.6, 45.6), b(0, 0, -45.6, 45.6);
    frag.fragmentDipole({2, a, 0}, {-2, b, 1}, rng, out);
    Vec4 sum;
    int charge = 0;
    for (const Hadron& h : out) {
      sum += h.p;
      charge += charge3(h.pdgId);
      ASSERT_NE(findParticle(h.pdgId), nullptr) << h.pdgId;
    }
    multiplicity += static_cast<double>(out.size());
    if (std::abs(sum.e - 91.2) < 1e-6 && sum.p() < 1e-6) {
      ++closed;
      EXPECT_EQ(charge, 0);  // u ... ubar: flavour closes too
    }
  }
  // Almost every dipole closes exactly (the rest is balanced per event by Hadronization).
  EXPECT_GT(closed, 0.99 * n);
  // Primary hadrons of a 91 GeV string without shower: ~11 (rapidity plateau of ~1 per unit).
  EXPECT_GT(multiplicity / n, 8);
  EXPECT_LT(multiplicity / n, 15);
}

TEST(Fragmentation, HeavyQuarksFragmentHard) {
  Fragmentation frag;
  Rng rng(5);
  std::vector<Hadron> out;
  double leading = 0;
  const int n = 2000;
  for (int i = 0; i < n; ++i) {
    out.clear();
    frag.fragmentDipole({5, Vec4(0, 0, 50, 50), 0}, {-1, Vec4(0, 0, -50, 50), 1}, rng, out);
    for (const Hadron& h : out) {
      const int a = std::abs(h.pdgId);
      if (a == pdg::kBPlus || a == pdg::kB0 || a == pdg::kBs0 || a == pdg::kLambdaB) leading += h.p.e / 50.0;
    }
  }
  // Without a shower the B hadron takes nearly all of the b quark's energy (the Lund function with the B mass
  // peaks at z ~ 1 - a / (b mT^2) ~ 0.97); the shower brings <x_B> down towards the ~0.7 seen at LEP.
  EXPECT_GT(leading / n, 0.85);
  EXPECT_LT(leading / n, 0.99);
}

}  // namespace
}  // namespace e2e::gen
