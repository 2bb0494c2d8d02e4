#include "e2e/modules/Job.hpp"

#include <cstdlib>
#include <filesystem>

#include "e2e/core/Error.hpp"
#include "e2e/framework/Interrupt.hpp"
#include "e2e/framework/Scheduler.hpp"
#include "e2e/framework/Source.hpp"
#include "e2e/modules/StandardModules.hpp"

namespace e2e::modules {
namespace {

struct Built {
  std::unique_ptr<fw::Schedule> schedule;
  std::string effectiveConfig;
  fw::RunSettings settings;
};

Built build(const fw::RunConfig& config, const JobOptions& options) {
  Built b;
  b.settings.seed = options.seed.value_or(config.run().seed);
  b.settings.overwrite = options.force;
  b.settings.configDir = std::filesystem::path(config.origin()).parent_path().string();
  b.settings.modelDirs = defaultModelDirs(b.settings.configDir);
  const fw::ModuleRegistry registry = standardRegistry();
  auto modules = config.build(registry, b.settings);
  std::vector<const fw::Module*> view;
  for (const auto& m : modules) view.push_back(m.get());
  b.effectiveConfig = config.describe(view);
  if (modules.empty() || !dynamic_cast<const fw::Source*>(modules.front().get()))
    fail("[run] path: the first module must be a source (Generator or EventFileSource), not '", config.run().path.front(), "'");
  for (std::size_t i = 1; i < modules.size(); ++i)
    if (dynamic_cast<const fw::Source*>(modules[i].get())) fail("[run] path: '", modules[i]->name(), "' is a source; only the first module may be one");
  b.schedule = std::make_unique<fw::Schedule>(std::move(modules));
  return b;
}

}  // namespace

std::vector<std::string> defaultModelDirs(const std::string& configDir) {
  std::vector<std::string> dirs;
  if (!configDir.empty()) {
    dirs.push_back(configDir);
    dirs.push_back((std::filesystem::path(configDir) / "..").lexically_normal().string());
  }
  if (const char* env = std::getenv("E2E_MODELS"); env && *env) dirs.emplace_back(env);
  dirs.emplace_back(E2E_SOURCE_TREE);
  dirs.push_back(std::string(E2E_SOURCE_TREE) + "/models");
  return dirs;
}

std::string describeJob(const fw::RunConfig& config, const JobOptions& options) {
  Built b = build(config, options);
  return b.effectiveConfig + "\n# wiring\n" + b.schedule->describe();
}

fw::RunReport runJob(const fw::RunConfig& config, const JobOptions& options) {
  Built b = build(config, options);
  const auto& source = dynamic_cast<const fw::Source&>(b.schedule->module(0));
  const auto available = source.eventsAvailable();
  std::uint64_t events = options.events.value_or(config.run().events);
  if (events == 0) {
    if (!source.finite()) fail("how many events? the source generates without end: set [run] events or pass --events N");
    events = available ? *available : fw::kUntilEnd;
  }
  if (available && events > *available)
    fail("--events ", events, ": the source '", source.name(), "' has only ", *available, " events");

  fw::SchedulerOptions so;
  so.events = events;
  so.seed = b.settings.seed;
  so.threads = options.threads.value_or(config.run().threads);
  so.inFlight = config.run().inFlight;
  so.progress = options.progress;
  so.job.commandLine = options.commandLine;
  so.job.config = b.effectiveConfig;
  so.job.events = events;
  so.job.seed = so.seed;
  so.title = config.origin();
  fw::InterruptGuard guard;
  fw::InterruptGuard::clear();
  so.stop = &fw::InterruptGuard::flag();
  fw::Scheduler scheduler(*b.schedule);
  return scheduler.run(so);
}

}  // namespace e2e::modules
