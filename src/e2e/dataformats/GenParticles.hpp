#pragma once
// Generator-level particles of one event (hard process, shower, hadrons, decays, pileup).
// Units: GeV, cm, ns. Momenta are double so that per-event 4-momentum sums hold to 1e-6 relative.
#include "e2e/dataformats/SoA.hpp"

namespace e2e {

enum GenStatus : std::int16_t {
  kGenFinal = 1,       // stable, seen by the detector simulation
  kGenDecayed = 2,     // decayed or hadronised; its daughters are in the record
  kGenHard = 3,        // incoming/hard-process bookkeeping entry (beam partons, resonances before decay)
};

enum GenFlag : std::uint8_t {
  kGenFromPileup = 1 << 0,  // belongs to a pileup interaction: truth matching ignores it
};

struct GenParticles : SoA<GenParticles> {
  static constexpr const char* kType = "GenParticles";
  Column<std::int32_t> pdgId;
  Column<std::int16_t> status;  // GenStatus
  Column<float> charge;         // in units of e (quarks carry thirds)
  Column<double> px, py, pz, e;
  Column<float> vx, vy, vz, vt;  // production vertex [cm], time [ns]
  Column<std::int32_t> mother;   // row of the mother in this event, -1 if none
  Column<std::uint8_t> flags;    // GenFlag bits

  template <class F, class... S>
  static void columns(F&& f, S&&... s) {
    f("pdgId", s.pdgId...);
    f("status", s.status...);
    f("charge", s.charge...);
    f("px", s.px...);
    f("py", s.py...);
    f("pz", s.pz...);
    f("e", s.e...);
    f("vx", s.vx...);
    f("vy", s.vy...);
    f("vz", s.vz...);
    f("vt", s.vt...);
    f("mother", s.mother...);
    f("flags", s.flags...);
  }

  struct Row {
    std::int32_t pdgId = 0;
    std::int16_t status = kGenFinal;
    float charge = 0;
    double px = 0, py = 0, pz = 0, e = 0;
    float vx = 0, vy = 0, vz = 0, vt = 0;
    std::int32_t mother = -1;
    std::uint8_t flags = 0;
  };
  // Appends one particle and returns its row index.
  std::int32_t add(const Row& r) {
    pdgId.push_back(r.pdgId);
    status.push_back(r.status);
    charge.push_back(r.charge);
    px.push_back(r.px);
    py.push_back(r.py);
    pz.push_back(r.pz);
    e.push_back(r.e);
    vx.push_back(r.vx);
    vy.push_back(r.vy);
    vz.push_back(r.vz);
    vt.push_back(r.vt);
    mother.push_back(r.mother);
    flags.push_back(r.flags);
    return static_cast<std::int32_t>(pdgId.size() - 1);
  }
};

}  // namespace e2e
