#include "e2e/generators/physics/BeamRemnants.hpp"

#include <array>
#include <cmath>

#include "e2e/core/Random.hpp"
#include "e2e/generators/physics/MomentumBalance.hpp"
#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {
namespace {

constexpr int kMaxRemnants = 24;
constexpr double kRemnantSigmaPt = 0.4;  // GeV per component

}  // namespace

bool addBeamRemnants(EventRecord& record, int beamA, int beamB, const Vertex& vertex, Rng& rng) {
  const GenParticles& g = record.particles();
  Vec4 missing = record.momentum(beamA) + record.momentum(beamB);
  int charge3Missing = charge3(record.pdgId(beamA)) + charge3(record.pdgId(beamB));
  int baryonsMissing = baryonNumber(record.pdgId(beamA)) + baryonNumber(record.pdgId(beamB));
  for (int r = 0; r < record.size(); ++r) {
    if (g.status[r] != kGenFinal || (g.flags[r] & kGenFromPileup)) continue;
    missing -= record.momentum(r);
    charge3Missing -= charge3(g.pdgId[r]);
    baryonsMissing -= baryonNumber(g.pdgId[r]);
  }

  // Species: nucleons for the baryon number, then pions for the charge; at least one hadron per side.
  std::array<int, kMaxRemnants> ids{};
  int n = 0;
  int chargeLeft = charge3Missing / 3;
  for (int b = 0; b < std::abs(baryonsMissing) && n < kMaxRemnants - 4; ++b) {
    if (baryonsMissing > 0) {
      ids[n++] = chargeLeft > 0 ? pdg::kProton : pdg::kNeutron;
      if (chargeLeft > 0) --chargeLeft;
    } else {
      ids[n++] = chargeLeft < 0 ? -pdg::kProton : -pdg::kNeutron;
      if (chargeLeft < 0) ++chargeLeft;
    }
  }
  while (chargeLeft != 0 && n < kMaxRemnants - 2) {
    ids[n++] = chargeLeft > 0 ? pdg::kPiPlus : -pdg::kPiPlus;
    chargeLeft += chargeLeft > 0 ? -1 : 1;
  }
  while (n < 2) {
    ids[n++] = pdg::kPiPlus;
    ids[n++] = -pdg::kPiPlus;
  }

  // Kinematics in the rest frame of the missing system: side A along the direction of beam A there, side B
  // opposite; Gaussian pT summing to zero; longitudinal momenta share one scale fixed by the missing mass.
  const double missingMass = missing.m();
  if (!(missingMass > 0)) return false;
  Vec4 axis = record.momentum(beamA);
  axis.boostToRestOf(missing);
  const Frame3 frame(axis.px, axis.py, axis.pz);
  std::array<double, kMaxRemnants> tu{}, tv{}, w{}, mass2{}, q2{};
  double meanU = 0, meanV = 0, weightA = 0, weightB = 0;
  const int first = static_cast<int>(rng.below(2));
  for (int i = 0; i < n; ++i) {
    tu[i] = kRemnantSigmaPt * rng.gauss();
    tv[i] = kRemnantSigmaPt * rng.gauss();
    meanU += tu[i] / n;
    meanV += tv[i] / n;
    w[i] = 0.5 + rng.uniform();
    ((i + first) % 2 == 0 ? weightA : weightB) += w[i];
  }
  for (int i = 0; i < n; ++i) {
    tu[i] -= meanU;
    tv[i] -= meanV;
    const bool sideA = (i + first) % 2 == 0;
    w[i] = sideA ? w[i] / weightA : -w[i] / weightB;  // each side's longitudinal weights sum to +-1
    const double m = nominalMass(ids[i]);
    mass2[i] = m * m + tu[i] * tu[i] + tv[i] * tv[i];
    q2[i] = w[i] * w[i];
  }
  const double k = solveMomentumScale(std::span<const double>(mass2.data(), n), std::span<const double>(q2.data(), n), missingMass);
  if (k <= 0) return false;
  for (int i = 0; i < n; ++i) {
    Vec4 p = frame.toLab(k * w[i], tu[i], tv[i], std::sqrt(mass2[i] + k * k * q2[i]));
    p.boostFromRestOf(missing);
    record.add(ids[i], kGenFinal, p, vertex, (i + first) % 2 == 0 ? beamA : beamB);
  }
  return true;
}

}  // namespace e2e::gen
