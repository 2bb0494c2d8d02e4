#pragma once
// Shower-shape quantities from ECAL hits, used by the validation studies: the hottest crystal, n x n energy sums
// around a crystal, and the energy-weighted width along phi.
#include <cstdint>

#include "e2e/dataformats/CaloHits.hpp"

namespace e2e::sim::validation {

// Row of the highest-energy hit, -1 when there is none.
int hottestHit(const EcalHits& hits);
// Sum of the hits in the n x n crystals centred on `centre` (EB: ieta x iphi with phi wrapping; EE: ix x iy).
double windowSum(const EcalHits& hits, std::uint32_t centre, int n);
// Energy-weighted RMS of the iphi distance to `centre` (crystal units) over hits within +-etaHalf rows and
// +-phiHalf columns (EB only; 0 for EE centres or an empty window).
double phiWidth(const EcalHits& hits, std::uint32_t centre, int etaHalf, int phiHalf);
// Sum of all hits.
double totalEnergy(const EcalHits& hits);

}  // namespace e2e::sim::validation
