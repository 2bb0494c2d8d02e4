#include "e2e/modules/Simulation.hpp"

#include <utility>

#include "e2e/core/Error.hpp"
#include "e2e/dataformats/Labels.hpp"
#include "e2e/framework/Event.hpp"

namespace e2e::modules {

void Simulation::Config::check(const fw::ConfigCheck& c) const {
  c.oneOf(shower, {"integrated", "spots"}, "shower");
  sim::SimulationConfig s = *this;
  s.showerMode = sim::parseShowerMode(shower);
  try {
    s.validate();
  } catch (const Error& e) {
    c.fail("(simulation)", e.what());
  }
}

Simulation::Simulation(const fw::BuildContext& ctx, const Config& cfg)
    : fw::Module(ctx.name, fw::Category::Simulation), m_gen(this, "input", cfg.input), m_ecal(this, "ecal", labels::kEcalHits),
      m_hcal(this, "hcal", labels::kHcalHits), m_trackerHits(this, "trackerHits", labels::kTrackerHits),
      m_tracks(this, "tracks", labels::kTracks), m_vertices(this, "vertices", labels::kVertices) {
  sim::SimulationConfig s = cfg;
  s.showerMode = sim::parseShowerMode(cfg.shower);
  m_sim = std::make_unique<sim::DetectorSimulation>(s);
}

void Simulation::produce(fw::Event& event) const {
  PerThread& t = m_perThread.local();
  m_sim->simulate(event.index(), event.seed(), event.get(m_gen), t.out, t.scratch);
  // Swapping hands the filled collections to the event and keeps the event's old buffers for the next one: no
  // copy, and capacities stay warm on both sides.
  std::swap(event.put(m_ecal), t.out.ecal);
  std::swap(event.put(m_hcal), t.out.hcal);
  std::swap(event.put(m_trackerHits), t.out.trackerHits);
  std::swap(event.put(m_tracks), t.out.tracks);
  std::swap(event.put(m_vertices), t.out.vertices);
}

}  // namespace e2e::modules
