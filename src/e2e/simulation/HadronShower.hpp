#pragma once
// Hadrons and muons in the calorimeters (SPEC.md section 2).
// Charged hadrons start showering in the ECAL with probability 1 - exp(-1.1) (~67%) and otherwise cross it as
// minimum ionising particles; the shower's longitudinal profile (a gamma law in interaction lengths) sets the
// ECAL/HCAL sharing and the HCAL depth fractions. Neutral hadrons put ~30% in the ECAL and ~70% in the HCAL.
// The total visible energy follows a non-compensating response pi/e = 1 - (1 - h/e) E^(m-1) and the SPEC
// resolution 84.7%/sqrt(E) (+) 7.4%. Laterally a hadron spreads over about one HCAL tower. Muons leave
// minimum-ionising deposits (~0.3 GeV in the ECAL, ~2 GeV in the HCAL).
#include <array>

#include "e2e/core/Random.hpp"
#include "e2e/simulation/EmShower.hpp"
#include "e2e/simulation/LateralTable.hpp"
#include "e2e/simulation/SimulationConfig.hpp"

namespace e2e::sim {

class CellSums;

class HadronShower {
public:
  static constexpr double kEcalLambda = 1.1;       // ECAL depth in interaction lengths
  static constexpr double kNeutralEcalShare = 0.3;

  explicit HadronShower(const SimulationConfig& config);

  void charged(const ShowerStart& start, double energy, Rng& rng, CellSums& ecal, CellSums& hcal) const;
  void neutral(const ShowerStart& start, double energy, Rng& rng, CellSums& ecal, CellSums& hcal) const;
  void muon(const ShowerStart& start, double energy, Rng& rng, CellSums& ecal, CellSums& hcal) const;
  // EM energy leaking out of the back of the crystals: into the first HCAL depth behind the shower.
  void emLeakage(const ShowerStart& start, double energy, CellSums& hcal) const;

  // Mean visible fraction of a hadron's energy at the EM scale (pi/e).
  static double response(double energy);
  // Relative resolution of the visible energy.
  static double resolution(double energy);

private:
  // Spreads `energy` over the HCAL towers around the particle's line; depth fractions from the shower profile
  // whose start lies `startLambda` interaction lengths behind the HCAL front (negative: started in the ECAL).
  void depositHcal(const ShowerStart& start, double energy, double startLambda, double meanDepth, CellSums& hcal) const;
  void depositEcalHadronic(const ShowerStart& start, double energy, double depthCm, CellSums& ecal) const;
  void depositMip(const ShowerStart& start, double energy, CellSums& ecal) const;
  double visibleEnergy(double energy, Rng& rng) const;

  bool m_smear;
  std::array<ProfileGrid, 2> m_ecalProfile;  // hadronic deposit in EB / EE crystals
};

}  // namespace e2e::sim
