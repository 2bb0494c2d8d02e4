// e2e frames: event file -> training dataset (crops, labels, kinematics, optional hit graphs). Events are read in
// order by one thread, sampled in parallel chunks (TBB), and written in event order, so the output does not depend
// on the thread count.
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "Commands.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/core/Progress.hpp"
#include "e2e/core/Timer.hpp"
#include "e2e/dataformats/Labels.hpp"
#include "e2e/frames/EventSampler.hpp"
#include "e2e/io/EventFile.hpp"

namespace e2e::cli {
namespace {

struct FramesOptions {
  std::string in, out, objects, layout = "e2e", channels, scales, label, requireTruth, path = "sparse";
  double jetRadius = 0.4;
  int size = 0, maxNodes = 256, k = 8, leading = 0;
  float minPt = -1, maxEta = -1;
  std::uint64_t maxEvents = 0;
  bool graphs = false, force = false;
};

struct EventData {
  EcalHits ecal;
  HcalHits hcal;
  TrackerHits trackerHits;
  Tracks tracks;
  Vertices vertices;
  GenParticles gen;
};

struct Chunk {
  std::uint64_t first = 0, count = 0;
  std::vector<EventData> events;
  io::DatasetBatch batch;
};

struct Sources {
  bool ecal, hcal, trackerHits, tracks, vertices, gen;
};

frames::SamplerConfig makeConfig(FramesOptions& o) {
  const auto layout = io::parseDatasetLayout(o.layout);
  if (o.objects.empty()) o.objects = layout == io::DatasetLayout::EGamma ? "photons" : layout == io::DatasetLayout::Jets ? "jets" : "";
  if (o.objects != "photons" && o.objects != "jets") throw UsageError("--objects must be photons or jets");
  const bool photons = o.objects == "photons";
  if (layout == io::DatasetLayout::EGamma) {
    if (!photons) throw UsageError("--layout egamma holds photons (--objects photons)");
    if (!o.channels.empty() && o.channels != "ecal,ecal_time") throw UsageError("--layout egamma is [energy, time]: --channels ecal,ecal_time");
    if (o.size != 0 && o.size != 32) throw UsageError("--layout egamma crops are 32 x 32");
    if (o.graphs) throw UsageError("--graphs needs --layout e2e");
    o.channels = "ecal,ecal_time";
  }
  if (layout == io::DatasetLayout::Jets && photons) throw UsageError("--layout jets holds jets (--objects jets)");
  if (layout != io::DatasetLayout::E2E && o.graphs) throw UsageError("--graphs needs --layout e2e");
  if (o.jetRadius != 0.4 && photons) throw UsageError("--jet-radius applies to --objects jets");
  frames::SamplerConfig c;
  c.objects = photons ? frames::ObjectKind::Photons : frames::ObjectKind::Jets;
  c.crop.channels = frames::ChannelSet::parse(o.channels.empty() ? (photons ? "ecal" : "trk_pt,ecal,hcal") : o.channels, o.scales);
  c.crop.height = c.crop.width = o.size > 0 ? o.size : (photons ? 32 : 125);
  if (o.path != "sparse" && o.path != "full") throw UsageError("--path must be sparse or full");
  c.crop.path = o.path == "full" ? frames::CropConfig::Path::FullFrame : frames::CropConfig::Path::Sparse;
  c.crop.validate();
  c.graphs = o.graphs;
  c.graph.maxNodes = o.maxNodes;
  c.graph.k = o.k;
  c.label = frames::parseLabelRule(o.label.empty() ? (photons ? "electron" : "quark") : o.label);
  c.minPt = o.minPt >= 0 ? o.minPt : (photons ? 10.0f : 20.0f);
  c.maxAbsEta = o.maxEta >= 0 ? o.maxEta : (photons ? 3.0f : 2.4f);
  c.leading = o.leading;
  for (const auto& s : frames::splitList(o.requireTruth)) {
    try {
      c.requireTruth.push_back(std::abs(std::stoi(s)));
    } catch (const std::exception&) {
      throw UsageError("--require-truth: '" + s + "' is not a pdg id");
    }
  }
  c.photon.minPt = std::min(c.minPt, c.photon.minPt);
  c.jet.radius = o.jetRadius;
  c.jet.minPt = std::min(c.minPt, c.jet.minPt);
  c.jet.maxAbsEta = std::max(c.maxAbsEta, c.jet.maxAbsEta);
  return c;
}

std::string describeConfig(const FramesOptions& o, const frames::SamplerConfig& c) {
  std::ostringstream s;
  s << "objects = " << o.objects << "\nlayout = " << o.layout << "\nchannels = ";
  for (std::size_t i = 0; i < c.crop.channels.size(); ++i) s << (i ? "," : "") << c.crop.channels.name(i);
  s << "\nscales = ";
  for (std::size_t i = 0; i < c.crop.channels.size(); ++i) s << (i ? "," : "") << c.crop.channels.scale(i);
  s << "\nsize = " << c.crop.height << "\njet_radius = " << c.jet.radius << "\nmin_pt = " << c.minPt
    << "\nmax_eta = " << c.maxAbsEta << "\nleading = " << c.leading << "\nlabel = " << (o.label.empty() ? "default" : o.label)
    << "\nrequire_truth = " << o.requireTruth << "\ngraphs = " << (c.graphs ? "true" : "false")
    << "\nmax_nodes = " << c.graph.maxNodes << "\nk = " << c.graph.k << "\n";
  return s.str();
}

void readChunk(io::EventReader& r, const Sources& src, Chunk& c) {
  if (c.events.size() < c.count) c.events.resize(c.count);
  for (std::uint64_t i = 0; i < c.count; ++i) {
    EventData& e = c.events[i];
    const std::uint64_t ev = c.first + i;
    if (src.ecal) r.get(labels::kEcalHits, ev, e.ecal);
    if (src.hcal) r.get(labels::kHcalHits, ev, e.hcal);
    if (src.trackerHits) r.get(labels::kTrackerHits, ev, e.trackerHits);
    if (src.tracks) r.get(labels::kTracks, ev, e.tracks);
    if (src.vertices) r.get(labels::kVertices, ev, e.vertices);
    if (src.gen) r.get(labels::kGen, ev, e.gen);
  }
}

void runFrames(FramesOptions o, const GlobalOptions& global) {
  frames::SamplerConfig config = makeConfig(o);
  io::EventReader reader(o.in);
  const Sources src{reader.has(labels::kEcalHits), reader.has(labels::kHcalHits), reader.has(labels::kTrackerHits),
                    reader.has(labels::kTracks), reader.has(labels::kVertices), reader.has(labels::kGen)};
  if (!src.ecal && !src.hcal && !src.tracks)
    fail(o.in, ": no detector hits (ecal, hcal, tracks): simulate the events first (e2e generate ... --simulate)");
  const frames::EventSampler sampler(config);
  io::DatasetSpec spec;
  spec.layout = io::parseDatasetLayout(o.layout);
  spec.channels = config.crop.channels.names();
  spec.scales = config.crop.channels.scales();
  spec.height = config.crop.height;
  spec.width = config.crop.width;
  spec.objects = o.objects;
  if (config.graphs) spec.graphFeatures = frames::HitGraphBuilder::featureNames();
  spec.provenance = {global.commandLine, describeConfig(o, config) + "input = " + o.in + "\n", ""};
  io::DatasetWriter writer(o.out, spec, o.force);

  const std::uint64_t events = o.maxEvents ? std::min(o.maxEvents, reader.events()) : reader.events();
  const int threads = global.threads > 0 ? global.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const std::uint64_t chunkEvents = config.objects == frames::ObjectKind::Photons ? 256 : 16;
  const std::size_t tokens = 2 * static_cast<std::size_t>(threads);
  // A ring of chunks: with at most `tokens` in flight, chunk i is free again when chunk i + tokens is read.
  std::vector<std::unique_ptr<Chunk>> ring(tokens);
  for (auto& c : ring) c = std::make_unique<Chunk>();
  tbb::enumerable_thread_specific<frames::SamplerScratch> scratch;
  Progress progress("frames", events);
  const Timer timer;
  std::uint64_t next = 0, chunkIndex = 0;
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, Chunk*>(tbb::filter_mode::serial_in_order,
                                     [&](tbb::flow_control& fc) -> Chunk* {
                                       if (next >= events) {
                                         fc.stop();
                                         return nullptr;
                                       }
                                       Chunk* c = ring[chunkIndex++ % tokens].get();
                                       c->first = next;
                                       c->count = std::min(chunkEvents, events - next);
                                       next += c->count;
                                       readChunk(reader, src, *c);
                                       return c;
                                     }) &
          tbb::make_filter<Chunk*, Chunk*>(tbb::filter_mode::parallel,
                                           [&](Chunk* c) {
                                             c->batch.clear();
                                             auto& s = scratch.local();
                                             for (std::uint64_t i = 0; i < c->count; ++i) {
                                               const EventData& e = c->events[i];
                                               const frames::EventInput in{src.ecal ? &e.ecal : nullptr, src.hcal ? &e.hcal : nullptr,
                                                                           src.trackerHits ? &e.trackerHits : nullptr,
                                                                           src.tracks ? &e.tracks : nullptr,
                                                                           src.vertices ? &e.vertices : nullptr, src.gen ? &e.gen : nullptr};
                                               sampler.sample(in, c->batch, s);
                                             }
                                             return c;
                                           }) &
          tbb::make_filter<Chunk*, void>(tbb::filter_mode::serial_in_order, [&](Chunk* c) {
            writer.append(c->batch);
            progress.add(c->count);
          }));
  writer.close();
  progress.finish();
  const double seconds = timer.seconds();
  std::printf("e2e frames: %llu %s from %llu events -> %s (%.1f s, %.0f objects/s)\n",
              static_cast<unsigned long long>(writer.rows()), o.objects.c_str(), static_cast<unsigned long long>(events),
              o.out.c_str(), seconds, seconds > 0 ? static_cast<double>(writer.rows()) / seconds : 0.0);
}

}  // namespace

void registerFrames(CLI::App& app, GlobalOptions& global) {
  auto* sub = app.add_subcommand("frames", "Make a training dataset of object crops (and hit graphs) from an event file");
  static FramesOptions o;
  sub->add_option("--in", o.in, "Simulated event file")->required();
  sub->add_option("--out", o.out, "Dataset file to write")->required();
  sub->add_option("--objects", o.objects, "photons or jets (implied by --layout egamma / jets)");
  sub->add_option("--jet-radius", o.jetRadius, "Anti-kT radius: 0.4 (AK4) or 0.8 (AK8)");
  sub->add_option("--channels", o.channels, "Comma-separated channels in order (ecal, hcal, trk_pt, trk_d0, trk_dz, bpix1-4, tib1-2, tob1-2, ecal_time)");
  sub->add_option("--scales", o.scales, "One scale factor per channel (default 1)");
  sub->add_option("--size", o.size, "Crop size in crystals (default 32 photons, 125 jets)");
  sub->add_option("--layout", o.layout, "e2e (X NCHW + kinematics + graphs), egamma (public e/gamma), jets (public jets)");
  sub->add_flag("--graphs", o.graphs, "Also store hit graphs (kNN in eta-phi)");
  sub->add_option("--max-nodes", o.maxNodes, "Graph nodes kept per object, by energy");
  sub->add_option("--k", o.k, "Neighbours per graph node");
  sub->add_option("--label-from", o.label, "y: electron | quark | top | tau | mass | pdg (default electron for photons, quark for jets)");
  sub->add_option("--min-pt", o.minPt, "Object pT cut in GeV (default 10 photons, 20 jets)");
  sub->add_option("--max-eta", o.maxEta, "Object |eta| cut (default 3.0 photons, 2.4 jets)");
  sub->add_option("--leading", o.leading, "Keep at most N objects per event, highest pT first (0: all)");
  sub->add_option("--require-truth", o.requireTruth, "Keep only objects matched to these |pdg ids|, e.g. 1,2,3,4,5,21");
  sub->add_option("--max-events", o.maxEvents, "Read at most N events (0: all)");
  sub->add_option("--path", o.path, "Crop path: sparse (default, from the hits in each window) or full (cut from whole frames)");
  sub->add_flag("--force", o.force, "Overwrite the output file");
  sub->callback([&global] { runFrames(o, global); });
}

}  // namespace e2e::cli
