#pragma once
// Reconstructed physics objects that taggers score, with their truth labels from matching.
#include "e2e/dataformats/SoA.hpp"

namespace e2e {

struct Photons : SoA<Photons> {
  static constexpr const char* kType = "Photons";
  Column<float> pt, eta, phi, energy;
  Column<std::uint32_t> seed;       // EcalId of the highest-energy crystal of the cluster
  Column<std::int32_t> truthPdgId;  // 22 photon, +-11 electron, 111 pi0, 36 A (merged photons), 0 unmatched
  Column<float> truthMass;          // A -> gamma gamma: the generated A mass; else 0
  Column<std::int32_t> truthIndex;  // matched generator row, -1 if none

  template <class F, class... S>
  static void columns(F&& f, S&&... s) {
    f("pt", s.pt...);
    f("eta", s.eta...);
    f("phi", s.phi...);
    f("energy", s.energy...);
    f("seed", s.seed...);
    f("truthPdgId", s.truthPdgId...);
    f("truthMass", s.truthMass...);
    f("truthIndex", s.truthIndex...);
  }
};

struct Jets : SoA<Jets> {
  static constexpr const char* kType = "Jets";
  Column<float> pt, eta, phi, mass;
  Column<float> radius;              // clustering R
  Column<std::int32_t> nConstituents;
  Column<std::int16_t> seedIeta;     // hottest HCAL tower (depth 1) near the axis: crop centre (signed ring)
  Column<std::int16_t> seedIphi;     // 0..71
  Column<std::int32_t> truthPdgId;   // 1-5 quark, 21 gluon, 6 top, 15 tau, 0 unmatched
  Column<std::int16_t> truthDecayMode;  // hadronic tau mode (TauDecayMode), -1 otherwise
  Column<float> truthMass;              // mass of the matched truth object
  Column<std::int32_t> truthIndex;

  template <class F, class... S>
  static void columns(F&& f, S&&... s) {
    f("pt", s.pt...);
    f("eta", s.eta...);
    f("phi", s.phi...);
    f("mass", s.mass...);
    f("radius", s.radius...);
    f("nConstituents", s.nConstituents...);
    f("seedIeta", s.seedIeta...);
    f("seedIphi", s.seedIphi...);
    f("truthPdgId", s.truthPdgId...);
    f("truthDecayMode", s.truthDecayMode...);
    f("truthMass", s.truthMass...);
    f("truthIndex", s.truthIndex...);
  }
};

// One tagger output per scored object; objects that fail the tagger's selection get no row.
struct Predictions : SoA<Predictions> {
  static constexpr const char* kType = "Predictions";
  Column<std::int32_t> object;  // row in the scored collection (photons or jets of the same event)
  Column<float> value;          // probability (classifiers) or mass in GeV (regression)

  template <class F, class... S>
  static void columns(F&& f, S&&... s) {
    f("object", s.object...);
    f("value", s.value...);
  }
  void add(std::int32_t o, float v) {
    object.push_back(o);
    value.push_back(v);
  }
};

// One row per event.
struct EventInfo : SoA<EventInfo> {
  static constexpr const char* kType = "EventInfo";
  Column<std::uint64_t> event;    // event index within the run (also the random-stream key)
  Column<std::int32_t> process;   // generator process id (generators/Process.hpp)
  Column<std::int32_t> nPileup;   // number of pileup interactions overlaid
  Column<float> weight;

  template <class F, class... S>
  static void columns(F&& f, S&&... s) {
    f("event", s.event...);
    f("process", s.process...);
    f("nPileup", s.nPileup...);
    f("weight", s.weight...);
  }
};

}  // namespace e2e
