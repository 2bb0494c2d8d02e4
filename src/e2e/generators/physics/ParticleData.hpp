#pragma once
// The particle properties the generator needs: mass, width, proper decay length, charge. A small fixed table
// for the species e2e produces, plus the PDG numbering scheme for anything else (HepMC3 input).
#include <cstdint>

namespace e2e {
class Rng;
}

namespace e2e::gen {

// PDG ids used by name in the generator.
namespace pdg {
inline constexpr int kDown = 1, kUp = 2, kStrange = 3, kCharm = 4, kBottom = 5, kTop = 6;
inline constexpr int kElectron = 11, kNuE = 12, kMuon = 13, kNuMu = 14, kTau = 15, kNuTau = 16;
inline constexpr int kGluon = 21, kPhoton = 22, kZ = 23, kW = 24, kHiggs = 25, kA = 36;
inline constexpr int kPi0 = 111, kPiPlus = 211, kRho0 = 113, kRhoPlus = 213, kEta = 221, kOmega = 223, kPhi = 333;
inline constexpr int kK0L = 130, kK0S = 310, kK0 = 311, kKPlus = 321, kKStar0 = 313, kKStarPlus = 323;
inline constexpr int kDPlus = 411, kD0 = 421, kDsPlus = 431, kB0 = 511, kBPlus = 521, kBs0 = 531;
inline constexpr int kProton = 2212, kNeutron = 2112, kLambda = 3122, kLambdaC = 4122, kLambdaB = 5122;
inline constexpr int kA1Plus = 20213;  // a1(1260)+, only inside tau decays
}  // namespace pdg

struct ParticleInfo {
  int pdg;          // positive id
  double mass;      // GeV
  double width;     // GeV; 0 when the mass is fixed
  double ctau;      // proper decay length [cm]; 0: decays at once; < 0: stable
  int charge3;      // three times the charge of the positive id
  bool selfConjugate;
  const char* name;
};

// Properties of |pdgId| from the table, or nullptr.
const ParticleInfo* findParticle(int pdgId);
// Three times the electric charge of any PDG id (table first, then the quark content of the numbering scheme).
int charge3(int pdgId);
inline float charge(int pdgId) { return static_cast<float>(charge3(pdgId)) / 3.0f; }
// Baryon number of a hadron: +1 baryon, -1 antibaryon, 0 otherwise (quarks and diquarks give 0).
int baryonNumber(int pdgId);
// Nominal mass [GeV]; 0 for unknown ids.
double nominalMass(int pdgId);
// A mass drawn from the Breit-Wigner of a broad resonance, kept inside [lo, hi]; the nominal mass if narrow.
double sampleMass(int pdgId, Rng& rng, double lo = 0.0, double hi = 1e9);
// The antiparticle id (the same id for self-conjugate particles).
int antiParticle(int pdgId);
// Particles the detector sees (or that leave it): never decayed by the generator.
bool isStable(int pdgId);
inline bool isQuark(int pdgId) { return pdgId != 0 && pdgId >= -6 && pdgId <= 6; }
inline bool isParton(int pdgId) { return isQuark(pdgId) || pdgId == pdg::kGluon; }
inline bool isNeutrino(int pdgId) {
  const int a = pdgId < 0 ? -pdgId : pdgId;
  return a == 12 || a == 14 || a == 16;
}

}  // namespace e2e::gen
