#pragma once
// One event -> dataset rows: reconstruction (vertex, photons or jets, truth matching), object selection, label,
// crop and optional hit graph per selected object. Const and thread-safe; each thread brings its own scratch.
#include <cstdint>
#include <string>
#include <vector>

#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/frames/Cropper.hpp"
#include "e2e/frames/HitGraphBuilder.hpp"
#include "e2e/frames/JetCropper.hpp"
#include "e2e/frames/PhotonCropper.hpp"
#include "e2e/io/DatasetFile.hpp"
#include "e2e/reconstruction/JetFinder.hpp"
#include "e2e/reconstruction/PhotonFinder.hpp"
#include "e2e/reconstruction/VertexFinder.hpp"

namespace e2e::frames {

enum class ObjectKind { Photons, Jets };
// What `y` holds: a class label from the truth match, or a regression target.
enum class LabelRule {
  Electron,  // 1 electron, 0 otherwise (photons)
  Quark,     // 1 quark (1-5), 0 otherwise (gluon)
  Top,       // 1 top, 0 otherwise
  Tau,       // 1 hadronic tau, 0 otherwise
  Mass,      // the truth mass (A mass for photons, matched object's mass for jets)
  Pdg        // the truth pdg id itself (|id|)
};
LabelRule parseLabelRule(const std::string& name);  // electron, quark, top, tau, mass, pdg

struct SamplerConfig {
  ObjectKind objects = ObjectKind::Photons;
  CropConfig crop;
  bool graphs = false;
  GraphConfig graph;
  LabelRule label = LabelRule::Electron;
  float minPt = 0;                       // GeV, on top of the reconstruction's own cuts
  float maxAbsEta = 3.0f;
  int leading = 0;                       // keep at most this many objects per event, highest pT first (0: all)
  std::vector<int> requireTruth;         // keep only objects whose |truth pdg id| is listed (empty: all)
  reco::PhotonConfig photon;
  reco::JetConfig jet;
  reco::PFConfig pf;
  reco::VertexConfig vertex;
};

struct EventInput {
  const EcalHits* ecal = nullptr;
  const HcalHits* hcal = nullptr;
  const TrackerHits* trackerHits = nullptr;
  const Tracks* tracks = nullptr;
  const Vertices* simVertices = nullptr;  // fallback for the primary vertex when too few tracks
  const GenParticles* gen = nullptr;      // truth; without it every object is unmatched
};

struct SamplerScratch {
  reco::VertexScratch vertex;
  reco::PhotonScratch photon;
  reco::PFScratch pf;
  reco::JetScratch jet;
  Vertices vertices;
  Photons photons;
  Jets jets;
  reco::PFCandidates candidates;
  CropScratch crop;
  GraphScratch graph;
  Frames frames;
  std::vector<std::int32_t> rows;
  EcalHits noEcal;
  HcalHits noHcal;
  Tracks noTracks;
};

class EventSampler {
public:
  explicit EventSampler(SamplerConfig config);
  const SamplerConfig& config() const { return m_config; }
  // Appends one row per selected object of the event to `out`; returns the number of rows added.
  std::size_t sample(const EventInput& in, io::DatasetBatch& out, SamplerScratch& scratch) const;

private:
  float label(std::int32_t truthPdg, float truthMass) const;

  SamplerConfig m_config;
  reco::VertexFinder m_vertexFinder;
  reco::PhotonFinder m_photonFinder;
  reco::ParticleFlow m_particleFlow;
  reco::JetFinder m_jetFinder;
  PhotonCropper m_photonCropper;
  JetCropper m_jetCropper;
  HitGraphBuilder m_graphBuilder;
};

}  // namespace e2e::frames
