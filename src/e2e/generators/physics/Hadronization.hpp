#pragma once
// Turns the showered partons of an event into hadrons. Each final parton gets a record row (status decayed,
// mother = its hard-process parton); ColourChains cuts the partons into colour dipoles and Fragmentation turns each
// into hadrons (mother = the parton of the dipole end they come from). A line that ends on a beam forms a dipole
// with the beam's remaining momentum; only the parton's half of it is fragmented and the rest of the parton's
// share is left to the beam remnants. Fragmentation conserves the 4-momentum of each parton-parton dipole except
// when a dipole is too light to close (below 1% of them); for the remainder the hadrons are balanced against the
// partons: in their rest frame the hadrons' net 3-momentum is removed (shared in proportion to energy) and the
// 3-momenta scaled by one common factor so that the energies add up, then boosted back.
#include <vector>

#include "e2e/generators/EventRecord.hpp"
#include "e2e/generators/physics/ColourChains.hpp"
#include "e2e/generators/physics/Fragmentation.hpp"

namespace e2e {
class Rng;
}

namespace e2e::gen {

class Hadronization {
public:
  struct Workspace {
    std::vector<Hadron> hadrons;
    std::vector<DipolePiece> pieces;
    ColourChains::Workspace chains;
    std::vector<double> mass2, q2;
  };

  explicit Hadronization(const FragmentationConfig& config = {}) : m_fragmentation(config), m_chains(config.minPieceMass) {}

  // Appends the partons and their hadrons (final, produced at `vertex`). `beams` are the shower's beam recoil
  // vectors (what the beams still hold).
  void run(EventRecord& record, const std::vector<Parton>& partons, const Vec4 beams[2], const Vertex& vertex, Rng& rng,
           Workspace& work) const;

  const Fragmentation& fragmentation() const { return m_fragmentation; }

private:
  Fragmentation m_fragmentation;
  ColourChains m_chains;
};

}  // namespace e2e::gen
