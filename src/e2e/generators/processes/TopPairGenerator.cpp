// Hadronic ttbar: g g -> t tbar with the top pT ~ pT (pT^2 + m_t^2)^(-5/2) in [pthat-min, pthat-max], both tops
// flat in |y| < eta-max, Breit-Wigner top and W masses. t -> b W+, W+ -> u dbar or c sbar (both W decay
// hadronically), each decay isotropic in its rest frame (spin correlations neglected). The W daughters form a
// colour singlet dipole; the b quarks' colour lines end on the beams, their radiation recoiling against the W.
#include <numbers>

#include "e2e/generators/physics/ParticleData.hpp"
#include "e2e/generators/physics/PhaseSpace.hpp"
#include "e2e/generators/processes/CollisionGenerator.hpp"
#include "e2e/generators/processes/Processes.hpp"

namespace e2e::gen {
namespace {

constexpr double kTopPtPower = 5.0;

class TopPairGenerator final : public CollisionGenerator {
public:
  using CollisionGenerator::CollisionGenerator;

private:
  // Decays the top at `row` (sign +1 top, -1 antitop); appends b and the W daughters to the shower input.
  void decayTop(HardScatter& hard, int row, const Vec4& top, int sign, Rng& rng) const {
    const double mTop = top.m();
    const double mW = sampleMass(pdg::kW, rng, 60.0, mTop - 1.0);
    Vec4 b, w;
    twoBodyDecay(mTop, 0.0, mW, rng, b, w);
    b.boostFromRestOf(top);
    w.boostFromRestOf(top);
    const int bRow = hard.record.add(sign * pdg::kBottom, kGenDecayed, b, hard.vertex, row);
    const int wRow = hard.record.add(sign * pdg::kW, kGenDecayed, w, hard.vertex, row);
    // W+ -> u dbar or c sbar; W- -> the conjugates.
    const bool charm = rng.uniform() < 0.5;
    const int up = sign * (charm ? pdg::kCharm : pdg::kUp), down = -sign * (charm ? pdg::kStrange : pdg::kDown);
    Vec4 q1, q2;
    twoBodyDecay(mW, 0.0, 0.0, rng, q1, q2);
    q1.boostFromRestOf(w);
    q2.boostFromRestOf(w);
    const int r1 = hard.record.add(up, kGenDecayed, q1, hard.vertex, wRow);
    const int r2 = hard.record.add(down, kGenDecayed, q2, hard.vertex, wRow);

    const int base = static_cast<int>(hard.partons.size());
    const int beam = rng.uniform() < 0.5 ? kBeamA : kBeamB;
    // Recoil groups: the b's radiation recoils against its W's decay products as a whole, which keeps the top
    // mass; the W daughters radiate within their own singlet, which keeps the W mass.
    const int bGroup = sign > 0 ? 1 : 3, wGroup = bGroup + 1;
    Parton bq{b, sign * pdg::kBottom, kNoPartner, kNoPartner, 0.25 * mTop * mTop, bRow, bGroup, wGroup};
    (sign > 0 ? bq.col : bq.acol) = beam;
    // The W daughters: the quark's colour line ends on the antiquark.
    Parton p1{q1, up, kNoPartner, kNoPartner, 0.25 * mW * mW, r1, wGroup, wGroup};
    Parton p2{q2, down, kNoPartner, kNoPartner, 0.25 * mW * mW, r2, wGroup, wGroup};
    const int i1 = base + 1, i2 = base + 2;
    if (up > 0) {
      p1.col = i2;
      p2.acol = i1;
    } else {
      p2.col = i1;
      p1.acol = i2;
    }
    hard.partons.push_back(bq);
    hard.partons.push_back(p1);
    hard.partons.push_back(p2);
  }

  void hardProcess(HardScatter& hard, Rng& rng) const override {
    const double mNominal = nominalMass(pdg::kTop);
    const double pt = samplePt(rng, mNominal, kTopPtPower);
    const double m1 = sampleMass(pdg::kTop, rng, 160.0, 185.0), m2 = sampleMass(pdg::kTop, rng, 160.0, 185.0);
    double y1, y2;
    sampleRapidities(rng, std::hypot(pt, m1), std::hypot(pt, m2), config().etaMax, config().etaMax, y1, y2);
    const double phi = 2.0 * std::numbers::pi * rng.uniform();
    const Vec4 t1 = Vec4::fromPtYPhiM(pt, y1, phi, m1);
    const Vec4 t2 = Vec4::fromPtYPhiM(pt, y2, phi + std::numbers::pi, m2);
    const int in = addIncoming(hard, t1 + t2, pdg::kGluon, pdg::kGluon);
    const int top = hard.record.add(pdg::kTop, kGenDecayed, t1, hard.vertex, in);
    const int antitop = hard.record.add(-pdg::kTop, kGenDecayed, t2, hard.vertex, in);
    decayTop(hard, top, t1, 1, rng);
    decayTop(hard, antitop, t2, -1, rng);
  }
};

}  // namespace

std::unique_ptr<EventGenerator> makeTopPairGenerator(const GeneratorConfig& config, Process process) {
  return std::make_unique<TopPairGenerator>(config, process);
}

}  // namespace e2e::gen
