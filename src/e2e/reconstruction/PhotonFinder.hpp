#pragma once
// Photon (e/gamma) candidates from ECAL clusters, barrel and endcaps. Crystals are taken in decreasing energy;
// each one above the seed threshold that no earlier cluster took seeds a cluster of the free crystals in a
// window around it, wider in phi than in eta because bremsstrahlung and conversions spread e/gamma showers along
// phi in the field. Windows are in native crystal indices (EB ieta/iphi with phi wrap, EE ix/iy per side).
#include <cstdint>
#include <vector>

#include "e2e/dataformats/CaloHits.hpp"
#include "e2e/dataformats/Objects.hpp"

namespace e2e::reco {

struct PhotonConfig {
  float seedEnergy = 1.0f;  // GeV
  float minPt = 5.0f;       // GeV, cluster transverse energy
  float maxAbsEta = 3.0f;
  int halfEta = 2;          // window: seed +- halfEta crystals along eta (EE: along y)
  int halfPhi = 5;          // and +- halfPhi along phi (EE: along x)
};

struct PhotonScratch {
  std::vector<std::int32_t> order;
  std::vector<std::int32_t> cellHit;   // EB then EE cells -> hit index, -1 when empty (reset after each event)
  std::vector<std::uint8_t> used;      // per hit
  Photons unsorted;
};

class PhotonFinder {
public:
  explicit PhotonFinder(PhotonConfig config = {}) : m_config(config) {}
  // Replaces `out` with the candidates, highest pT first; truth columns are left unmatched (0 / -1).
  void produce(const EcalHits& hits, Photons& out, PhotonScratch& scratch) const;

private:
  PhotonConfig m_config;
};

}  // namespace e2e::reco
