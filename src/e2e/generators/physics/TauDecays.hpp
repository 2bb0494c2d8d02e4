#pragma once
// Tau decays per the table in TauDecayMode.hpp: two-body pi nu, rho nu and a1 nu with Breit-Wigner resonance
// masses and isotropic resonance decays, flat phase space for 3pi pi0 nu and the kaon modes, and the V-A matrix
// element for the leptonic modes. Tau polarisation and spin correlations are not modelled.
#include "e2e/generators/EventRecord.hpp"
#include "e2e/generators/TauDecayMode.hpp"

namespace e2e {
class Rng;
}

namespace e2e::gen {

// Appends the decay products of the tau at `row` (produced at vertex `at`) and returns the mode chosen.
// With `hadronicOnly` the leptonic modes are excluded and the others renormalised.
TauDecayMode decayTau(EventRecord& record, int row, const Vertex& at, Rng& rng, bool hadronicOnly);

}  // namespace e2e::gen
