#include "e2e/modules/StandardModules.hpp"

#include "e2e/modules/DetectorFrames.hpp"
#include "e2e/modules/EventFileOutput.hpp"
#include "e2e/modules/EventFileSource.hpp"
#include "e2e/modules/ExternalEventSource.hpp"
#include "e2e/modules/GeneratorSource.hpp"
#include "e2e/modules/HitGraphProducer.hpp"
#include "e2e/modules/JetReco.hpp"
#include "e2e/modules/ObjectCrops.hpp"
#include "e2e/modules/PhotonReco.hpp"
#include "e2e/modules/PredictionCsv.hpp"
#include "e2e/modules/Simulation.hpp"
#include "e2e/modules/VertexReco.hpp"
#include "e2e/taggers/CropTagger.hpp"
#include "e2e/taggers/GraphTagger.hpp"

namespace e2e::modules {
namespace {

using taggers::CropTagger;
using taggers::GraphTagger;

ObjectCrops::Config jetCrops() {
  ObjectCrops::Config c;
  c.objects = "jets";
  c.output = "jet_crops";
  c.channels = {"trk_pt", "ecal", "hcal"};
  c.size = 125;
  return c;
}

CropTagger::Config tagger(const char* objects, const char* frames, const char* model, float ptMin, float etaMax, int batch) {
  CropTagger::Config c;
  c.objects = objects;
  c.frames = frames;
  c.model = model;
  c.ptMin = ptMin;
  c.etaMax = etaMax;
  c.maxBatch = batch;
  return c;
}

ExternalEventSource::Config hepmc3() {
  ExternalEventSource::Config c;
  c.format = "hepmc3";
  return c;
}

ExternalEventSource::Config text() {
  ExternalEventSource::Config c;
  c.format = "text";
  return c;
}

GraphTagger::Config tauGraph() {
  GraphTagger::Config c;
  c.objects = "fatJets";
  c.graphs = "jet_graphs";
  c.model = "models/tau_edgeconv.onnx";
  c.ptMin = 20;
  c.etaMax = 2.4f;
  return c;
}

}  // namespace

void registerStandardModules(fw::ModuleRegistry& r) {
  // Sources.
  r.add(generatorFactory());
  r.add(fw::moduleFactory<EventFileSource>("EventFileSource", "events from an e2e event file (.h5)"));
  r.add(fw::moduleFactory<ExternalEventSource>("HepMC3Source", "generator events from a HepMC3 ASCII file", hepmc3()));
  r.add(fw::moduleFactory<ExternalEventSource>("TextSource", "generator events from a plain 4-vector text file", text()));
  // Detector simulation and reconstruction.
  r.add(fw::moduleFactory<Simulation>("Simulation", "fast detector simulation: hits, tracks and vertices from generator particles"));
  r.add(fw::moduleFactory<VertexReco>("VertexReco", "primary vertices from tracks (simulation's as fallback)"));
  r.add(fw::moduleFactory<PhotonReco>("PhotonReco", "photon/electron candidates from ECAL clusters, truth-matched"));
  r.add(fw::moduleFactory<JetReco>("JetReco", "particle-flow anti-kT jets with crop seeds, truth-matched"));
  // Frames.
  r.add(fw::moduleFactory<DetectorFrames>("DetectorFrames", "whole-event 280 x 360 frames"));
  r.add(fw::moduleFactory<ObjectCrops>("PhotonCrops", "32 x 32 crops around photon seeds"));
  r.add(fw::moduleFactory<ObjectCrops>("JetCrops", "125 x 125 crops around jet seed towers", jetCrops()));
  r.add(fw::moduleFactory<HitGraphProducer>("HitGraphs", "hit graphs around jets or photons for graph networks"));
  // Taggers: one class each for crops and graphs, told apart by their defaults.
  r.add(fw::moduleFactory<CropTagger>("EGammaTagger", "electron vs photon score on photon crops",
                                      tagger("photons", "photon_crops", "models/egamma_resnet15.onnx", 10, 1.44f, 64)));
  r.add(fw::moduleFactory<CropTagger>("QuarkGluonTagger", "quark vs gluon score on AK4 jet crops",
                                      tagger("jets", "jet_crops", "models/qg_resnet15.onnx", 70, 2.0f, 32)));
  r.add(fw::moduleFactory<CropTagger>("TopTagger", "top vs QCD score on AK8 jet crops",
                                      tagger("fatJets", "fatjet_crops", "models/top_resnet15.onnx", 400, 2.4f, 32)));
  r.add(fw::moduleFactory<CropTagger>("TauTagger", "hadronic tau vs QCD score on jet crops (CNN)",
                                      tagger("fatJets", "fatjet_crops", "models/tau_resnet15.onnx", 20, 2.4f, 32)));
  r.add(fw::moduleFactory<GraphTagger>("TauGraphTagger", "hadronic tau vs QCD score on hit graphs (GNN)", tauGraph()));
  r.add(fw::moduleFactory<CropTagger>("MassRegressor", "A -> gamma gamma mass regression on photon crops",
                                      tagger("photons", "photon_crops", "models/mass_resnet15.onnx", 10, 1.44f, 64)));
  // Outputs.
  r.add(fw::moduleFactory<EventFileOutput>("EventFileOutput", "writes collections and predictions to an e2e event file"));
  r.add(fw::moduleFactory<PredictionCsv>("PredictionCsv", "writes one CSV row per scored object"));
}

fw::ModuleRegistry standardRegistry() {
  fw::ModuleRegistry r;
  registerStandardModules(r);
  return r;
}

}  // namespace e2e::modules
