#pragma once
// Closes a hadron-collision event. The hard process, shower and fragmentation take partons out of the two protons
// and do not conserve flavour exactly (independent fragmentation drops the chain ends). The beam remnants carry
// what is left: the 4-momentum, charge and baryon number between the two incoming protons and the final state,
// as a few nucleons and pions close to the beam axes (|eta| ~ 8-10, outside the detector). With them, every
// collision event conserves 4-momentum and charge exactly.
#include "e2e/generators/EventRecord.hpp"

namespace e2e {
class Rng;
}

namespace e2e::gen {

// Adds the remnants of beams at rows `beamA` and `beamB`, produced at `vertex`, balancing all final-state rows
// present now (pileup rows excluded). Returns false if the missing system is too light for them (not expected
// for x < 0.9; the event is then left unbalanced).
bool addBeamRemnants(EventRecord& record, int beamA, int beamB, const Vertex& vertex, Rng& rng);

}  // namespace e2e::gen
