#include "e2e/frames/CropBenchmark.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <sstream>

#include "e2e/frames/HitGraphBuilder.hpp"
#include "e2e/frames/JetCropper.hpp"
#include "e2e/frames/PhotonCropper.hpp"
#include "e2e/frames/SyntheticEvent.hpp"
#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/geometry/HcalGeometry.hpp"

namespace e2e::frames {
namespace {
constexpr const char* kJetChannels = "trk_pt,trk_d0,trk_dz,ecal,hcal,bpix1,bpix2,bpix3";

struct Sample {
  SyntheticEvent event;
  Photons photons;
  Jets jets;
};

// Photon-gun-like events (one shower over noise) and top-like events (two jets over a busy detector).
std::vector<Sample> makeSamples(bool jets, int n) {
  std::vector<Sample> out(static_cast<std::size_t>(n));
  SyntheticOccupancy occ;
  if (jets) occ = {.ecalBarrel = 2500, .ecalEndcap = 600, .hcal = 400, .tracks = 150, .hitsPerLayer = 150, .blobs = 2};
  else occ = {.ecalBarrel = 250, .ecalEndcap = 80, .hcal = 40, .tracks = 15, .hitsPerLayer = 15, .blobs = 1};
  for (int i = 0; i < n; ++i) {
    Sample& s = out[static_cast<std::size_t>(i)];
    s.event.generate(occ, 2024, static_cast<std::uint64_t>(i));
    const std::size_t k = s.event.blobSeeds.size();
    s.photons.resize(jets ? 0 : k);
    s.jets.resize(jets ? k : 0);
    for (std::size_t b = 0; b < k; ++b) {
      const std::uint32_t seed = s.event.blobSeeds[b];
      if (!jets) {
        s.photons.seed[b] = seed;
        continue;
      }
      const double eta = geo::ecalCellEta(seed), phi = geo::ecalCellPhi(seed);
      s.jets.seedIeta[b] = static_cast<std::int16_t>(geo::hcalIeta(eta));
      s.jets.seedIphi[b] = static_cast<std::int16_t>(geo::hcalIphi(s.jets.seedIeta[b], phi));
    }
  }
  return out;
}

// CPU time of this thread: on a shared machine, wall time would count the other processes' time slices too.
double threadSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Runs `step(sample)` over the samples until minSeconds of CPU time has passed; returns crops per CPU second.
template <class Step>
double timeLoop(const std::vector<Sample>& samples, double minSeconds, std::int64_t& crops, Step step) {
  crops = 0;
  const double start = threadSeconds();
  std::size_t i = 0;
  double elapsed = 0;
  do {
    for (int k = 0; k < 64; ++k, ++i) crops += step(samples[i % samples.size()]);
    elapsed = threadSeconds() - start;
  } while (elapsed < minSeconds);
  return static_cast<double>(crops) / elapsed;
}

double threadSeconds();

double measureWriteBandwidth(bool quick) {
  // Larger than the last-level cache, written with the libc memset that large crop batches also use.
  const std::size_t bytes = quick ? (16u << 20) : (256u << 20);
  std::vector<char> buf(bytes, 1);
  double best = 0;
  for (int r = 0; r < (quick ? 2 : 5); ++r) {
    const double start = threadSeconds();
    std::memset(buf.data(), r, bytes);
    best = std::max(best, static_cast<double>(bytes) / (threadSeconds() - start) / 1e9);
  }
  volatile char sink = buf[bytes / 2];
  (void)sink;
  return best;
}
}  // namespace

CropBenchReport runCropBenchmark(const CropBenchOptions& o) {
  CropBenchReport report;
  report.writeBandwidthGBs = measureWriteBandwidth(o.quick);
  const int events = o.quick ? 8 : o.events;
  const double minSeconds = o.quick ? 0.02 : o.minSeconds;
  const int repeats = o.quick ? 1 : std::max(1, o.repeats);
  const auto photonSamples = makeSamples(false, events);
  const auto jetSamples = makeSamples(true, o.quick ? 4 : std::max(1, events / 4));
  const auto cropConfig = [](const char* channels, int size, CropConfig::Path path) {
    CropConfig c;
    c.channels = ChannelSet::parse(channels);
    c.height = c.width = size;
    c.path = path;
    return c;
  };
  Frames frames;
  CropScratch scratch;
  HitGraphs graphs;
  GraphScratch graphScratch;
  struct Case {
    std::string name;
    const std::vector<Sample>* samples;
    double bytesPerCrop;
    std::function<std::int64_t(const Sample&)> step;
  };
  const PhotonCropper photonSparse(cropConfig("ecal", 32, CropConfig::Path::Sparse));
  const PhotonCropper photonFull(cropConfig("ecal", 32, CropConfig::Path::FullFrame));
  const JetCropper jetSparse(cropConfig(kJetChannels, 125, CropConfig::Path::Sparse));
  const JetCropper jetFull(cropConfig(kJetChannels, 125, CropConfig::Path::FullFrame));
  GraphConfig gc;
  gc.channels = ChannelSet::parse("ecal,hcal,trk_pt,bpix1,bpix2,bpix3");
  gc.height = gc.width = 125;
  const HitGraphBuilder graphBuilder(gc);
  std::vector<Case> cases;
  const auto photonStep = [&](const PhotonCropper& c) {
    return [&](const Sample& s) -> std::int64_t {
      c.produce(s.event.view(), s.photons, {}, frames, scratch);
      return frames.count();
    };
  };
  const auto jetStep = [&](const JetCropper& c) {
    return [&](const Sample& s) -> std::int64_t {
      c.produce(s.event.view(), s.jets, {}, frames, scratch);
      return frames.count();
    };
  };
  cases.push_back({"photon 1x32x32 sparse", &photonSamples, 32 * 32 * 4, photonStep(photonSparse)});
  cases.push_back({"photon 1x32x32 full-frame", &photonSamples, 32 * 32 * 4, photonStep(photonFull)});
  cases.push_back({"jet 8x125x125 sparse", &jetSamples, 8 * 125 * 125 * 4, jetStep(jetSparse)});
  cases.push_back({"jet 8x125x125 full-frame", &jetSamples, 8 * 125 * 125 * 4, jetStep(jetFull)});
  cases.push_back({"jet hit graph (256 nodes, k 8)", &jetSamples, 0, [&](const Sample& s) -> std::int64_t {
                     graphs.clear();
                     for (std::size_t j = 0; j < s.jets.size(); ++j)
                       graphBuilder.append(s.event.view(), JetCropper::window(s.jets, j, 125, 125), static_cast<std::int32_t>(j),
                                           graphs, graphScratch);
                     return graphs.count();
                   }});
  for (auto& c : cases) {
    if (!o.only.empty() && c.name.find(o.only) == std::string::npos) continue;
    std::vector<double> rates;
    CropBenchResult r;
    r.name = c.name;
    for (int k = 0; k < repeats + 1; ++k) {  // the first pass warms caches and scratch capacity
      const double rate = timeLoop(*c.samples, k == 0 ? minSeconds / 4 : minSeconds, r.crops, c.step);
      if (k > 0) rates.push_back(rate);
    }
    std::sort(rates.begin(), rates.end());
    r.cropsPerSecond = rates[rates.size() / 2];
    r.microsPerCrop = 1e6 / r.cropsPerSecond;
    r.bytesPerCrop = c.bytesPerCrop;
    r.gbPerSecond = r.cropsPerSecond * r.bytesPerCrop / 1e9;
    r.bandwidthFraction = report.writeBandwidthGBs > 0 ? r.gbPerSecond / report.writeBandwidthGBs : 0;
    report.results.push_back(r);
  }
  return report;
}

std::string formatCropBenchmark(const CropBenchReport& report, bool json) {
  std::ostringstream o;
  char line[256];
  if (json) {
    o << "{\"write_bandwidth_gb_s\": " << report.writeBandwidthGBs << ", \"cases\": [";
    for (std::size_t i = 0; i < report.results.size(); ++i) {
      const auto& r = report.results[i];
      o << (i ? ", " : "") << "{\"name\": \"" << r.name << "\", \"crops_per_s\": " << r.cropsPerSecond
        << ", \"us_per_crop\": " << r.microsPerCrop << ", \"bytes_per_crop\": " << r.bytesPerCrop
        << ", \"gb_per_s\": " << r.gbPerSecond << ", \"bandwidth_fraction\": " << r.bandwidthFraction << "}";
    }
    o << "]}\n";
    return o.str();
  }
  std::snprintf(line, sizeof line, "single-core write bandwidth (memset of a buffer larger than the caches): %.1f GB/s\n",
                report.writeBandwidthGBs);
  o << line;
  std::snprintf(line, sizeof line, "%-32s %14s %10s %10s %10s\n", "case (1 thread)", "objects/s", "us/object", "GB/s out", "of bw");
  o << line;
  for (const auto& r : report.results) {
    std::snprintf(line, sizeof line, "%-32s %14.0f %10.2f %10.2f %9.0f%%\n", r.name.c_str(), r.cropsPerSecond, r.microsPerCrop,
                  r.gbPerSecond, 100 * r.bandwidthFraction);
    o << line;
  }
  return o.str();
}

}  // namespace e2e::frames
