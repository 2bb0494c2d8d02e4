#include "e2e/frames/EventSampler.hpp"

#include <algorithm>
#include <cstdlib>

#include "e2e/core/Error.hpp"
#include "e2e/geometry/HcalGeometry.hpp"
#include "e2e/reconstruction/EcalFrameMap.hpp"
#include "e2e/reconstruction/TruthMatcher.hpp"

namespace e2e::frames {

LabelRule parseLabelRule(const std::string& name) {
  if (name == "electron") return LabelRule::Electron;
  if (name == "quark") return LabelRule::Quark;
  if (name == "top") return LabelRule::Top;
  if (name == "tau") return LabelRule::Tau;
  if (name == "mass") return LabelRule::Mass;
  if (name == "pdg") return LabelRule::Pdg;
  fail("unknown label rule '", name, "' (known: electron, quark, top, tau, mass, pdg)");
}

namespace {
GraphConfig graphFor(const SamplerConfig& c) {
  GraphConfig g = c.graph;
  g.channels = c.crop.channels;
  g.height = c.crop.height;
  g.width = c.crop.width;
  return g;
}
}  // namespace

EventSampler::EventSampler(SamplerConfig config)
    : m_config(std::move(config)),
      m_vertexFinder(m_config.vertex),
      m_photonFinder(m_config.photon),
      m_particleFlow(m_config.pf),
      m_jetFinder(m_config.jet),
      m_photonCropper(m_config.crop),
      m_jetCropper(m_config.crop),
      m_graphBuilder(graphFor(m_config)) {}

float EventSampler::label(std::int32_t truthPdg, float truthMass) const {
  const int a = std::abs(truthPdg);
  switch (m_config.label) {
    case LabelRule::Electron: return a == 11 ? 1.0f : 0.0f;
    case LabelRule::Quark: return a >= 1 && a <= 5 ? 1.0f : 0.0f;
    case LabelRule::Top: return a == 6 ? 1.0f : 0.0f;
    case LabelRule::Tau: return a == 15 ? 1.0f : 0.0f;
    case LabelRule::Mass: return truthMass;
    case LabelRule::Pdg: return static_cast<float>(a);
  }
  return 0.0f;
}

std::size_t EventSampler::sample(const EventInput& in, io::DatasetBatch& out, SamplerScratch& s) const {
  const EcalHits& ecal = in.ecal ? *in.ecal : s.noEcal;
  const HcalHits& hcal = in.hcal ? *in.hcal : s.noHcal;
  const Tracks& tracks = in.tracks ? *in.tracks : s.noTracks;
  m_vertexFinder.produce(tracks, s.vertices, s.vertex);
  const float pvZ = reco::primaryVertexZ(s.vertices, in.simVertices);
  const bool photons = m_config.objects == ObjectKind::Photons;
  std::size_t n = 0;
  if (photons) {
    m_photonFinder.produce(ecal, s.photons, s.photon);
    if (in.gen) reco::matchPhotons(*in.gen, s.photons);
    n = s.photons.size();
  } else {
    m_particleFlow.produce(tracks, ecal, hcal, pvZ, s.candidates, s.pf);
    m_jetFinder.produce(s.candidates, hcal, s.jets, s.jet);
    if (in.gen) reco::matchJets(*in.gen, s.jets);
    n = s.jets.size();
  }
  // Selection; objects come highest pT first, so "leading" is a prefix of the survivors.
  s.rows.clear();
  int passed = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const float pt = photons ? s.photons.pt[i] : s.jets.pt[i];
    const float eta = photons ? s.photons.eta[i] : s.jets.eta[i];
    const int truth = std::abs(photons ? s.photons.truthPdgId[i] : s.jets.truthPdgId[i]);
    if (pt < m_config.minPt || std::abs(eta) > m_config.maxAbsEta) continue;
    if (m_config.leading > 0 && passed >= m_config.leading) break;
    ++passed;
    if (!m_config.requireTruth.empty() &&
        std::find(m_config.requireTruth.begin(), m_config.requireTruth.end(), truth) == m_config.requireTruth.end())
      continue;
    s.rows.push_back(static_cast<std::int32_t>(i));
  }
  if (s.rows.empty()) return 0;
  const EventHits hits{&ecal, &hcal, in.trackerHits, &tracks, pvZ};
  if (photons) m_photonCropper.produce(hits, s.photons, s.rows, s.frames, s.crop);
  else m_jetCropper.produce(hits, s.jets, s.rows, s.frames, s.crop);
  out.images.insert(out.images.end(), s.frames.data.begin(), s.frames.data.end());
  const auto& cfg = m_config.crop;
  for (std::size_t k = 0; k < s.rows.size(); ++k) {
    const auto i = static_cast<std::size_t>(s.rows[k]);
    const CropWindow w = photons ? PhotonCropper::window(s.photons, i, cfg.height, cfg.width)
                                 : JetCropper::window(s.jets, i, cfg.height, cfg.width);
    const std::int32_t truth = photons ? s.photons.truthPdgId[i] : s.jets.truthPdgId[i];
    const float truthMass = photons ? s.photons.truthMass[i] : s.jets.truthMass[i];
    out.y.push_back(label(truth, truthMass));
    out.pt.push_back(photons ? s.photons.pt[i] : s.jets.pt[i]);
    out.eta.push_back(photons ? s.photons.eta[i] : s.jets.eta[i]);
    out.phi.push_back(photons ? s.photons.phi[i] : s.jets.phi[i]);
    out.m.push_back(photons ? 0.0f : s.jets.mass[i]);
    // The crop centre on the frame (crystal units), as the regression models take it.
    out.ieta.push_back(static_cast<float>(w.row0 + (cfg.height - 1) / 2));
    out.iphi.push_back(static_cast<float>((w.col0 + (cfg.width - 1) / 2) % geo::kFrameCols));
    out.truthMass.push_back(truthMass);
    if (m_config.graphs) m_graphBuilder.append(hits, w, s.rows[k], out.graphs, s.graph);
  }
  return s.rows.size();
}

}  // namespace e2e::frames
