#include "e2e/generators/processes/CollisionGenerator.hpp"

#include <cmath>

#include "e2e/generators/physics/BeamRemnants.hpp"
#include "e2e/generators/physics/Beamspot.hpp"
#include "e2e/generators/physics/ParticleData.hpp"
#include "e2e/generators/processes/Workspace.hpp"

namespace e2e::gen {
namespace {

constexpr double kMaxX = 0.9;

ShowerConfig showerConfig(const GeneratorConfig& c) {
  ShowerConfig s;
  s.cutoff = c.showerCutoff;
  s.alphaSMz = c.alphaSMz;
  return s;
}

}  // namespace

CollisionGenerator::CollisionGenerator(const GeneratorConfig& config, Process process)
    : m_config(config),
      m_process(process),
      m_shower(showerConfig(config)),
      m_pileup(config.pileupMu, config.beamspotSigmaZ) {}

double CollisionGenerator::samplePt(Rng& rng, double pivot, double power) const {
  // With u = pT^2 + pivot^2 the density is ~ u^(-power/2) du: invert its integral.
  const double a = 1.0 - 0.5 * power;
  const double uLo = m_config.ptHatMin * m_config.ptHatMin + pivot * pivot;
  const double uHi = m_config.ptHatMax * m_config.ptHatMax + pivot * pivot;
  const double r = rng.uniform();
  double u;
  if (std::abs(a) < 1e-12) u = uLo * std::pow(uHi / uLo, r);
  else u = std::pow(std::pow(uLo, a) + r * (std::pow(uHi, a) - std::pow(uLo, a)), 1.0 / a);
  return std::sqrt(std::max(u - pivot * pivot, 0.0));
}

void CollisionGenerator::sampleRapidities(Rng& rng, double mt1, double mt2, double yMax, double yMax2, double& y1,
                                          double& y2) const {
  const double eb = m_config.beamEnergy;
  for (int attempt = 0;; ++attempt) {
    // After many failures (very high pT) narrow the range: central objects need the smallest x.
    const double shrink = attempt < 100 ? 1.0 : 100.0 / attempt;
    y1 = shrink * yMax * (2.0 * rng.uniform() - 1.0);
    y2 = shrink * yMax2 * (2.0 * rng.uniform() - 1.0);
    const double xa = (mt1 * std::exp(y1) + mt2 * std::exp(y2)) / (2.0 * eb);
    const double xb = (mt1 * std::exp(-y1) + mt2 * std::exp(-y2)) / (2.0 * eb);
    if (xa < kMaxX && xb < kMaxX) return;
  }
}

int CollisionGenerator::addIncoming(HardScatter& hard, const Vec4& finalState, int idA, int idB) const {
  const double eb = hard.beamEnergy;
  hard.x[0] = (finalState.e + finalState.pz) / (2.0 * eb);
  hard.x[1] = (finalState.e - finalState.pz) / (2.0 * eb);
  const Vec4 a(0, 0, hard.x[0] * eb, hard.x[0] * eb), b(0, 0, -hard.x[1] * eb, hard.x[1] * eb);
  const int first = hard.record.add(idA, kGenHard, a, hard.vertex, hard.beamRow[0]);
  hard.record.add(idB, kGenHard, b, hard.vertex, hard.beamRow[1]);
  return first;
}

void CollisionGenerator::connectColour(Parton& a, int ia, Parton& b, int ib, Rng& rng) {
  auto beam = [&rng] { return rng.uniform() < 0.5 ? kBeamA : kBeamB; };
  const bool aCol = a.id == pdg::kGluon || a.id > 0, aAcol = a.id == pdg::kGluon || a.id < 0;
  const bool bCol = b.id == pdg::kGluon || b.id > 0, bAcol = b.id == pdg::kGluon || b.id < 0;
  a.col = a.acol = b.col = b.acol = kNoPartner;
  if (aCol && bAcol && rng.uniform() < 0.5) {
    a.col = ib;
    b.acol = ia;
  }
  if (bCol && aAcol && rng.uniform() < 0.5) {
    b.col = ia;
    a.acol = ib;
  }
  if (aCol && a.col == kNoPartner) a.col = beam();
  if (aAcol && a.acol == kNoPartner) a.acol = beam();
  if (bCol && b.col == kNoPartner) b.col = beam();
  if (bAcol && b.acol == kNoPartner) b.acol = beam();
}

void CollisionGenerator::generate(std::uint64_t eventIndex, std::uint64_t seed, GenParticles& particles,
                                  EventInfo& info) const {
  particles.clear();
  info.clear();
  Rng rng(seed, eventIndex, Stream::Generator);
  Workspace& ws = threadWorkspace();
  EventRecord record(particles);
  const Vertex vertex = sampleBeamspot(rng, m_config.beamspotSigmaZ);

  const double eb = m_config.beamEnergy;
  const double pBeam = std::sqrt(eb * eb - std::pow(nominalMass(pdg::kProton), 2));
  record.add(pdg::kProton, kGenHard, Vec4(0, 0, pBeam, eb), vertex, -1);
  record.add(pdg::kProton, kGenHard, Vec4(0, 0, -pBeam, eb), vertex, -1);

  ws.partons.clear();
  HardScatter hard{record, vertex, {0, 1}, eb, ws.partons, {0, 0}};
  hardProcess(hard, rng);

  // The shower takes the recoil of beam-connected colour lines from what the incoming partons left in the beams.
  Vec4 beams[2] = {Vec4(0, 0, (1.0 - hard.x[0]) * eb, (1.0 - hard.x[0]) * eb),
                   Vec4(0, 0, -(1.0 - hard.x[1]) * eb, (1.0 - hard.x[1]) * eb)};
  m_shower.run(ws.partons, beams, rng, ws.shower);
  m_hadronization.run(record, ws.partons, beams, vertex, rng, ws.hadronization);
  addBeamRemnants(record, 0, 1, vertex, rng);
  m_decayer.decayFrom(record, 0, rng);
  const int nPileup = m_pileup.overlay(record, seed, eventIndex);

  info.event.push_back(eventIndex);
  info.process.push_back(static_cast<std::int32_t>(m_process));
  info.nPileup.push_back(nPileup);
  info.weight.push_back(1.0f);
}

}  // namespace e2e::gen
