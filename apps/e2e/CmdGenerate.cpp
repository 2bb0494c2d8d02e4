// e2e generate: built-in generator (or HepMC3 / text input) -> e2e event file with "gen" (GenParticles) and "info"
// (EventInfo). Events are made in parallel blocks (TBB pipeline) and written in event order; every event is a
// function of (configuration, seed, event index) alone, so the output does not depend on the thread count.
#include <tbb/concurrent_queue.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "Commands.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/core/Log.hpp"
#include "e2e/core/Progress.hpp"
#include "e2e/core/Timer.hpp"
#include "e2e/dataformats/Labels.hpp"
#include "e2e/generators/EventGenerator.hpp"
#include "e2e/generators/EventRecord.hpp"
#include "e2e/generators/physics/Pileup.hpp"
#include "e2e/generators/readers/EventSource.hpp"
#include "e2e/io/EventFile.hpp"
#include "e2e/simulation/SimulateBlock.hpp"

namespace e2e::cli {
namespace {

constexpr std::uint64_t kBlockEvents = 32;

struct GenerateOptions {
  std::string process, out, from, format;
  std::uint64_t events = 0, firstEvent = 0;
  double pileup = 0, pt = -1, ptMin = -1, ptMax = -1, etaMax = -1, massMin = -1, massMax = -1, ptHatMin = -1,
         ptHatMax = -1, beamspotZ = -1;
  bool force = false, simulate = false;
};

// One block of consecutive events, recycled through a free list so that steady-state runs do not allocate.
// With --simulate it also carries the detector-level products of its events.
struct Block {
  std::uint64_t first = 0, count = 0;
  std::vector<GenParticles> gen;
  std::vector<EventInfo> info;
  std::vector<std::uint64_t> index;  // random-stream key of each event (as e2e simulate uses it)
  std::vector<sim::SimEvent> sim;
};

struct RunStats {
  std::uint64_t events = 0, finalParticles = 0, pileup = 0;
  double seconds = 0;
};

void countEvent(RunStats& s, const GenParticles& g, const EventInfo& info) {
  ++s.events;
  for (std::size_t i = 0; i < g.size(); ++i) s.finalParticles += g.status[i] == kGenFinal ? 1 : 0;
  if (!info.nPileup.empty()) s.pileup += static_cast<std::uint64_t>(info.nPileup[0]);
}

gen::GeneratorConfig makeConfig(const GenerateOptions& o) {
  if (o.process.empty()) throw UsageError("generate: --process is required (or --from FILE to convert events)");
  gen::GeneratorConfig c = gen::GeneratorConfig::forProcess(o.process);
  if (o.pt >= 0 && (o.ptMin >= 0 || o.ptMax >= 0)) throw UsageError("--pt fixes the pT: give it or --pt-min/--pt-max, not both");
  if (o.pt >= 0) c.ptMin = c.ptMax = o.pt;
  if (o.ptMin >= 0) c.ptMin = o.ptMin;
  if (o.ptMax >= 0) c.ptMax = o.ptMax;
  if (o.ptMin >= 0 && o.ptMax < 0 && c.ptMax < c.ptMin) c.ptMax = c.ptMin;
  if (o.etaMax >= 0) c.etaMax = o.etaMax;
  if (o.massMin >= 0) c.massMin = o.massMin;
  if (o.massMax >= 0) c.massMax = o.massMax;
  if (o.ptHatMin >= 0) c.ptHatMin = o.ptHatMin;
  if (o.ptHatMax >= 0) c.ptHatMax = o.ptHatMax;
  if (o.beamspotZ >= 0) c.beamspotSigmaZ = o.beamspotZ;
  c.pileupMu = o.pileup;
  c.validate();
  return c;
}

RunStats generateEvents(const GenerateOptions& o, const GlobalOptions& global) {
  if (o.events == 0) throw UsageError("generate: --events must be at least 1");
  const gen::GeneratorConfig config = makeConfig(o);
  const auto generator = gen::makeGenerator(config);
  io::Provenance provenance;
  provenance.command = commandWithoutThreads(global.commandLine);
  provenance.config = config.describe() + cat("seed = ", global.seed, "\nevents = ", o.events, "\nfirst_event = ", o.firstEvent, "\n");
  // --simulate: the same simulation, settings and random streams as `e2e simulate` on this file.
  std::unique_ptr<sim::DetectorSimulation> simulation;
  if (o.simulate) {
    simulation = std::make_unique<sim::DetectorSimulation>();
    provenance.config += simulation->config().describe();
  }
  io::EventWriter writer(o.out, provenance, o.force);

  const std::size_t threads = global.threads > 0 ? static_cast<std::size_t>(global.threads)
                                                 : std::max(1u, std::thread::hardware_concurrency());
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const std::size_t tokens = 2 * threads;
  std::vector<std::unique_ptr<Block>> blocks;
  tbb::concurrent_queue<Block*> freeBlocks;
  for (std::size_t i = 0; i < tokens; ++i) {
    blocks.push_back(std::make_unique<Block>());
    blocks.back()->gen.resize(kBlockEvents);
    blocks.back()->info.resize(kBlockEvents);
    if (simulation) {
      blocks.back()->index.resize(kBlockEvents);
      blocks.back()->sim.resize(kBlockEvents);
    }
    freeBlocks.push(blocks.back().get());
  }

  Progress progress("generate " + config.process, o.events);
  RunStats stats;
  const Timer timer;
  std::uint64_t next = 0;
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, Block*>(tbb::filter_mode::serial_in_order,
                                     [&](tbb::flow_control& fc) -> Block* {
                                       if (next >= o.events) {
                                         fc.stop();
                                         return nullptr;
                                       }
                                       Block* b = nullptr;
                                       if (!freeBlocks.try_pop(b)) throw std::logic_error("generate: block pool exhausted");
                                       b->first = next;
                                       b->count = std::min(kBlockEvents, o.events - next);
                                       next += b->count;
                                       return b;
                                     }) &
          tbb::make_filter<Block*, Block*>(tbb::filter_mode::parallel,
                                           [&](Block* b) {
                                             for (std::uint64_t i = 0; i < b->count; ++i)
                                               generator->generate(o.firstEvent + b->first + i, global.seed, b->gen[i], b->info[i]);
                                             if (simulation) {
                                               const auto n = static_cast<std::size_t>(b->count);
                                               for (std::size_t i = 0; i < n; ++i)
                                                 b->index[i] = b->info[i].event.empty() ? o.firstEvent + b->first + i : b->info[i].event[0];
                                               sim::simulateBlock(*simulation, global.seed, std::span(b->index).first(n),
                                                                  std::span<const GenParticles>(b->gen).first(n), std::span(b->sim).first(n));
                                             }
                                             return b;
                                           }) &
          tbb::make_filter<Block*, void>(tbb::filter_mode::serial_in_order, [&](Block* b) {
            for (std::uint64_t i = 0; i < b->count; ++i) {
              writer.put(labels::kGen, b->gen[i]);
              writer.put(labels::kEventInfo, b->info[i]);
              if (simulation) putSimEvent(writer, b->sim[i]);
              writer.endEvent();
              countEvent(stats, b->gen[i], b->info[i]);
            }
            progress.add(b->count);
            freeBlocks.push(b);
          }));
  writer.close();
  progress.finish();
  stats.seconds = timer.seconds();
  return stats;
}

RunStats convertEvents(const GenerateOptions& o, const GlobalOptions& global) {
  const gen::InputFormat format = o.format.empty() ? gen::guessInputFormat(o.from) : gen::parseInputFormat(o.format);
  auto source = gen::openEventSource(o.from, format);
  if (o.pileup < 0 || o.pileup > 1000) throw UsageError(cat("--pileup: need 0 <= mu <= 1000, got ", o.pileup));
  const gen::PileupOverlay pileup(o.pileup, o.beamspotZ >= 0 ? o.beamspotZ : gen::GeneratorConfig{}.beamspotSigmaZ);
  io::Provenance provenance;
  provenance.command = commandWithoutThreads(global.commandLine);
  provenance.config = cat("input = ", o.from, "\nformat = ", format == gen::InputFormat::kHepMC3 ? "hepmc3" : "text",
                          "\npileup_mu = ", o.pileup, "\nseed = ", global.seed, "\n");
  io::EventWriter writer(o.out, provenance, o.force);
  GenParticles particles;
  EventInfo info;
  RunStats stats;
  const Timer timer;
  while ((o.events == 0 || stats.events < o.events) && source->next(particles, info)) {
    if (o.pileup > 0) {
      gen::EventRecord record(particles);
      info.nPileup[0] = pileup.overlay(record, global.seed, info.event[0]);
    }
    writer.put(labels::kGen, particles);
    writer.put(labels::kEventInfo, info);
    writer.endEvent();
    countEvent(stats, particles, info);
  }
  if (stats.events == 0) fail(o.from, ": no events");
  writer.close();
  stats.seconds = timer.seconds();
  return stats;
}

}  // namespace

// The command line as provenance, without --threads: the thread count does not change a single byte of the events,
// and leaving it out makes the whole file byte-identical for any thread count.
std::string commandWithoutThreads(const std::string& command) {
  std::string out;
  std::size_t i = 0;
  bool skipValue = false;
  while (i < command.size()) {
    const std::size_t end = std::min(command.find(' ', i), command.size());
    const std::string token = command.substr(i, end - i);
    i = end + 1;
    if (skipValue) {
      skipValue = false;
      continue;
    }
    if (token == "--threads") {
      skipValue = true;
      continue;
    }
    if (token.rfind("--threads=", 0) == 0) continue;
    out += (out.empty() ? "" : " ") + token;
  }
  return out;
}

std::string describeGeneratedEvents(io::EventReader& reader) {
  if (!reader.has(labels::kEventInfo)) return "";
  std::map<std::int32_t, std::uint64_t> perProcess;
  std::uint64_t pileup = 0;
  EventInfo info;
  for (std::uint64_t i = 0; i < reader.events(); ++i) {
    reader.get(labels::kEventInfo, i, info);
    if (info.empty()) continue;
    ++perProcess[info.process[0]];
    pileup += static_cast<std::uint64_t>(info.nPileup[0]);
  }
  std::string s = "  processes";
  for (const auto& [id, n] : perProcess) s += cat(" ", gen::processName(id), " (", id, "): ", n, " events;");
  if (reader.events() > 0) s += cat(" pileup interactions per event: ", static_cast<double>(pileup) / reader.events());
  return s + "\n";
}

void registerGenerate(CLI::App& app, GlobalOptions& global) {
  static GenerateOptions o;
  auto* sub = app.add_subcommand("generate", "Generate events (built-in processes) or convert HepMC3 / text events to an e2e event file");
  sub->footer("Processes:\n" + gen::processHelp() +
              "\nEvery event depends only on (settings, --seed, event index): the same command gives the same file for any "
              "--threads.\nText input: 'px py pz E [pdgId]' per line, '#END' after each event, '#' comments; without a PDG "
              "id the species comes from the mass (photon, e-, mu-, pi+, K+, p).");
  sub->add_option("--process", o.process, "Process to generate (see the list below)");
  sub->add_option("--events", o.events, "Number of events (with --from: at most this many; default all)");
  sub->add_option("--first-event", o.firstEvent, "Index of the first event (split a sample over jobs with the same seed)");
  sub->add_option("--pileup", o.pileup, "Mean number of pileup interactions per event (Poisson)")->check(CLI::Range(0.0, 1000.0));
  sub->add_option("--out", o.out, "Output event file (.h5)")->required();
  sub->add_flag("--force", o.force, "Overwrite the output file");
  sub->add_option("--from", o.from, "Convert events from this file instead of generating");
  sub->add_option("--format", o.format, "Input format of --from: hepmc3 or text (default: from the extension)");
  sub->add_option("--pt", o.pt, "Guns: fixed pT [GeV]");
  sub->add_option("--pt-min", o.ptMin, "Guns, tau gun, agg: lowest pT [GeV]");
  sub->add_option("--pt-max", o.ptMax, "Guns, tau gun, agg: highest pT [GeV]");
  sub->add_option("--eta-max", o.etaMax, "Guns: |eta| range; collisions: |rapidity| of the hard objects");
  sub->add_option("--mass-min", o.massMin, "agg: lowest A mass [GeV]");
  sub->add_option("--mass-max", o.massMax, "agg: highest A mass [GeV]");
  sub->add_option("--pthat-min", o.ptHatMin, "Dijets: lowest pT-hat; ttbar: top pT; htautau: Higgs pT [GeV]");
  sub->add_option("--pthat-max", o.ptHatMax, "Dijets: highest pT-hat; ttbar: top pT; htautau: Higgs pT [GeV]");
  sub->add_option("--beamspot-z", o.beamspotZ, "Luminous-region sigma_z [cm] (default 4; 0: all vertices at the origin)");
  sub->add_flag("--simulate", o.simulate, "Also run the detector simulation (as e2e simulate with its defaults, same --seed)");
  sub->callback([&global] {
    const bool convert = !o.from.empty();
    if (convert && o.simulate) throw UsageError("generate: --simulate applies to generated events; run e2e simulate on the converted file");
    if (convert && !o.process.empty()) throw UsageError("generate: give --process or --from, not both");
    if (!convert && !o.format.empty()) throw UsageError("generate: --format applies to --from");
    const RunStats s = convert ? convertEvents(o, global) : generateEvents(o, global);
    if (global.quiet) return;
    std::printf("%s: %llu events (%s) in %.2f s, %.0f events/s; %.1f final-state particles per event", o.out.c_str(),
                static_cast<unsigned long long>(s.events), convert ? o.from.c_str() : o.process.c_str(), s.seconds,
                s.seconds > 0 ? s.events / s.seconds : 0.0, static_cast<double>(s.finalParticles) / s.events);
    if (s.pileup) std::printf(", %.1f pileup interactions", static_cast<double>(s.pileup) / s.events);
    std::printf("\n");
  });
}

}  // namespace e2e::cli
