#pragma once
// The e2e command line: one file per subcommand, each exposing one register function listed in main.cpp.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace e2e::io {
class EventReader;
class EventWriter;
}
namespace e2e::sim {
struct SimEvent;
}

namespace e2e::cli {

// Options shared by every subcommand (set on the top-level app, usable before or after the subcommand).
struct GlobalOptions {
  int threads = 0;  // 0: all cores
  std::uint64_t seed = 12345;
  bool quiet = false;
  // The full command line, stored as provenance in every output file.
  std::string commandLine;
};

// A subcommand's work; runs after parsing. Throw e2e::Error for runtime failures (exit 1).
using Action = std::function<void()>;

// Each register function adds its subcommand to `app` and sets its callback.
void registerInfo(CLI::App& app, GlobalOptions& global);
void registerDemo(CLI::App& app, GlobalOptions& global);
void registerGenerate(CLI::App& app, GlobalOptions& global);
// For `e2e info`: the generator processes and pileup of an event file ("" when it has no EventInfo).
std::string describeGeneratedEvents(io::EventReader& reader);
void registerSimulate(CLI::App& app, GlobalOptions& global);
// The command line without --threads, stored as provenance: the thread count changes no byte of the events, so
// files made with any --threads are identical.
std::string commandWithoutThreads(const std::string& command);
// Writes a simulated event's hits, tracks and vertices (generate --simulate and simulate store the same collections).
void putSimEvent(io::EventWriter& writer, const sim::SimEvent& e);
void registerRun(CLI::App& app, GlobalOptions& global);
void registerFrames(CLI::App& app, GlobalOptions& global);
void registerShow(CLI::App& app, GlobalOptions& global);
void registerInfer(CLI::App& app, GlobalOptions& global);
// `e2e bench TARGET`: each register function adds its target under the one `bench` command, which benchCommand
// finds or creates (so their order in main.cpp does not matter).
CLI::App& benchCommand(CLI::App& app);
void registerBench(CLI::App& app, GlobalOptions& global);
void addBenchEngine(CLI::App& bench, GlobalOptions& global);
void addBenchFrames(CLI::App& bench, GlobalOptions& global);
void registerBenchFrames(CLI::App& app, GlobalOptions& global);
void addBenchPipeline(CLI::App& bench, GlobalOptions& global);
void registerBenchPipeline(CLI::App& app, GlobalOptions& global);

}  // namespace e2e::cli
