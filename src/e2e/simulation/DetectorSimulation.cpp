#include "e2e/simulation/DetectorSimulation.hpp"

#include <cmath>
#include <initializer_list>
#include <numbers>

namespace e2e::sim {
namespace {

constexpr double kPi0Mass = 0.1349768;

SimParticle fromGen(const GenParticles& gen, std::size_t row) {
  SimParticle p;
  p.state.x = gen.vx[row];
  p.state.y = gen.vy[row];
  p.state.z = gen.vz[row];
  p.state.t = gen.vt[row];
  p.state.px = gen.px[row];
  p.state.py = gen.py[row];
  p.state.pz = gen.pz[row];
  p.state.energy = gen.e[row];
  const double p2 = p.state.px * p.state.px + p.state.py * p.state.py + p.state.pz * p.state.pz;
  p.mass = std::sqrt(std::max(0.0, p.state.energy * p.state.energy - p2));
  p.charge = gen.charge[row];
  p.pdgId = gen.pdgId[row];
  p.species = classify(p.pdgId, p.charge);
  p.genIndex = static_cast<std::int32_t>(row);
  return p;
}

// Two-photon decay, isotropic in the rest frame, for a pi0 / eta the generator left undecayed.
void decayToPhotons(const SimParticle& m, Rng& rng, std::vector<SimParticle>& stack) {
  const double mass = m.mass > 0.01 ? m.mass : kPi0Mass;
  const double e = std::max(m.state.energy, mass);
  const double p = std::sqrt(std::max(0.0, e * e - mass * mass));
  const double gamma = e / mass, beta = p / e;
  const double bx = p > 0 ? m.state.px / p : 0.0, by = p > 0 ? m.state.py / p : 0.0, bz = p > 0 ? m.state.pz / p : 1.0;
  const double cosT = rng.uniform(-1.0, 1.0), sinT = std::sqrt(1.0 - cosT * cosT);
  const double phi = 2.0 * std::numbers::pi * rng.uniform();
  const double half = 0.5 * mass;
  for (const double sign : {1.0, -1.0}) {
    const double kx = sign * half * sinT * std::cos(phi), ky = sign * half * sinT * std::sin(phi), kz = sign * half * cosT;
    const double along = kx * bx + ky * by + kz * bz;
    const double boost = (gamma - 1.0) * along + gamma * beta * half;
    SimParticle g;
    g.state = m.state;
    g.state.px = kx + boost * bx;
    g.state.py = ky + boost * by;
    g.state.pz = kz + boost * bz;
    g.state.energy = gamma * (half + beta * along);
    g.species = Species::Photon;
    g.pdgId = 22;
    g.genIndex = m.genIndex;
    stack.push_back(g);
  }
}

bool makesTrack(Species s) { return s == Species::Electron || s == Species::Muon || s == Species::ChargedHadron; }

}  // namespace

SimScratch::SimScratch() : ecal(ecalcell::kCount), hcal(hcalcell::kCount) {
  stack.reserve(1024);
  pixelHits.reserve(16384);
  order.reserve(16384);
  clusters.reserve(1024);
}

DetectorSimulation::DetectorSimulation(const SimulationConfig& config)
    : m_config((config.validate(), config)),
      m_material(config.materialScale),
      m_transport(m_config, m_material),
      m_em(m_config),
      m_hadron(m_config),
      m_tracks(m_config),
      m_digitizer(m_config) {}

void DetectorSimulation::simulate(std::uint64_t eventIndex, std::uint64_t seed, const GenParticles& gen, SimEvent& out) const {
  thread_local std::unique_ptr<SimScratch> scratch;
  if (!scratch) scratch = std::make_unique<SimScratch>();
  simulate(eventIndex, seed, gen, out, *scratch);
}

void DetectorSimulation::simulate(std::uint64_t eventIndex, std::uint64_t seed, const GenParticles& gen, SimEvent& out,
                                  SimScratch& scratch) const {
  out.clear();
  scratch.ecal.clear();
  scratch.hcal.clear();
  scratch.pixelHits.assign(gen.size(), 0);
  Rng eventRng(seed, eventIndex, Stream::Simulation);
  const std::uint64_t particleKey = eventRng.next();
  const std::uint64_t trackKey = eventRng.next();

  for (std::size_t row = 0; row < gen.size(); ++row)
    if (gen.status[row] == kGenFinal) simulateParticle(row, gen, particleKey, out, scratch);

  for (std::size_t row = 0; row < gen.size(); ++row) {
    if (gen.status[row] != kGenFinal || gen.charge[row] == 0.0f) continue;
    const SimParticle p = fromGen(gen, row);
    if (!makesTrack(p.species)) continue;
    Rng rng(mix64(trackKey ^ mix64(row + 1)));
    m_tracks.make(p.state, p.charge, p.species == Species::Electron, p.genIndex, scratch.pixelHits[row], rng, out.tracks);
  }
  m_vertices.find(out.tracks, gen, out.vertices, scratch.order, scratch.clusters);

  Rng noise(seed, eventIndex, Stream::Noise);
  m_digitizer.ecal(scratch.ecal, noise, out.ecal);
  m_digitizer.hcal(scratch.hcal, noise, out.hcal);
}

void DetectorSimulation::simulateParticle(std::size_t row, const GenParticles& gen, std::uint64_t key, SimEvent& out,
                                          SimScratch& scratch) const {
  const SimParticle primary = fromGen(gen, row);
  if (primary.species == Species::Invisible) return;
  Rng rng(mix64(key ^ mix64(row + 1)));
  auto& stack = scratch.stack;
  stack.clear();
  if (primary.species == Species::LightNeutralMeson)
    decayToPhotons(primary, rng, stack);
  else
    stack.push_back(primary);
  while (!stack.empty()) {
    const SimParticle p = stack.back();
    stack.pop_back();
    ShowerStart start;
    int pixel = 0;
    const bool reached = m_transport.toCalorimeter(p, rng, out.trackerHits, stack, start, pixel);
    scratch.pixelHits[row] += pixel;
    if (reached) deposit(p, start, rng, scratch);
  }
}

void DetectorSimulation::deposit(const SimParticle& p, const ShowerStart& start, Rng& rng, SimScratch& scratch) const {
  switch (p.species) {
    case Species::Photon:
    case Species::Electron: {
      const double leak = m_em.deposit(start, start.energy, rng, scratch.ecal);
      m_hadron.emLeakage(start, leak, scratch.hcal);
      break;
    }
    case Species::Muon: m_hadron.muon(start, start.energy, rng, scratch.ecal, scratch.hcal); break;
    case Species::ChargedHadron:
      m_hadron.charged(start, depositableEnergy(p.pdgId, start.energy, p.mass), rng, scratch.ecal, scratch.hcal);
      break;
    case Species::NeutralHadron:
      m_hadron.neutral(start, depositableEnergy(p.pdgId, start.energy, p.mass), rng, scratch.ecal, scratch.hcal);
      break;
    default: break;
  }
}

}  // namespace e2e::sim
