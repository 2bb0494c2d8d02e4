// gen_validation OUTDIR: writes the CSV tables behind docs/validation/generation.md; the plots are drawn from them by
// docs/validation/make_generation_plots.py. Fixed seeds: the same build gives the same tables.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "e2e/generators/EventGenerator.hpp"
#include "e2e/generators/TauDecayMode.hpp"
#include "e2e/generators/Vec4.hpp"
#include "e2e/generators/physics/ParticleData.hpp"

namespace {

using namespace e2e;
using namespace e2e::gen;

gen::Vec4 momentum(const GenParticles& g, std::size_t i) { return {g.px[i], g.py[i], g.pz[i], g.e[i]}; }

bool descendsFrom(const GenParticles& g, std::size_t row, int ancestor) {
  for (int m = g.mother[row]; m >= 0; m = g.mother[static_cast<std::size_t>(m)])
    if (m == ancestor) return true;
  return false;
}

FILE* open(const std::string& dir, const char* name, const char* header) {
  const std::string path = dir + "/" + name;
  FILE* f = std::fopen(path.c_str(), "w");
  if (!f) {
    std::fprintf(stderr, "gen_validation: cannot write %s\n", path.c_str());
    std::exit(1);
  }
  std::fprintf(f, "%s\n", header);
  return f;
}

void taus(const std::string& dir) {
  // Tau gun with all decay modes (the gun itself forces hadronic ones): taus from H -> tau tau.
  const auto g = makeGenerator(GeneratorConfig::forProcess("htautau"));
  GenParticles p;
  EventInfo info;
  std::map<TauDecayMode, int> counts;
  int total = 0;
  FILE* flight = open(dir, "tau_flight.csv", "proper_length_cm");
  for (std::uint64_t ev = 0; ev < 50000; ++ev) {
    g->generate(ev, 1, p, info);
    for (std::size_t r = 0; r < p.size(); ++r) {
      if (std::abs(p.pdgId[r]) != pdg::kTau) continue;
      ++counts[classifyTauDecay(p, static_cast<int>(r))];
      ++total;
      // Proper decay length: flight distance / (beta gamma).
      for (std::size_t k = r + 1; k < p.size(); ++k) {
        if (p.mother[k] != static_cast<int>(r)) continue;
        const double d = std::sqrt(std::pow(p.vx[k] - p.vx[r], 2) + std::pow(p.vy[k] - p.vy[r], 2) + std::pow(p.vz[k] - p.vz[r], 2));
        const gen::Vec4 t = momentum(p, r);
        std::fprintf(flight, "%.6g\n", d * t.m() / t.p());
        break;
      }
    }
  }
  std::fclose(flight);
  FILE* f = open(dir, "tau_modes.csv", "mode,name,table,measured,sigma,taus");
  for (const TauModeInfo& m : tauDecayTable()) {
    const double frac = static_cast<double>(counts[m.mode]) / total;
    std::fprintf(f, "%d,%s,%.5f,%.5f,%.5f,%d\n", static_cast<int>(m.mode), m.name, m.branching, frac,
                 std::sqrt(m.branching * (1 - m.branching) / total), total);
  }
  std::fclose(f);
}

void tops(const std::string& dir) {
  // Boosted hadronic ttbar. Per resonance: its mass (truth), the mass of its final shower partons, and at hadron
  // level the W's final-state descendants (a colour singlet) and, for the top, every final-state particle within
  // dR < 1.2 of it (what a fat jet collects: the b's string to the beam makes "descendants" ill-defined).
  const auto g = makeGenerator(GeneratorConfig::forProcess("ttbar-boosted"));
  GenParticles p;
  EventInfo info;
  FILE* f = open(dir, "masses.csv", "object,truth,showered,final,visible");
  FILE* b = open(dir, "b_flight.csv", "proper_length_cm");
  for (std::uint64_t ev = 0; ev < 3000; ++ev) {
    g->generate(ev, 2, p, info);
    for (std::size_t r = 0; r < p.size(); ++r) {
      const int a = std::abs(p.pdgId[r]);
      if (a == pdg::kBPlus || a == pdg::kB0 || a == pdg::kBs0 || a == pdg::kLambdaB) {
        for (std::size_t k = r + 1; k < p.size(); ++k) {
          if (p.mother[k] != static_cast<int>(r)) continue;
          const double d = std::sqrt(std::pow(p.vx[k] - p.vx[r], 2) + std::pow(p.vy[k] - p.vy[r], 2) + std::pow(p.vz[k] - p.vz[r], 2));
          const gen::Vec4 h = momentum(p, r);
          std::fprintf(b, "%.6g\n", d * h.m() / h.p());
          break;
        }
      }
      if (a != pdg::kTop && a != pdg::kW) continue;
      const int row = static_cast<int>(r);
      const gen::Vec4 resonance = momentum(p, r);
      gen::Vec4 showered, all, visible;
      for (std::size_t k = r + 1; k < p.size(); ++k) {
        const int m = p.mother[k];
        if (m >= 0 && isParton(p.pdgId[k]) && isParton(p.pdgId[static_cast<std::size_t>(m)]) &&
            descendsFrom(p, static_cast<std::size_t>(m), row))
          showered += momentum(p, k);
      }
      for (std::size_t k = 0; k < p.size(); ++k) {
        if (p.status[k] != kGenFinal) continue;
        const bool in = a == pdg::kW ? descendsFrom(p, k, row) : deltaR(momentum(p, k), resonance) < 1.2;
        if (!in) continue;
        all += momentum(p, k);
        if (!isNeutrino(p.pdgId[k])) visible += momentum(p, k);
      }
      std::fprintf(f, "%s,%.4f,%.4f,%.4f,%.4f\n", a == pdg::kTop ? "top" : "W", resonance.m(), showered.m(), all.m(), visible.m());
    }
  }
  std::fclose(f);
  std::fclose(b);
}

void jets(const std::string& dir) {
  // R = 0.4 cones started on the hard partons and re-centred twice on their particles (the plots select jets by
  // this pT, like a measurement would).
  FILE* f = open(dir, "jets.csv", "flavour,parton_pt,pt,charged,charged_pt05,width,photon_fraction,charged_fraction,neutral_hadron_fraction");
  for (const char* process : {"dijet-quark", "dijet-gluon"}) {
    const auto g = makeGenerator(GeneratorConfig::forProcess(process));
    GenParticles p;
    EventInfo info;
    for (std::uint64_t ev = 0; ev < 3000; ++ev) {
      g->generate(ev, 3, p, info);
      for (std::size_t j = 4; j <= 5; ++j) {
        gen::Vec4 axis = momentum(p, j), jet;
        double sumPtR = 0, photonE = 0, chargedE = 0, neutralE = 0;
        int charged = 0, charged05 = 0;
        for (int pass = 0; pass < 3; ++pass) {
          jet = gen::Vec4();
          sumPtR = photonE = chargedE = neutralE = 0;
          charged = charged05 = 0;
          for (std::size_t k = 0; k < p.size(); ++k) {
            if (p.status[k] != kGenFinal || isNeutrino(p.pdgId[k])) continue;
            const gen::Vec4 v = momentum(p, k);
            if (v.pt() <= 0) continue;
            const double dr = deltaR(v, axis);
            if (dr >= 0.4) continue;
            jet += v;
            sumPtR += v.pt() * dr;
            if (p.pdgId[k] == pdg::kPhoton) {
              photonE += v.e;
            } else if (p.charge[k] != 0) {
              chargedE += v.e;
              ++charged;
              charged05 += v.pt() > 0.5;
            } else {
              neutralE += v.e;
            }
          }
          if (jet.e > 0) axis = jet;
        }
        if (jet.e <= 0) continue;
        std::fprintf(f, "%s,%.2f,%.2f,%d,%d,%.5f,%.4f,%.4f,%.4f\n", p.pdgId[j] == pdg::kGluon ? "gluon" : "quark",
                     momentum(p, j).pt(), jet.pt(), charged, charged05, sumPtR / jet.pt(), photonE / jet.e, chargedE / jet.e,
                     neutralE / jet.e);
      }
    }
  }
  std::fclose(f);
}

void mergedPhotons(const std::string& dir) {
  const auto g = makeGenerator(GeneratorConfig::forProcess("agg"));
  GenParticles p;
  EventInfo info;
  FILE* f = open(dir, "agg.csv", "mass,pt,opening_dr");
  for (std::uint64_t ev = 0; ev < 20000; ++ev) {
    g->generate(ev, 4, p, info);
    const gen::Vec4 a = momentum(p, 0);
    std::fprintf(f, "%.5f,%.3f,%.6f\n", a.m(), a.pt(), deltaR(momentum(p, 1), momentum(p, 2)));
  }
  std::fclose(f);
}

void pileup(const std::string& dir) {
  GeneratorConfig c = GeneratorConfig::forProcess("photon");
  c.pileupMu = 140;
  const auto g = makeGenerator(c);
  GenParticles p;
  EventInfo info;
  FILE* n = open(dir, "pileup_events.csv", "interactions,pileup_particles,pileup_charged_eta1");
  FILE* z = open(dir, "pileup_vertices.csv", "z_cm");
  for (std::uint64_t ev = 0; ev < 200; ++ev) {
    g->generate(ev, 5, p, info);
    int particles = 0, central = 0;
    float lastZ = 1e9f;
    for (std::size_t r = 0; r < p.size(); ++r) {
      if (!(p.flags[r] & kGenFromPileup)) continue;
      if (p.status[r] == kGenFinal) {
        ++particles;
        central += p.charge[r] != 0 && std::abs(momentum(p, r).eta()) < 0.5;
      }
      if (p.mother[r] < 0 && p.vz[r] != lastZ) {
        lastZ = p.vz[r];
        std::fprintf(z, "%.4f\n", p.vz[r]);
      }
    }
    std::fprintf(n, "%d,%d,%d\n", info.nPileup[0], particles, central);
  }
  std::fclose(n);
  std::fclose(z);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: gen_validation OUTDIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  taus(dir);
  tops(dir);
  jets(dir);
  mergedPhotons(dir);
  pileup(dir);
  std::printf("gen_validation: tables written to %s\n", dir.c_str());
  return 0;
}
