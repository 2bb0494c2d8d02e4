// Particle guns: one particle per event from the beamspot, pT fixed or flat in [pt-min, pt-max], eta flat in
// |eta| < eta-max, phi flat. Unstable guns decay (pi0 -> gamma gamma at once, taus after their flight, hadronic
// modes only); the A gun makes A -> gamma gamma with a mass flat in [mass-min, mass-max], the A row keeping that
// mass as the truth for regression.
#include <numbers>

#include "e2e/core/Random.hpp"
#include "e2e/generators/EventRecord.hpp"
#include "e2e/generators/physics/Beamspot.hpp"
#include "e2e/generators/physics/Decayer.hpp"
#include "e2e/generators/physics/ParticleData.hpp"
#include "e2e/generators/physics/PhaseSpace.hpp"
#include "e2e/generators/physics/Pileup.hpp"
#include "e2e/generators/processes/Processes.hpp"

namespace e2e::gen {
namespace {

DecayerConfig decays(Process p) {
  DecayerConfig d;
  d.tauHadronicOnly = p == Process::kTauGun;
  return d;
}

class GunGenerator final : public EventGenerator {
public:
  GunGenerator(const GeneratorConfig& config, Process process)
      : m_config(config), m_process(process), m_decayer(decays(process)), m_pileup(config.pileupMu, config.beamspotSigmaZ) {}

  Process process() const override { return m_process; }

  void generate(std::uint64_t eventIndex, std::uint64_t seed, GenParticles& particles, EventInfo& info) const override {
    particles.clear();
    info.clear();
    Rng rng(seed, eventIndex, Stream::Generator);
    EventRecord record(particles);
    const Vertex vertex = sampleBeamspot(rng, m_config.beamspotSigmaZ);
    const double pt = m_config.ptMin == m_config.ptMax ? m_config.ptMin : rng.uniform(m_config.ptMin, m_config.ptMax);
    const double eta = m_config.etaMax * (2.0 * rng.uniform() - 1.0);
    const double phi = std::numbers::pi * (2.0 * rng.uniform() - 1.0);
    const int sign = rng.uniform() < 0.5 ? 1 : -1;

    if (m_process == Process::kAToGammaGamma) {
      const double mass = rng.uniform(m_config.massMin, m_config.massMax);
      const Vec4 a = Vec4::fromPtEtaPhiM(pt, eta, phi, mass);
      const int row = record.add(pdg::kA, kGenDecayed, a, vertex, -1);
      Vec4 g1, g2;
      twoBodyDecay(mass, 0.0, 0.0, rng, g1, g2);
      g1.boostFromRestOf(a);
      g2.boostFromRestOf(a);
      record.add(pdg::kPhoton, kGenFinal, g1, vertex, row);
      record.add(pdg::kPhoton, kGenFinal, g2, vertex, row);
    } else {
      const int id = gunId(sign);
      record.add(id, kGenFinal, Vec4::fromPtEtaPhiM(pt, eta, phi, nominalMass(id)), vertex, -1);
      m_decayer.decayFrom(record, 0, rng);
    }
    const int nPileup = m_pileup.overlay(record, seed, eventIndex);
    info.event.push_back(eventIndex);
    info.process.push_back(static_cast<std::int32_t>(m_process));
    info.nPileup.push_back(nPileup);
    info.weight.push_back(1.0f);
  }

private:
  int gunId(int sign) const {
    switch (m_process) {
      case Process::kPhotonGun: return pdg::kPhoton;
      case Process::kElectronGun: return pdg::kElectron;
      case Process::kPositronGun: return -pdg::kElectron;
      case Process::kPi0Gun: return pdg::kPi0;
      case Process::kChargedPionGun: return sign * pdg::kPiPlus;
      case Process::kMuonGun: return sign * pdg::kMuon;
      default: return sign * pdg::kTau;
    }
  }

  GeneratorConfig m_config;
  Process m_process;
  Decayer m_decayer;
  PileupOverlay m_pileup;
};

// One soft inelastic interaction as the signal (no kGenFromPileup flag), plus pileup if asked.
class MinBiasGenerator final : public EventGenerator {
public:
  explicit MinBiasGenerator(const GeneratorConfig& config) : m_config(config), m_pileup(config.pileupMu, config.beamspotSigmaZ) {}
  Process process() const override { return Process::kMinBias; }
  void generate(std::uint64_t eventIndex, std::uint64_t seed, GenParticles& particles, EventInfo& info) const override {
    particles.clear();
    info.clear();
    Rng rng(seed, eventIndex, Stream::Generator);
    EventRecord record(particles);
    m_minBias.addInteraction(record, sampleBeamspot(rng, m_config.beamspotSigmaZ), 0, rng);
    m_decayer.decayFrom(record, 0, rng);
    const int nPileup = m_pileup.overlay(record, seed, eventIndex);
    info.event.push_back(eventIndex);
    info.process.push_back(static_cast<std::int32_t>(Process::kMinBias));
    info.nPileup.push_back(nPileup);
    info.weight.push_back(1.0f);
  }

private:
  GeneratorConfig m_config;
  MinBias m_minBias;
  Decayer m_decayer;
  PileupOverlay m_pileup;
};

}  // namespace

std::unique_ptr<EventGenerator> makeGunGenerator(const GeneratorConfig& config, Process process) {
  return std::make_unique<GunGenerator>(config, process);
}

std::unique_ptr<EventGenerator> makeMinBiasGenerator(const GeneratorConfig& config, Process) {
  return std::make_unique<MinBiasGenerator>(config);
}

}  // namespace e2e::gen
