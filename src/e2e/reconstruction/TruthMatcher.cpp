#include "e2e/reconstruction/TruthMatcher.hpp"

#include <cmath>
#include <cstdlib>

#include "e2e/geometry/EcalGeometry.hpp"

namespace e2e::reco {
namespace {
struct P4 {
  double px = 0, py = 0, pz = 0, e = 0;
  double pt() const { return std::hypot(px, py); }
  double eta() const {
    const double p = std::sqrt(px * px + py * py + pz * pz);
    return 0.5 * std::log((p + pz + 1e-300) / (p - pz + 1e-300));
  }
  double phi() const { return std::atan2(py, px); }
  double mass() const { return std::sqrt(std::max(0.0, e * e - px * px - py * py - pz * pz)); }
  P4& operator+=(const P4& o) {
    px += o.px, py += o.py, pz += o.pz, e += o.e;
    return *this;
  }
  P4& operator-=(const P4& o) {
    px -= o.px, py -= o.py, pz -= o.pz, e -= o.e;
    return *this;
  }
};

P4 p4(const GenParticles& g, std::size_t i) { return {g.px[i], g.py[i], g.pz[i], g.e[i]}; }
bool pileup(const GenParticles& g, std::size_t i) { return (g.flags[i] & kGenFromPileup) != 0; }
bool isParton(int pdg) {
  const int a = std::abs(pdg);
  return (a >= 1 && a <= 5) || a == 21;
}
bool isNeutrino(int pdg) {
  const int a = std::abs(pdg);
  return a == 12 || a == 14 || a == 16;
}

double deltaR(double eta1, double phi1, double eta2, double phi2) {
  const double dphi = geo::wrapPhi(phi1 - phi2);
  return std::hypot(eta1 - eta2, dphi);
}

bool descendsFrom(const GenParticles& g, std::size_t row, std::size_t ancestor) {
  for (int m = g.mother[row]; m >= 0; m = g.mother[static_cast<std::size_t>(m)])
    if (static_cast<std::size_t>(m) == ancestor) return true;
  return false;
}

// Direct daughters of `row` with |pdg| == pdg, following copies of `row` (same pdg id) down the chain.
bool firstDaughter(const GenParticles& g, std::size_t row, int pdg, std::size_t& out) {
  for (std::size_t i = row + 1; i < g.size(); ++i) {
    if (g.mother[i] < 0 || static_cast<std::size_t>(g.mother[i]) != row) continue;
    if (std::abs(g.pdgId[i]) == pdg) {
      out = i;
      return true;
    }
    if (g.pdgId[i] == g.pdgId[row] && firstDaughter(g, i, pdg, out)) return true;
  }
  return false;
}

// A top counts when its b and both quarks of its W lie within `radius` of the jet axis.
bool topMerged(const GenParticles& g, std::size_t top, double eta, double phi, double radius) {
  std::size_t b = 0, w = 0;
  if (!firstDaughter(g, top, 5, b) || !firstDaughter(g, top, 24, w)) return false;
  if (deltaR(p4(g, b).eta(), p4(g, b).phi(), eta, phi) >= radius) return false;
  int quarks = 0;
  for (std::size_t i = w + 1; i < g.size(); ++i) {
    if (g.mother[i] < 0 || !isParton(g.pdgId[i]) || std::abs(g.pdgId[i]) > 5) continue;
    const auto m = static_cast<std::size_t>(g.mother[i]);
    if (m != w && !(g.pdgId[m] == g.pdgId[w] && descendsFrom(g, m, w))) continue;
    if (deltaR(p4(g, i).eta(), p4(g, i).phi(), eta, phi) >= radius) return false;
    ++quarks;
  }
  return quarks >= 2;
}
}  // namespace

int tauDecayMode(const GenParticles& g, int row) {
  if (row < 0 || static_cast<std::size_t>(row) >= g.size() || std::abs(g.pdgId[static_cast<std::size_t>(row)]) != 15 ||
      g.status[static_cast<std::size_t>(row)] != kGenDecayed)
    return -1;
  int prongs = 0, pi0s = 0, kaons = 0, electrons = 0, muons = 0;
  for (std::size_t i = static_cast<std::size_t>(row) + 1; i < g.size(); ++i) {
    if (!descendsFrom(g, i, static_cast<std::size_t>(row))) continue;
    // Count the tau's own products only, not what its pi0s and neutral kaons decay into.
    bool nested = false;
    for (int m = g.mother[i]; m != row; m = g.mother[static_cast<std::size_t>(m)]) {
      const int am = std::abs(g.pdgId[static_cast<std::size_t>(m)]);
      nested = nested || am == 111 || am == 310 || am == 311 || am == 130 || am == 15;
    }
    if (nested) continue;
    switch (std::abs(g.pdgId[i])) {
      case 111: ++pi0s; break;
      case 211: ++prongs; break;
      case 321: ++prongs, ++kaons; break;
      case 130: case 310: case 311: ++kaons; break;
      case 11: ++electrons; break;
      case 13: ++muons; break;
      default: break;
    }
  }
  if (electrons) return 20;
  if (muons) return 21;
  if (kaons || (prongs != 1 && prongs != 3)) return 15;
  if (prongs == 1) return std::min(pi0s, 2);
  return 10 + std::min(pi0s, 1);
}

void matchPhotons(const GenParticles& g, Photons& photons) {
  for (std::size_t p = 0; p < photons.size(); ++p) {
    int best = -1;
    double bestE = 0;
    for (std::size_t i = 0; i < g.size(); ++i) {
      const int a = std::abs(g.pdgId[i]);
      if (g.status[i] != kGenFinal || pileup(g, i) || (a != 22 && a != 11)) continue;
      const P4 v = p4(g, i);
      if (v.pt() <= 0 || deltaR(v.eta(), v.phi(), photons.eta[p], photons.phi[p]) >= kPhotonMatchDR) continue;
      if (v.e > bestE) best = static_cast<int>(i), bestE = v.e;
    }
    photons.truthPdgId[p] = 0;
    photons.truthMass[p] = 0;
    photons.truthIndex[p] = best;
    if (best < 0) continue;
    const auto b = static_cast<std::size_t>(best);
    photons.truthPdgId[p] = g.pdgId[b] == 22 ? 22 : g.pdgId[b];
    if (g.pdgId[b] != 22 || g.mother[b] < 0) continue;
    const auto m = static_cast<std::size_t>(g.mother[b]);
    if (g.pdgId[m] == 36 || g.pdgId[m] == 111) {
      photons.truthPdgId[p] = g.pdgId[m];
      photons.truthIndex[p] = static_cast<std::int32_t>(m);
      if (g.pdgId[m] == 36) photons.truthMass[p] = static_cast<float>(p4(g, m).mass());
    }
  }
}

void matchJets(const GenParticles& g, Jets& jets) {
  for (std::size_t j = 0; j < jets.size(); ++j) {
    const double eta = jets.eta[j], phi = jets.phi[j], r = jets.radius[j];
    int top = -1, tau = -1, parton = -1, tauMode = -1;
    double partonPt = 0, topDR = r;
    P4 visible;
    for (std::size_t i = 0; i < g.size(); ++i) {
      if (pileup(g, i)) continue;
      const int pdg = g.pdgId[i], a = std::abs(pdg);
      const P4 v = p4(g, i);
      if (v.pt() <= 1e-9) continue;
      if (g.status[i] == kGenFinal && !isNeutrino(pdg) && deltaR(v.eta(), v.phi(), eta, phi) < r) visible += v;
      if (a == 6 && !(g.mother[i] >= 0 && g.pdgId[static_cast<std::size_t>(g.mother[i])] == pdg)) {
        const double dr = deltaR(v.eta(), v.phi(), eta, phi);
        if (dr < topDR && topMerged(g, i, eta, phi, r)) top = static_cast<int>(i), topDR = dr;
      } else if (a == 15 && tau < 0) {
        const int mode = tauDecayMode(g, static_cast<int>(i));
        if (mode < 0 || mode >= 20) continue;
        P4 vis = v;
        for (std::size_t k = i + 1; k < g.size(); ++k)
          if (isNeutrino(g.pdgId[k]) && g.mother[k] == static_cast<int>(i)) vis -= p4(g, k);
        if (deltaR(vis.eta(), vis.phi(), eta, phi) < r) tau = static_cast<int>(i), tauMode = mode;
      } else if (isParton(pdg) && g.status[i] != kGenFinal && v.pt() > partonPt &&
                 deltaR(v.eta(), v.phi(), eta, phi) < r) {
        parton = static_cast<int>(i), partonPt = v.pt();
      }
    }
    jets.truthDecayMode[j] = -1;
    if (top >= 0) {
      jets.truthPdgId[j] = 6;
      jets.truthIndex[j] = top;
      jets.truthMass[j] = static_cast<float>(p4(g, static_cast<std::size_t>(top)).mass());
    } else if (tau >= 0) {
      jets.truthPdgId[j] = 15;
      jets.truthIndex[j] = tau;
      jets.truthDecayMode[j] = static_cast<std::int16_t>(tauMode);
      jets.truthMass[j] = static_cast<float>(p4(g, static_cast<std::size_t>(tau)).mass());
    } else {
      jets.truthPdgId[j] = parton >= 0 ? std::abs(g.pdgId[static_cast<std::size_t>(parton)]) : 0;
      jets.truthIndex[j] = parton;
      jets.truthMass[j] = static_cast<float>(visible.mass());
    }
  }
}

}  // namespace e2e::reco
