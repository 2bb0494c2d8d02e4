#pragma once
// The common chain of every proton-proton process: beams, a hard process (subclass), final-state shower,
// hadronisation, beam remnants, decays, pileup. The record keeps the history truth matching needs: beams (rows 0
// and 1, kGenHard), incoming partons (kGenHard), the hard outgoing partons and resonances (kGenDecayed), the final
// shower partons (kGenDecayed, mother = the hard parton they come from), hadrons (mother = their parton), decays.
#include <vector>

#include "e2e/core/Random.hpp"
#include "e2e/generators/EventGenerator.hpp"
#include "e2e/generators/EventRecord.hpp"
#include "e2e/generators/physics/Decayer.hpp"
#include "e2e/generators/physics/Hadronization.hpp"
#include "e2e/generators/physics/PartonShower.hpp"
#include "e2e/generators/physics/Pileup.hpp"

namespace e2e::gen {

// What a hard process fills.
struct HardScatter {
  EventRecord& record;
  Vertex vertex;
  int beamRow[2] = {0, 1};
  double beamEnergy = 0;
  std::vector<Parton>& partons;  // coloured outgoing partons to shower; `origin` is their record row
  double x[2] = {0, 0};          // momentum fractions the incoming partons took from beams A (+z) and B (-z)
};

class CollisionGenerator : public EventGenerator {
public:
  CollisionGenerator(const GeneratorConfig& config, Process process);
  void generate(std::uint64_t eventIndex, std::uint64_t seed, GenParticles& particles, EventInfo& info) const final;
  Process process() const final { return m_process; }

protected:
  virtual void hardProcess(HardScatter& hard, Rng& rng) const = 0;

  const GeneratorConfig& config() const { return m_config; }
  // pT with density ~ pT (pT^2 + pivot^2)^(-power/2) in [ptHatMin, ptHatMax].
  double samplePt(Rng& rng, double pivot, double power) const;
  // Rapidities of two objects of transverse mass mt1, mt2 back to back in pT, flat in |y| < yMax, redrawn until
  // both incoming partons take less than 90% of their proton.
  void sampleRapidities(Rng& rng, double mt1, double mt2, double yMax, double yMax2, double& y1, double& y2) const;
  // Adds the incoming partons that make `finalState` (pT = 0) and returns the row of the first one.
  int addIncoming(HardScatter& hard, const Vec4& finalState, int idA, int idB) const;
  // Connects the colour lines of two outgoing partons to each other (half the time when both ends exist) or to the
  // beams, as the colour flows of 2 -> 2 QCD do.
  static void connectColour(Parton& a, int ia, Parton& b, int ib, Rng& rng);

private:
  GeneratorConfig m_config;
  Process m_process;
  PartonShower m_shower;
  Hadronization m_hadronization;
  Decayer m_decayer;
  PileupOverlay m_pileup;
};

}  // namespace e2e::gen
