#pragma once
// Fragmentation of one colour dipole into primary hadrons, string-like in its rest frame.
// The ends of a dipole (a quark, or half of a gluon: a gluon sits in two dipoles and gives each half its momentum;
// ColourChains may have merged light neighbours into massive ends) are back to back in the dipole frame, with
// light-cone momenta W+ (end A) and W- (end B). Flavour chains start at both ends; each step, at a random end,
// makes a quark-antiquark (or diquark) pair: the chain end and the new antiparticle form a hadron that takes a
// fraction z of the remaining light-cone momentum of its end, with z from the Lund function
// f(z) ~ (1/z) (1-z)^a exp(-b mT^2 / z) and a Gaussian pT shared by the pair; its mT^2 / (z W) comes from the other
// end. When the next hadron no longer fits, a last pair closes the dipole: two hadrons share what is left in a
// two-body split along the dipole axis, so the dipole's 4-momentum is used up. Both ends fill the dipole's
// rapidity span and the multiplicity grows with ln(dipole mass). A dipole whose B end is a beam fragments from A
// only, up to the middle of the dipole. Differences from the Lund string: pieces of a multi-gluon string
// fragment separately, no area law, no popcorn baryons.
#include <vector>

#include "e2e/generators/Vec4.hpp"
#include "e2e/generators/physics/FragmentationConfig.hpp"
#include "e2e/generators/physics/HadronFlavour.hpp"

namespace e2e {
class Rng;
}

namespace e2e::gen {

struct Hadron {
  int pdgId = 0;
  Vec4 p;
  int source = -1;  // record row of the parton it comes from
};

class Fragmentation {
public:
  struct End {
    int flavour = 0;  // chain start: quark > 0, antiquark < 0 (diquark +-kDiquark); 0: a beam, does not fragment
    Vec4 p;           // momentum of the end in the lab
    int sourceRow = -1;
  };

  explicit Fragmentation(const FragmentationConfig& config = {}) : m_config(config), m_flavour(config) {}
  // Appends the primary hadrons of the dipole (a, b), each tagged with the row of the end it comes from.
  void fragmentDipole(const End& a, const End& b, Rng& rng, std::vector<Hadron>& out) const;
  // z drawn from the Lund symmetric function for c = b mT^2.
  double sampleZ(double c, Rng& rng) const;
  const HadronFlavour& flavours() const { return m_flavour; }
  const FragmentationConfig& config() const { return m_config; }

private:
  struct State;
  void close(State& s, const Frame3& frame, Rng& rng, std::vector<Hadron>& out) const;

  FragmentationConfig m_config;
  HadronFlavour m_flavour;
};

}  // namespace e2e::gen
