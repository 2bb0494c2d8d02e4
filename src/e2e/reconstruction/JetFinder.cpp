#include "e2e/reconstruction/JetFinder.hpp"

#include <fastjet/ClusterSequence.hh>

#include <algorithm>
#include <cmath>

#include "e2e/core/Error.hpp"
#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/geometry/HcalGeometry.hpp"

namespace e2e::reco {

void JetConfig::validate() const {
  if (!(radius > 0.05 && radius < 2.0)) fail("jet radius ", radius, " out of range (0.05, 2)");
  if (seedHalfWindow < 0 || seedHalfWindow > 10) fail("jet seed window ", seedHalfWindow, " out of range 0..10");
}

JetFinder::JetFinder(JetConfig config) : m_config(config) {
  m_config.validate();
  // FastJet prints a banner on stdout at its first clustering; e2e's stdout carries command output only.
  fastjet::ClusterSequence::set_fastjet_banner_stream(nullptr);
}

void JetFinder::seedTower(float eta, float phi, const JetScratch& s, std::int16_t& ieta, std::int16_t& iphi) const {
  const int axisRing = std::clamp(geo::frameRow(std::clamp(eta, -2.9999f, 2.9999f)) / geo::kCrystalsPerTower, 0, geo::kHcalRings - 1);
  const int axisPhi = geo::phiColumn(phi) / geo::kCrystalsPerTower;
  int bestRing = axisRing, bestPhi = axisPhi;
  float best = 0;
  const int w = m_config.seedHalfWindow;
  for (int dr = -w; dr <= w; ++dr) {
    const int ring = axisRing + dr;
    if (ring < 0 || ring >= geo::kHcalRings) continue;
    for (int dp = -w; dp <= w; ++dp) {
      const int p = (axisPhi + dp + geo::kHcalPhiBins) % geo::kHcalPhiBins;
      const float e = s.depth1[static_cast<std::size_t>(ring * geo::kHcalPhiBins + p)];
      if (e > best) {
        best = e;
        bestRing = ring;
        bestPhi = p;
      }
    }
  }
  ieta = static_cast<std::int16_t>(geo::hcalIetaOfIndex(bestRing));
  // Wide rings only have even-numbered towers.
  iphi = static_cast<std::int16_t>(geo::hcalWideRing(ieta) ? bestPhi & ~1 : bestPhi);
}

void JetFinder::produce(const PFCandidates& cands, const HcalHits& hcal, Jets& out, JetScratch& s) const {
  out.clear();
  s.depth1.assign(geo::kHcalRings * geo::kHcalPhiBins, 0.0f);
  for (std::size_t i = 0; i < hcal.size(); ++i) {
    const int ieta = hcal.ieta[i], iphi = hcal.iphi[i];
    if (hcal.depth[i] != 1 || ieta == 0 || std::abs(ieta) > geo::kHcalRingsPerSide || iphi < 0 || iphi >= geo::kHcalPhiBins) continue;
    s.depth1[static_cast<std::size_t>(geo::hcalRingIndex(ieta) * geo::kHcalPhiBins + iphi)] += hcal.energy[i];
  }
  std::vector<fastjet::PseudoJet> inputs;
  inputs.reserve(cands.size());
  for (std::size_t i = 0; i < cands.size(); ++i) {
    fastjet::PseudoJet p;
    // From pseudorapidity: massive candidates must point where they were measured.
    const double pt = cands.pt[i], eta = cands.eta[i], phi = cands.phi[i], m = cands.mass[i];
    const double px = pt * std::cos(phi), py = pt * std::sin(phi), pz = pt * std::sinh(eta);
    p.reset(px, py, pz, std::sqrt(px * px + py * py + pz * pz + m * m));
    p.set_user_index(static_cast<int>(i));
    inputs.push_back(p);
  }
  const fastjet::JetDefinition def(fastjet::antikt_algorithm, m_config.radius);
  const fastjet::ClusterSequence cs(inputs, def);
  const auto jets = fastjet::sorted_by_pt(cs.inclusive_jets(m_config.minPt));
  for (const auto& j : jets) {
    const float eta = static_cast<float>(j.pseudorapidity());
    if (std::abs(eta) > m_config.maxAbsEta) continue;
    const float phi = static_cast<float>(geo::wrapPhi(j.phi()));
    std::int16_t ieta = 0, iphi = 0;
    seedTower(eta, phi, s, ieta, iphi);
    out.pt.push_back(static_cast<float>(j.pt()));
    out.eta.push_back(eta);
    out.phi.push_back(phi);
    out.mass.push_back(static_cast<float>(std::max(0.0, j.m())));
    out.radius.push_back(static_cast<float>(m_config.radius));
    out.nConstituents.push_back(static_cast<std::int32_t>(j.constituents().size()));
    out.seedIeta.push_back(ieta);
    out.seedIphi.push_back(iphi);
    out.truthPdgId.push_back(0);
    out.truthDecayMode.push_back(-1);
    out.truthMass.push_back(0);
    out.truthIndex.push_back(-1);
  }
}

}  // namespace e2e::reco
