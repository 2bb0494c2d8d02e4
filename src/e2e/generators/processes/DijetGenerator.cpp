// QCD 2 -> 2 dijets. The hard pT follows ~pT^-5 inside [pthat-min, pthat-max]; both partons are flat in
// rapidity within |y| < eta-max. Subprocess shares for the mixed sample are those of LHC dijets at a few hundred
// GeV (gg -> gg 27%, qg -> qg 53%, qq -> qq 20%), which gives about half gluon jets; the incoming partons carry the
// same flavours as the outgoing ones (t-channel), so flavour and charge balance at the parton level.
#include <cmath>
#include <numbers>

#include "e2e/generators/physics/ParticleData.hpp"
#include "e2e/generators/processes/CollisionGenerator.hpp"
#include "e2e/generators/processes/Processes.hpp"

namespace e2e::gen {
namespace {

constexpr double kPtPower = 6.0;  // density pT^(1 - power): pT^-5

class DijetGenerator final : public CollisionGenerator {
public:
  using CollisionGenerator::CollisionGenerator;

private:
  static int quark(Rng& rng) {
    // Valence-dominated flavour mix at x ~ 0.1 (u : d : s : c : b), a fifth of them antiquarks.
    const double u = rng.uniform();
    const int f = u < 0.50 ? pdg::kUp : (u < 0.80 ? pdg::kDown : (u < 0.88 ? pdg::kStrange : (u < 0.94 ? pdg::kCharm : pdg::kBottom)));
    return rng.uniform() < 0.2 ? -f : f;
  }

  void flavours(Rng& rng, int& a, int& b) const {
    switch (process()) {
      case Process::kDijetQuark:
        a = quark(rng);
        b = quark(rng);
        return;
      case Process::kDijetGluon: a = b = pdg::kGluon; return;
      default: {
        const double u = rng.uniform();
        if (u < 0.27) {
          a = b = pdg::kGluon;
        } else if (u < 0.80) {
          a = quark(rng);
          b = pdg::kGluon;
          if (rng.uniform() < 0.5) std::swap(a, b);
        } else {
          a = quark(rng);
          b = quark(rng);
        }
      }
    }
  }

  void hardProcess(HardScatter& hard, Rng& rng) const override {
    const double pt = samplePt(rng, 0.0, kPtPower);
    double y1, y2;
    sampleRapidities(rng, pt, pt, config().etaMax, config().etaMax, y1, y2);
    const double phi = 2.0 * std::numbers::pi * rng.uniform();
    const Vec4 p1 = Vec4::fromPtYPhiM(pt, y1, phi, 0.0);
    const Vec4 p2 = Vec4::fromPtYPhiM(pt, y2, phi + std::numbers::pi, 0.0);
    int a, b;
    flavours(rng, a, b);
    const int in = addIncoming(hard, p1 + p2, a, b);
    const int row1 = hard.record.add(a, kGenDecayed, p1, hard.vertex, in);
    const int row2 = hard.record.add(b, kGenDecayed, p2, hard.vertex, in);
    Parton j1{p1, a, kNoPartner, kNoPartner, pt * pt, row1};
    Parton j2{p2, b, kNoPartner, kNoPartner, pt * pt, row2};
    const int base = static_cast<int>(hard.partons.size());
    connectColour(j1, base, j2, base + 1, rng);
    hard.partons.push_back(j1);
    hard.partons.push_back(j2);
  }
};

}  // namespace

std::unique_ptr<EventGenerator> makeDijetGenerator(const GeneratorConfig& config, Process process) {
  return std::make_unique<DijetGenerator>(config, process);
}

}  // namespace e2e::gen
