#pragma once
// Moves one particle from its production point to the ECAL face. Charged particles follow helices from surface
// to surface (tracker layers: hits; material shells: multiple scattering and, for electrons, bremsstrahlung);
// photons fly straight and may convert in a shell. Secondaries (brem photons, conversion pairs) are pushed onto
// a caller-owned stack and transported the same way, so electrons and converted photons spread along phi.
#include <cstdint>
#include <vector>

#include "e2e/core/Random.hpp"
#include "e2e/dataformats/TrackerHits.hpp"
#include "e2e/simulation/EmShower.hpp"
#include "e2e/simulation/Helix.hpp"
#include "e2e/simulation/MaterialBudget.hpp"
#include "e2e/simulation/SimulationConfig.hpp"
#include "e2e/simulation/Species.hpp"

namespace e2e::sim {

struct SimParticle {
  TrackState state;
  double charge = 0;
  double mass = 0;
  Species species = Species::Invisible;
  std::int32_t pdgId = 0;
  std::int32_t genIndex = -1;  // the generator particle it descends from (truth for hits)
  std::int32_t generation = 0;  // 0: a generator particle; brem photons and conversion pairs count up
};

class Transport {
public:
  static constexpr int kMaxGeneration = 4;

  Transport(const SimulationConfig& config, const MaterialBudget& material);

  // Returns true and fills `start` when the particle reaches the ECAL (EB face or EE face). Tracker hits go to
  // `hits`; the number of pixel hits is added to `pixelHits`.
  bool toCalorimeter(const SimParticle& particle, Rng& rng, TrackerHits& hits, std::vector<SimParticle>& stack,
                     ShowerStart& start, int& pixelHits) const;

private:
  bool photon(const SimParticle& particle, Rng& rng, std::vector<SimParticle>& stack, ShowerStart& start) const;
  bool charged(const SimParticle& particle, Rng& rng, TrackerHits& hits, std::vector<SimParticle>& stack,
               ShowerStart& start, int& pixelHits) const;
  // Straight flight from the field boundary to the ECAL face.
  static bool toEcalFace(const TrackState& exit, ShowerStart& start);
  void scatter(TrackState& s, double thicknessX0, double mass, Rng& rng) const;

  const MaterialBudget& m_material;
  bool m_materialOn;
};

}  // namespace e2e::sim
