// e2e simulate: generator-level event file -> detector-level event file (ECAL/HCAL/tracker hits, tracks, vertices,
// with the generator truth copied alongside). Events are read in order by one thread, simulated in parallel blocks
// (TBB) and written in event order; each event's randomness depends only on (--seed, event index), so the output
// is the same for any --threads.
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "Commands.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/core/Progress.hpp"
#include "e2e/core/Timer.hpp"
#include "e2e/dataformats/Labels.hpp"
#include "e2e/dataformats/Objects.hpp"
#include "e2e/io/EventFile.hpp"
#include "e2e/simulation/SimulateBlock.hpp"

namespace e2e::cli {

void putSimEvent(io::EventWriter& writer, const sim::SimEvent& e) {
  writer.put(labels::kEcalHits, e.ecal);
  writer.put(labels::kHcalHits, e.hcal);
  writer.put(labels::kTrackerHits, e.trackerHits);
  writer.put(labels::kTracks, e.tracks);
  writer.put(labels::kVertices, e.vertices);
}

namespace {

constexpr std::uint64_t kBlockEvents = 32;

struct SimulateOptions {
  std::string in, out, shower = "integrated";
  std::uint64_t maxEvents = 0;
  double pileupNoise = 0.0, zeroSuppression = 3.0, materialScale = 1.0;
  bool noNoise = false, noMaterial = false, force = false;
};

struct Block {
  std::uint64_t first = 0, count = 0;
  std::vector<GenParticles> gen;
  std::vector<EventInfo> info;
  std::vector<std::uint64_t> index;  // random-stream key of each event
  std::vector<sim::SimEvent> out;
};

struct Totals {
  double ecal = 0, hcal = 0, trackerHits = 0, tracks = 0, vertices = 0;
};

sim::SimulationConfig makeConfig(const SimulateOptions& o) {
  sim::SimulationConfig c;
  c.showerMode = sim::parseShowerMode(o.shower);
  c.noise = !o.noNoise;
  c.material = !o.noMaterial;
  c.materialScale = o.materialScale;
  c.pileupNoise = o.pileupNoise;
  c.zeroSuppressionSigmas = o.zeroSuppression;
  c.validate();
  return c;
}

void runSimulate(const SimulateOptions& o, const GlobalOptions& global) {
  const sim::SimulationConfig config = makeConfig(o);
  io::EventReader reader(o.in);
  if (!reader.has(labels::kGen)) fail(o.in, ": no generator particles ('", labels::kGen, "'): make it with e2e generate");
  if (reader.has(labels::kEcalHits)) fail(o.in, ": already simulated (it has '", labels::kEcalHits, "' hits)");
  const bool hasInfo = reader.has(labels::kEventInfo);
  const sim::DetectorSimulation simulation(config);

  io::Provenance provenance;
  provenance.command = commandWithoutThreads(global.commandLine);
  provenance.config = config.describe() + cat("seed = ", global.seed, "\ninput = ", o.in, "\n") + reader.provenance().config;
  io::EventWriter writer(o.out, provenance, o.force);

  const std::uint64_t events = o.maxEvents ? std::min(o.maxEvents, reader.events()) : reader.events();
  const std::size_t threads = global.threads > 0 ? static_cast<std::size_t>(global.threads)
                                                 : std::max(1u, std::thread::hardware_concurrency());
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  // A ring of blocks: with at most `tokens` in flight, block i is free again when block i + tokens is read.
  const std::size_t tokens = 2 * threads;
  std::vector<std::unique_ptr<Block>> ring(tokens);
  for (auto& b : ring) {
    b = std::make_unique<Block>();
    b->gen.resize(kBlockEvents);
    b->info.resize(kBlockEvents);
    b->index.resize(kBlockEvents);
    b->out.resize(kBlockEvents);
  }

  Progress progress("simulate", events);
  Totals totals;
  const Timer timer;
  std::uint64_t next = 0, blockIndex = 0;
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, Block*>(tbb::filter_mode::serial_in_order,
                                     [&](tbb::flow_control& fc) -> Block* {
                                       if (next >= events) {
                                         fc.stop();
                                         return nullptr;
                                       }
                                       Block* b = ring[blockIndex++ % tokens].get();
                                       b->first = next;
                                       b->count = std::min(kBlockEvents, events - next);
                                       next += b->count;
                                       for (std::uint64_t i = 0; i < b->count; ++i) {
                                         reader.get(labels::kGen, b->first + i, b->gen[i]);
                                         if (hasInfo) reader.get(labels::kEventInfo, b->first + i, b->info[i]);
                                         // The generator's event index keys the random streams; files without
                                         // EventInfo use the row.
                                         b->index[i] = hasInfo && !b->info[i].event.empty() ? b->info[i].event[0] : b->first + i;
                                       }
                                       return b;
                                     }) &
          tbb::make_filter<Block*, Block*>(tbb::filter_mode::parallel,
                                           [&](Block* b) {
                                             const auto n = static_cast<std::size_t>(b->count);
                                             sim::simulateBlock(simulation, global.seed, std::span(b->index).first(n),
                                                                std::span<const GenParticles>(b->gen).first(n), std::span(b->out).first(n));
                                             return b;
                                           }) &
          tbb::make_filter<Block*, void>(tbb::filter_mode::serial_in_order, [&](Block* b) {
            for (std::uint64_t i = 0; i < b->count; ++i) {
              const sim::SimEvent& e = b->out[i];
              writer.put(labels::kGen, b->gen[i]);
              if (hasInfo) writer.put(labels::kEventInfo, b->info[i]);
              putSimEvent(writer, e);
              writer.endEvent();
              totals.ecal += static_cast<double>(e.ecal.size());
              totals.hcal += static_cast<double>(e.hcal.size());
              totals.trackerHits += static_cast<double>(e.trackerHits.size());
              totals.tracks += static_cast<double>(e.tracks.size());
              totals.vertices += static_cast<double>(e.vertices.size());
            }
            progress.add(b->count);
          }));
  writer.close();
  progress.finish();
  if (global.quiet || events == 0) return;
  const double seconds = timer.seconds(), n = static_cast<double>(events);
  std::printf("%s: %llu events simulated in %.2f s, %.0f events/s; per event %.0f ECAL hits, %.0f HCAL hits, %.0f tracker hits, "
              "%.1f tracks, %.1f vertices\n",
              o.out.c_str(), static_cast<unsigned long long>(events), seconds, seconds > 0 ? n / seconds : 0.0, totals.ecal / n,
              totals.hcal / n, totals.trackerHits / n, totals.tracks / n, totals.vertices / n);
}

}  // namespace

void registerSimulate(CLI::App& app, GlobalOptions& global) {
  static SimulateOptions o;
  auto* sub = app.add_subcommand("simulate", "Fast detector simulation: generator-level event file -> hits, tracks and vertices");
  sub->footer("Writes ecal (EcalHits), hcal (HcalHits), trackerHits, tracks and vertices per event, and copies gen and info.\n"
              "Every event depends only on (settings, --seed, event index): the same command gives the same file for any --threads.");
  sub->add_option("--in", o.in, "Generator-level event file (from e2e generate)")->required();
  sub->add_option("--out", o.out, "Output event file (.h5)")->required();
  sub->add_flag("--force", o.force, "Overwrite the output file");
  sub->add_option("--max-events", o.maxEvents, "Simulate at most N events (0: all)");
  sub->add_option("--shower", o.shower, "EM showers: integrated (profiles integrated over crystals, default) or spots (slow reference)")
      ->check(CLI::IsMember({"integrated", "spots"}));
  sub->add_option("--pileup-noise", o.pileupNoise, "Extra noise per ECAL crystal from out-of-time pileup [GeV] (HCAL channels: x5)")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--zero-suppression", o.zeroSuppression, "Read cells out above this many noise sigmas (0: every cell with signal)")
      ->check(CLI::Range(0.0, 8.0));
  sub->add_flag("--no-noise", o.noNoise, "No electronic noise in the calorimeters");
  sub->add_flag("--no-material", o.noMaterial, "No tracker material: no conversions, bremsstrahlung or multiple scattering");
  sub->add_option("--material-scale", o.materialScale, "Multiply the material budget (systematic studies)")->check(CLI::NonNegativeNumber);
  sub->callback([&global] { runSimulate(o, global); });
}

}  // namespace e2e::cli
