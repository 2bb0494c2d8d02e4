#pragma once
// Cuts the showered partons into the colour dipoles that Fragmentation turns into hadrons. Partons are followed
// along their colour lines into chains: open chains run from a quark (or a line coming from a beam) to an
// antiquark (or a line going to a beam); gluon-only chains close on themselves. Neighbours in a chain whose dipole
// is lighter than minPieceMass (plus the D / B meson mass for a charm / bottom end) are merged into one massive end
// (a string piece too short to make its hadrons), the most deficient first,
// then each remaining neighbour pair is a dipole. An element of a chain gives each of its (one or two) dipoles
// an equal share of its momentum.
#include <vector>

#include "e2e/generators/physics/Fragmentation.hpp"
#include "e2e/generators/physics/PartonShower.hpp"

namespace e2e {
class Rng;
}

namespace e2e::gen {

struct DipolePiece {
  Fragmentation::End a, b;  // a: the colour end; b: the anticolour end (flavour 0 when it is a beam)
  bool beamEnd = false;     // one end is a beam: fragment from the parton end only (a holds it)
  int beam = -1;            // 0 or 1: which beam
};

class ColourChains {
public:
  struct Element {
    Vec4 p;
    int flavourCol = 0, flavourAcol = 0;  // chain-end flavour on its colour / anticolour side (0: random)
    int row = -1;
    double leadEnergy = 0;
  };
  struct Workspace {
    std::vector<Element> elements;
    std::vector<char> visited;
  };

  explicit ColourChains(double minPieceMass) : m_minMass(minPieceMass) {}
  // Appends the dipoles of `partons` (record rows firstRow + index) to `out`. Gluon ends get random light flavours.
  void build(const std::vector<Parton>& partons, int firstRow, const Vec4 beams[2], const HadronFlavour& flavours,
             Rng& rng, Workspace& work, std::vector<DipolePiece>& out) const;

private:
  void emitChain(Workspace& work, int startCap, int endCap, bool closed, const Vec4 beams[2],
                 const HadronFlavour& flavours, Rng& rng, std::vector<DipolePiece>& out) const;

  double m_minMass;
};

}  // namespace e2e::gen
