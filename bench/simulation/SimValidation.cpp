// The simulation's validation studies on full-size samples: writes the CSV files behind
// docs/validation/simulation.md (plots: docs/validation/simulation_plots.py) and prints a summary.
//   sim_validation OUTDIR [--quick]
#include <time.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "e2e/core/Error.hpp"
#include "e2e/core/Random.hpp"
#include "e2e/simulation/DetectorSimulation.hpp"
#include "e2e/simulation/MaterialBudget.hpp"
#include "e2e/simulation/validation/SingleParticle.hpp"
#include "e2e/simulation/validation/ValidationStudies.hpp"

namespace {

using namespace e2e::sim;
using namespace e2e::sim::validation;

double threadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

std::ofstream open(const std::filesystem::path& dir, const char* name, const char* header) {
  std::ofstream f(dir / name);
  if (!f) e2e::fail("sim_validation: cannot write ", (dir / name).string());
  f << header << '\n';
  return f;
}

// CPU time per shower of one photon (no material, no noise) in a shower mode.
double showerMicroseconds(ShowerMode mode, double energy, int events) {
  SimulationConfig c;
  c.material = false;
  c.noise = false;
  c.showerMode = mode;
  const DetectorSimulation sim(c);
  SimEvent out;
  SimScratch scratch;
  e2e::GenParticles gen;
  addGunParticle(gen, {22, energy, 0.1, 0.2});
  sim.simulate(0, 1, gen, out, scratch);
  const double t0 = threadSeconds();
  for (int i = 0; i < events; ++i) sim.simulate(static_cast<std::uint64_t>(i), 1, gen, out, scratch);
  return (threadSeconds() - t0) / events * 1e6;
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 2) e2e::fail("usage: sim_validation OUTDIR [--quick]");
  const std::filesystem::path dir = argv[1];
  const bool quick = argc > 2 && !std::strcmp(argv[2], "--quick");
  const int scale = quick ? 1 : 5;
  std::filesystem::create_directories(dir);
  std::FILE* summary = std::fopen((dir / "summary.txt").c_str(), "w");
  if (!summary) e2e::fail("sim_validation: cannot write ", (dir / "summary.txt").string());
  auto say = [&](const char* fmt, auto... args) {
    std::printf(fmt, args...);
    std::fprintf(summary, fmt, args...);
  };

  // 1. Containment at crystal centres, both shower modes.
  {
    const auto c = photonContainment(800 * scale, 1);
    auto f = open(dir, "containment_50gev.csv", "e1x1,e3x3,e5x5");
    for (std::size_t i = 0; i < c.e1.size(); ++i) f << c.e1[i] << ',' << c.e3[i] << ',' << c.e5[i] << '\n';
    say("containment 50 GeV integrated: 1x1 %.4f +- %.4f, 3x3 %.4f +- %.4f, 5x5 %.4f +- %.4f (SPEC 0.78 / 0.94 / 0.97 +- 0.02)\n",
        c.c1.mean, c.c1.error, c.c3.mean, c.c3.error, c.c5.mean, c.c5.error);
    auto g = open(dir, "containment_energy.csv", "mode,energy,c1,c1err,c3,c3err,c5,c5err");
    for (const ShowerMode mode : {ShowerMode::Integrated, ShowerMode::Spots})
      for (const double e : {5.0, 10.0, 20.0, 50.0, 100.0, 200.0}) {
        const int n = mode == ShowerMode::Spots ? std::max(20, static_cast<int>(40 * scale * 50.0 / e)) : 300 * scale;
        const auto m = photonContainment(n, 2, mode, e);
        g << showerModeName(mode) << ',' << e << ',' << m.c1.mean << ',' << m.c1.error << ',' << m.c3.mean << ',' << m.c3.error
          << ',' << m.c5.mean << ',' << m.c5.error << '\n';
        say("containment %-10s %5.0f GeV: %.4f %.4f %.4f\n", showerModeName(mode), e, m.c1.mean, m.c3.mean, m.c5.mean);
      }
  }
  // 2. Resolution of the 3x3 sum against the SPEC formula.
  {
    auto f = open(dir, "resolution.csv", "mode,energy,mean,sigma,sigma_err,spec");
    for (const ShowerMode mode : {ShowerMode::Integrated, ShowerMode::Spots})
      for (const double e : {5.0, 10.0, 20.0, 50.0, 100.0, 200.0}) {
        if (mode == ShowerMode::Spots && e > 100.0) continue;
        const int n = mode == ShowerMode::Spots ? static_cast<int>(200 * scale * 10.0 / std::max(e, 10.0)) + 200 : 1500 * scale;
        const auto r = ecalResolution(e, n, 3, mode);
        f << showerModeName(mode) << ',' << e << ',' << r.mean << ',' << r.sigma << ',' << r.sigmaError << ',' << r.spec << '\n';
        say("resolution %-10s %5.0f GeV: sigma/E %.5f +- %.5f, SPEC %.5f, ratio %.3f\n", showerModeName(mode), e, r.sigma,
            r.sigmaError, r.spec, r.sigma / r.spec);
      }
  }
  // 3. Conversions versus |eta|.
  {
    auto f = open(dir, "conversions.csv", "eta_lo,eta_hi,fraction,error,expected");
    const MaterialBudget material;
    for (int k = 0; k < 29; ++k) {
      const double lo = 0.1 * k, hi = lo + 0.1;
      const auto m = conversionFraction(lo, hi, 1000 * scale, 4 + static_cast<std::uint64_t>(k));
      const double expected = 1.0 - std::exp(-7.0 / 9.0 * material.total(0.5 * (lo + hi)));
      f << lo << ',' << hi << ',' << m.mean << ',' << m.error << ',' << expected << '\n';
      if (k == 0) say("converted photons |eta| < 0.1: %.4f +- %.4f (SPEC 27%% at 0.4 X0)\n", m.mean, m.error);
    }
  }
  // 4. Phi bending at the ECAL face.
  {
    auto f = open(dir, "phishift.csv", "pt,dphi,formula");
    for (const double pt : {0.8, 1.0, 1.5, 2.0, 3.0, 5.0, 7.0, 10.0, 20.0, 50.0, 100.0}) {
      const double formula = std::asin(0.3 * 3.8 * 1.29 / (2.0 * pt));
      f << pt << ',' << -phiShiftAtEcal(pt, 1.0) << ',' << formula << '\n';
    }
    say("phi shift of a 10 GeV track at the ECAL face: %.5f rad (SPEC 0.074)\n", -phiShiftAtEcal(10.0, 1.0));
  }
  // 5. Calorimeter response of pions and electrons.
  {
    auto f = open(dir, "response.csv", "energy,pion,pion_err,electron,electron_err");
    for (const double e : {2.0, 5.0, 10.0, 20.0, 50.0, 100.0}) {
      const auto pi = caloResponse(211, e, 200 * scale, 5);
      const auto el = caloResponse(11, e, 100 * scale, 6);
      f << e << ',' << pi.mean << ',' << pi.error << ',' << el.mean << ',' << el.error << '\n';
      say("response %5.0f GeV: pion %.3f +- %.3f, electron %.3f +- %.3f\n", e, pi.mean, pi.error, el.mean, el.error);
    }
  }
  // 6. Track d0 of tau daughters and prompt pions.
  {
    const auto d = tauVersusPromptD0(1000 * scale, 7);
    auto f = open(dir, "d0.csv", "kind,d0");
    for (const double v : d.tau) f << "tau," << v << '\n';
    for (const double v : d.prompt) f << "prompt," << v << '\n';
    say("track d0 rms: tau daughters %.1f um, prompt pions %.1f um\n", rms(d.tau) * 1e4, rms(d.prompt) * 1e4);
  }
  // 7. Electron versus photon width in phi.
  {
    const auto w = electronPhotonPhiWidth(1000 * scale, 8);
    auto f = open(dir, "egamma_width.csv", "kind,width");
    for (const double v : w.electron) f << "electron," << v << '\n';
    for (const double v : w.photon) f << "photon," << v << '\n';
    say("phi width (crystals): electrons %.3f, photons %.3f; AUC of the single variable %.3f (%zu + %zu showers)\n",
        meanOf(w.electron).mean, meanOf(w.photon).mean, w.auc, w.electron.size(), w.photon.size());
  }
  // 8. Cost of a photon shower in both modes.
  {
    auto f = open(dir, "shower_time.csv", "energy,integrated_us,spots_us");
    for (const double e : {1.0, 5.0, 10.0, 50.0, 100.0}) {
      const double a = showerMicroseconds(ShowerMode::Integrated, e, 2000);
      const double b = showerMicroseconds(ShowerMode::Spots, e, std::max(20, static_cast<int>(2000 / e)));
      f << e << ',' << a << ',' << b << '\n';
      say("photon %5.0f GeV, no material/noise: integrated %.1f us, spots %.1f us per event (x%.0f)\n", e, a, b, b / a);
    }
  }
  std::fclose(summary);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "sim_validation: %s\n", e.what());
  return 1;
}
