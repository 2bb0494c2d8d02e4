// g g -> H(125) -> tau+ tau-. The Higgs pT (from initial-state radiation, which is not showered here) follows
// ~ pT (pT^2 + 25^2)^(-2) in [pthat-min, pthat-max] and is balanced by one recoil parton (a gluon, or a quark a
// quarter of the time) that showers and hadronises like any jet. H rapidity flat in |y| < eta-max, the recoil
// parton flat in |y| < 3. H -> tau tau is isotropic; the taus decay per the table (TauDecayMode.hpp) with their
// 87 um lifetime.
#include <numbers>

#include "e2e/generators/physics/ParticleData.hpp"
#include "e2e/generators/physics/PhaseSpace.hpp"
#include "e2e/generators/processes/CollisionGenerator.hpp"
#include "e2e/generators/processes/Processes.hpp"

namespace e2e::gen {
namespace {

constexpr double kHiggsPtPivot = 25.0, kHiggsPtPower = 4.0;
constexpr double kRecoilYMax = 3.0;

class HiggsTauTauGenerator final : public CollisionGenerator {
public:
  using CollisionGenerator::CollisionGenerator;

private:
  void hardProcess(HardScatter& hard, Rng& rng) const override {
    const double mH = nominalMass(pdg::kHiggs);
    const double pt = samplePt(rng, kHiggsPtPivot, kHiggsPtPower);
    double yH, yJ;
    sampleRapidities(rng, std::hypot(pt, mH), pt, config().etaMax, kRecoilYMax, yH, yJ);
    const double phi = 2.0 * std::numbers::pi * rng.uniform();
    const Vec4 higgs = Vec4::fromPtYPhiM(pt, yH, phi, mH);
    const Vec4 recoil = Vec4::fromPtYPhiM(pt, yJ, phi + std::numbers::pi, 0.0);

    // g g -> H g, or q g -> H q with the quark coming from beam A or B.
    int recoilId = pdg::kGluon, inA = pdg::kGluon, inB = pdg::kGluon;
    if (rng.uniform() < 0.25) {
      recoilId = rng.uniform() < 0.5 ? pdg::kUp : pdg::kDown;
      if (rng.uniform() < 0.5) inA = recoilId;
      else inB = recoilId;
    }
    const int in = addIncoming(hard, higgs + recoil, inA, inB);
    const int hRow = hard.record.add(pdg::kHiggs, kGenDecayed, higgs, hard.vertex, in);
    const int jRow = hard.record.add(recoilId, kGenDecayed, recoil, hard.vertex, in);

    Vec4 tau1, tau2;
    twoBodyDecay(mH, nominalMass(pdg::kTau), nominalMass(pdg::kTau), rng, tau1, tau2);
    tau1.boostFromRestOf(higgs);
    tau2.boostFromRestOf(higgs);
    // Final for now: the Decayer flies and decays them.
    hard.record.add(pdg::kTau, kGenFinal, tau1, hard.vertex, hRow);
    hard.record.add(-pdg::kTau, kGenFinal, tau2, hard.vertex, hRow);

    Parton jet{recoil, recoilId, kNoPartner, kNoPartner, pt * pt, jRow};
    jet.col = kBeamA;
    if (recoilId == pdg::kGluon) jet.acol = kBeamB;
    hard.partons.push_back(jet);
  }
};

}  // namespace

std::unique_ptr<EventGenerator> makeHiggsTauTauGenerator(const GeneratorConfig& config, Process process) {
  return std::make_unique<HiggsTauTauGenerator>(config, process);
}

}  // namespace e2e::gen
