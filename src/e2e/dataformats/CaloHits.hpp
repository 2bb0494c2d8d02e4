#pragma once
// Calorimeter hits. ECAL cells are named by a packed EcalId (geometry/EcalId.hpp decodes it); HCAL hits by tower
// (ieta signed +-1..28, iphi 0..71) and depth.
#include "e2e/dataformats/SoA.hpp"

namespace e2e {

struct EcalHits : SoA<EcalHits> {
  static constexpr const char* kType = "EcalHits";
  Column<std::uint32_t> id;  // EcalId: EB (ieta, iphi) or EE (side, ix, iy)
  Column<float> energy;      // GeV
  Column<float> time;        // ns, time of flight from the nominal collision plus resolution

  template <class F, class... S>
  static void columns(F&& f, S&&... s) {
    f("id", s.id...);
    f("energy", s.energy...);
    f("time", s.time...);
  }
  void add(std::uint32_t cell, float e, float t) {
    id.push_back(cell);
    energy.push_back(e);
    time.push_back(t);
  }
};

struct HcalHits : SoA<HcalHits> {
  static constexpr const char* kType = "HcalHits";
  Column<std::int16_t> ieta;  // signed ring, +-1..+-28 (0 never used)
  Column<std::int16_t> iphi;  // 0..71 in 5-degree steps; rings |ieta| > 20 use even iphi only (10-degree towers)
  Column<std::uint8_t> depth;  // 1-based
  Column<float> energy;        // GeV
  Column<float> time;          // ns

  template <class F, class... S>
  static void columns(F&& f, S&&... s) {
    f("ieta", s.ieta...);
    f("iphi", s.iphi...);
    f("depth", s.depth...);
    f("energy", s.energy...);
    f("time", s.time...);
  }
  void add(std::int16_t ie, std::int16_t ip, std::uint8_t d, float e, float t) {
    ieta.push_back(ie);
    iphi.push_back(ip);
    depth.push_back(d);
    energy.push_back(e);
    time.push_back(t);
  }
};

}  // namespace e2e
