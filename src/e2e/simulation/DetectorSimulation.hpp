#pragma once
// The fast CMS-like detector simulation: generator particles in, detector-level hits, tracks and vertices out.
//
//   DetectorSimulation sim(config);               // tables built here, once
//   SimEvent out;                                 // reused for every event
//   sim.simulate(eventIndex, seed, gen, out);     // const and thread-safe
//
// Randomness comes only from Rng(seed, eventIndex, Stream::Simulation / Stream::Noise), with one sub-stream per
// generator particle, so an event is the same whatever thread runs it and whatever else is in it.
#include <cstdint>
#include <memory>
#include <vector>

#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/simulation/CaloAccumulator.hpp"
#include "e2e/simulation/CaloDigitizer.hpp"
#include "e2e/simulation/EmShower.hpp"
#include "e2e/simulation/HadronShower.hpp"
#include "e2e/simulation/MaterialBudget.hpp"
#include "e2e/simulation/SimEvent.hpp"
#include "e2e/simulation/SimulationConfig.hpp"
#include "e2e/simulation/TrackMaker.hpp"
#include "e2e/simulation/Transport.hpp"
#include "e2e/simulation/VertexFinder.hpp"

namespace e2e::sim {

// Per-worker buffers: dense calorimeter sums and small stacks. About 0.8 MB; allocate one per thread.
struct SimScratch {
  SimScratch();
  CellSums ecal;
  CellSums hcal;
  std::vector<SimParticle> stack;
  std::vector<int> pixelHits;  // per generator row
  std::vector<int> order, clusters;
};

class DetectorSimulation {
public:
  explicit DetectorSimulation(const SimulationConfig& config = {});

  // Simulates one event into `out` (cleared first). Uses a scratch owned by the calling thread.
  void simulate(std::uint64_t eventIndex, std::uint64_t seed, const GenParticles& gen, SimEvent& out) const;
  void simulate(std::uint64_t eventIndex, std::uint64_t seed, const GenParticles& gen, SimEvent& out,
                SimScratch& scratch) const;

  const SimulationConfig& config() const { return m_config; }
  const MaterialBudget& material() const { return m_material; }
  const CaloDigitizer& digitizer() const { return m_digitizer; }

private:
  void simulateParticle(std::size_t row, const GenParticles& gen, std::uint64_t key, SimEvent& out,
                        SimScratch& scratch) const;
  void deposit(const SimParticle& p, const ShowerStart& start, Rng& rng, SimScratch& scratch) const;

  SimulationConfig m_config;
  MaterialBudget m_material;
  Transport m_transport;
  EmShower m_em;
  HadronShower m_hadron;
  TrackMaker m_tracks;
  VertexFinder m_vertices;
  CaloDigitizer m_digitizer;
};

}  // namespace e2e::sim
