// e2e show FILE --index I --out picture.png: a dataset crop, or a whole-event frame of an event file, as a
// composite colour picture (one colour per channel, log scale).
#include <cstdio>
#include <filesystem>
#include <string>

#include "Commands.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/dataformats/Labels.hpp"
#include "e2e/frames/Cropper.hpp"
#include "e2e/frames/image/Composite.hpp"
#include "e2e/io/DatasetFile.hpp"
#include "e2e/io/EventFile.hpp"
#include "e2e/reconstruction/VertexFinder.hpp"

namespace e2e::cli {
namespace {

struct ShowOptions {
  std::string file, out, channels;
  std::uint64_t index = 0;
  int pixel = 0;
  bool force = false;
};

// Channels of the file to draw: all of them, or the named subset (each must be in the file).
std::vector<std::size_t> pickChannels(const std::vector<std::string>& have, const std::string& wanted, const std::string& file) {
  std::vector<std::size_t> out;
  if (wanted.empty()) {
    for (std::size_t i = 0; i < have.size(); ++i) out.push_back(i);
    return out;
  }
  for (const auto& name : frames::splitList(wanted)) {
    std::size_t i = 0;
    while (i < have.size() && have[i] != name) ++i;
    if (i == have.size()) fail(file, ": has no channel '", name, "'");
    out.push_back(i);
  }
  return out;
}

frames::RgbImage showDataset(const ShowOptions& o) {
  io::DatasetReader r(o.file);
  if (!r.hasImages()) fail(o.file, ": has no images (graphs only)");
  if (o.index >= r.size()) fail(o.file, ": index ", o.index, " out of range (", r.size(), " objects)");
  std::vector<float> x;
  r.readImages(o.index, 1, x);
  const auto pick = pickChannels(r.channels(), o.channels, o.file);
  const std::size_t plane = static_cast<std::size_t>(r.height()) * static_cast<std::size_t>(r.width());
  std::vector<float> planes;
  std::vector<std::string> names;
  for (std::size_t c : pick) {
    planes.insert(planes.end(), x.begin() + static_cast<std::ptrdiff_t>(c * plane), x.begin() + static_cast<std::ptrdiff_t>((c + 1) * plane));
    names.push_back(r.channels()[c]);
  }
  std::vector<float> y;
  std::string label;
  if (r.readColumn("y", o.index, 1, y)) label = ", y = " + std::to_string(y[0]);
  std::printf("%s: object %llu of %llu, %zu x %d x %d%s\n", o.file.c_str(), static_cast<unsigned long long>(o.index),
              static_cast<unsigned long long>(r.size()), names.size(), r.height(), r.width(), label.c_str());
  return frames::composite(planes.data(), names, r.height(), r.width(), {.pixelSize = o.pixel});
}

frames::RgbImage showEvent(const ShowOptions& o) {
  io::EventReader r(o.file);
  if (o.index >= r.events()) fail(o.file, ": event ", o.index, " out of range (", r.events(), " events)");
  EcalHits ecal;
  HcalHits hcal;
  TrackerHits trackerHits;
  Tracks tracks;
  Vertices vertices, found;
  if (r.has(labels::kEcalHits)) r.get(labels::kEcalHits, o.index, ecal);
  if (r.has(labels::kHcalHits)) r.get(labels::kHcalHits, o.index, hcal);
  if (r.has(labels::kTrackerHits)) r.get(labels::kTrackerHits, o.index, trackerHits);
  if (r.has(labels::kTracks)) r.get(labels::kTracks, o.index, tracks);
  if (r.has(labels::kVertices)) r.get(labels::kVertices, o.index, vertices);
  reco::VertexScratch vs;
  reco::VertexFinder().produce(tracks, found, vs);
  const frames::EventHits hits{&ecal, &hcal, &trackerHits, &tracks, reco::primaryVertexZ(found, &vertices)};
  const frames::FrameMaker maker(frames::ChannelSet::parse(o.channels.empty() ? "ecal,hcal,trk_pt" : o.channels));
  Frames frame;
  frames::CropScratch scratch;
  maker.produce(hits, frame, scratch);
  std::printf("%s: event %llu of %llu, whole-detector frame %zu x %lld x %lld (%zu ECAL, %zu HCAL hits, %zu tracks)\n",
              o.file.c_str(), static_cast<unsigned long long>(o.index), static_cast<unsigned long long>(r.events()),
              frame.channels.size(), static_cast<long long>(frame.height), static_cast<long long>(frame.width), ecal.size(),
              hcal.size(), tracks.size());
  return frames::composite(frame.data.data(), frame.channels, static_cast<int>(frame.height), static_cast<int>(frame.width),
                           {.pixelSize = o.pixel > 0 ? o.pixel : 2});
}

void runShow(const ShowOptions& o) {
  if (!o.force && std::filesystem::exists(o.out)) fail(o.out, ": already exists (use --force to overwrite)");
  if (!std::filesystem::exists(o.file)) fail(o.file, ": no such file");
  const frames::RgbImage img = io::isDatasetFile(o.file) ? showDataset(o) : showEvent(o);
  frames::writePng(o.out, img);
  std::printf("wrote %s (%d x %d)\n", o.out.c_str(), img.width, img.height);
}

}  // namespace

void registerShow(CLI::App& app, GlobalOptions&) {
  auto* sub = app.add_subcommand("show", "Draw a dataset crop or a whole-event frame as a PNG picture");
  static ShowOptions o;
  sub->add_option("file", o.file, "Dataset or event file")->required();
  sub->add_option("--index", o.index, "Object (dataset) or event (event file) index");
  sub->add_option("--out", o.out, "PNG file to write")->required();
  sub->add_option("--channels", o.channels, "Channels to draw (default: all of a dataset; ecal,hcal,trk_pt for events)");
  sub->add_option("--pixel", o.pixel, "Screen pixels per crystal (default: about 512 pixels wide for crops, 2 for frames)");
  sub->add_flag("--force", o.force, "Overwrite the picture");
  sub->callback([] { runShow(o); });
}

}  // namespace e2e::cli
