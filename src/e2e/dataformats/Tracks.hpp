#pragma once
#include "e2e/dataformats/SoA.hpp"

namespace e2e {

// Reconstructed tracks, parameters at the point of closest approach to the beam line. Units: GeV, cm.
struct Tracks : SoA<Tracks> {
  static constexpr const char* kType = "Tracks";
  Column<float> pt, eta, phi;
  Column<std::int8_t> charge;
  Column<float> d0, dz;                     // transverse / longitudinal impact parameters
  Column<float> sigmaPt, sigmaD0, sigmaDz;  // uncertainties
  Column<std::uint8_t> quality;             // bit 0: highPurity; bits 4-7: number of pixel hits
  Column<std::int16_t> vertex;              // associated vertex row, -1 if none
  Column<std::int32_t> particle;            // generator row (truth), -1 for fakes

  template <class F, class... S>
  static void columns(F&& f, S&&... s) {
    f("pt", s.pt...);
    f("eta", s.eta...);
    f("phi", s.phi...);
    f("charge", s.charge...);
    f("d0", s.d0...);
    f("dz", s.dz...);
    f("sigmaPt", s.sigmaPt...);
    f("sigmaD0", s.sigmaD0...);
    f("sigmaDz", s.sigmaDz...);
    f("quality", s.quality...);
    f("vertex", s.vertex...);
    f("particle", s.particle...);
  }
};

// Primary and pileup vertices. Row 0 is the primary (hard-scatter) vertex when present.
struct Vertices : SoA<Vertices> {
  static constexpr const char* kType = "Vertices";
  Column<float> x, y, z;  // cm
  Column<float> sumPt2;
  Column<std::int32_t> nTracks;
  Column<std::uint8_t> isPileup;  // truth: 1 when made by a pileup interaction

  template <class F, class... S>
  static void columns(F&& f, S&&... s) {
    f("x", s.x...);
    f("y", s.y...);
    f("z", s.z...);
    f("sumPt2", s.sumPt2...);
    f("nTracks", s.nTracks...);
    f("isPileup", s.isPileup...);
  }
};

}  // namespace e2e
