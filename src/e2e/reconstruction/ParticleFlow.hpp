#pragma once
// Particle-flow-like candidates for jet clustering. Charged candidates are the tracks from the primary vertex
// (charged-hadron subtraction of pileup); neutral candidates are what the calorimeters saw in each 5-degree tower
// (ECAL + HCAL, 56 x 72) beyond the momentum of the tracks that reach that tower. Tracks are followed to the
// ECAL face along their helix in phi, so a bent low-pT track removes its energy from the tower it really hit.
#include <cstdint>
#include <vector>

#include "e2e/dataformats/CaloHits.hpp"
#include "e2e/dataformats/SoA.hpp"
#include "e2e/dataformats/Tracks.hpp"

namespace e2e::reco {

struct PFCandidates : SoA<PFCandidates> {
  static constexpr const char* kType = "PFCandidates";
  Column<float> pt, eta, phi, mass;
  Column<std::int8_t> charge;
  Column<std::int32_t> source;  // track row for charged candidates, tower index (ring * 72 + iphi) for neutrals

  template <class F, class... S>
  static void columns(F&& f, S&&... s) {
    f("pt", s.pt...);
    f("eta", s.eta...);
    f("phi", s.phi...);
    f("mass", s.mass...);
    f("charge", s.charge...);
    f("source", s.source...);
  }
  void add(float p, float e, float ph, float m, std::int8_t q, std::int32_t src) {
    pt.push_back(p);
    eta.push_back(e);
    phi.push_back(ph);
    mass.push_back(m);
    charge.push_back(q);
    source.push_back(src);
  }
};

struct PFConfig {
  float pvDz = 0.2f;          // cm: charged candidates must come from within this of the primary vertex
  float minNeutral = 1.0f;    // GeV: smallest tower excess kept as a neutral candidate
  float minTrackPt = 0.5f;    // GeV
};

struct PFScratch {
  std::vector<float> calo, tracks;  // per 5-degree tower: calorimeter energy, track momentum reaching it
};

class ParticleFlow {
public:
  explicit ParticleFlow(PFConfig config = {}) : m_config(config) {}
  void produce(const Tracks& tracks, const EcalHits& ecal, const HcalHits& hcal, float pvZ, PFCandidates& out,
               PFScratch& scratch) const;

private:
  PFConfig m_config;
};

// Tower (ring index 0..55, 5-degree iphi 0..71) containing a direction, -1 outside |eta| < 3.
int towerIndex(double eta, double phi);
// phi of a track at the ECAL face (r = 129 cm in 3.8 T); returns false when the track curls up before it.
bool phiAtEcal(float pt, float phi, int charge, float& phiOut);

}  // namespace e2e::reco
