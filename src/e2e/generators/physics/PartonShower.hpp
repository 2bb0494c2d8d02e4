#pragma once
// Final-state parton shower: a transverse-momentum-ordered dipole shower in the leading-colour approximation.
// Every colour line of a parton is a dipole end that radiates with the DGLAP splitting function (P_qq with C_F for
// quarks; half of P_gg with C_A and of P_gq for each of a gluon's two ends) and running alpha_s(pT^2), down to a
// cutoff. Emissions are drawn with the veto algorithm; the Catani-Seymour final-final map keeps every parton
// massless and conserves the 4-momentum of radiator + recoiler exactly. A colour line that ends on a beam (the
// hard process took its colour from the proton) radiates too; its recoil goes to a group of partons as a whole
// (for a dijet the rest of the event, for the b of a top decay the W's decay products), which is Lorentz-
// transformed so that its mass and inner structure are kept: jets keep their direction and a top keeps its mass.
// A lone parton with no group to recoil against uses a massless vector along the beam.
#include <cstdint>
#include <vector>

#include "e2e/generators/Vec4.hpp"

namespace e2e {
class Rng;
}

namespace e2e::gen {

inline constexpr int kNoPartner = -1, kBeamA = -2, kBeamB = -3;

struct Parton {
  Vec4 p;
  int id = 21;           // quark 1..5, antiquark -1..-5, gluon 21
  int col = kNoPartner;  // partner at the other end of this parton's colour line (a parton index or a beam)
  int acol = kNoPartner; // partner at the other end of its anticolour line
  double maxPt2 = 0;     // emissions from this parton stay below this pT^2 (set by the hard process)
  int origin = -1;       // record row of the hard-process parton it descends from
  int group = 0;         // recoil group this parton belongs to (emissions inherit it)
  int beamRecoilGroup = 0;  // the group that takes the recoil of this parton's beam-line emissions
};

struct ShowerConfig {
  double cutoff = 1.0;      // GeV: no emission below this pT
  double alphaSMz = 0.1365; // one-loop running, 5 flavours (Monash FSR value)
  int gluonSplitFlavours = 5;  // g -> q qbar into d, u, s (+ c, b above their mass)
};

class PartonShower {
public:
  explicit PartonShower(const ShowerConfig& config);

  // One end of a colour dipole (internal state of a run, kept here so buffers are reused across events).
  struct End {
    int radiator = 0;
    bool colourLine = true;  // radiates along the radiator's colour (true) or anticolour (false) line
    bool gluon = false;      // radiator is a gluon (g -> gg and g -> q qbar) rather than a quark
    int recoiler = kNoPartner;
    double s = 0;            // dipole invariant 2 p_i . p_k
    double maxPt2 = 0;
    double coefficient = 0;  // overestimate: integral of P_over dz / (2 pi), all channels
    double ggShare = 0;      // gluon radiator: fraction of the overestimate in g -> gg
    double eps = 0;          // overestimate z range [eps, 1 - eps]
    int recoilGroup = -1;    // >= 0: a beam-line end recoiling against that group of partons as a whole
    Vec4 recoil;             // the group's total momentum when the end was set up
    double trialPt2 = 0;     // next trial emission, 0 when none
    int channel = 0;
    double z = 0;
  };
  struct Workspace {
    std::vector<End> ends;
  };

  // Evolves `partons` down to the cutoff, appending emissions. `beams` are the recoil vectors of the beam lines
  // (kBeamA -> beams[0], kBeamB -> beams[1]); they lose the momentum the shower takes from them.
  void run(std::vector<Parton>& partons, Vec4 beams[2], Rng& rng, Workspace& work) const;

  double alphaS(double pt2) const;

private:
  void setUpEnd(End& end, const std::vector<Parton>& partons, const Vec4 beams[2]) const;
  void setCoefficients(End& end) const;
  void nextTrial(End& end, double fromPt2, Rng& rng) const;
  double acceptance(const End& end, const std::vector<Parton>& partons, Rng& rng, int& flavour) const;
  void branch(End& end, std::vector<Parton>& partons, Vec4 beams[2], int flavour, Rng& rng) const;
  void branchWithGroupRecoil(End& end, std::vector<Parton>& partons, int flavour, Rng& rng) const;
  static void updateColour(const End& end, std::vector<Parton>& partons, Parton& emitted, int flavour);

  ShowerConfig m_config;
  double m_cutoff2;
  double m_b0;
  double m_lambda2;
};

}  // namespace e2e::gen
