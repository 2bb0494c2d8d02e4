#pragma once
// A module: one step of the event processing. It declares typed Input/Output handles as members and implements
// produce(Event&) const — const because several events are in flight at once on different threads. A module that
// must see events one at a time and in order (a file reader or writer) says so with Concurrency::Serial.
#include <cstdint>
#include <string>
#include <vector>

#include "e2e/framework/Handles.hpp"

namespace e2e::fw {

class Event;

// What a module's time counts as in the run's breakdown (the seed paper's table).
enum class Category : std::uint8_t { Source, Simulation, Reconstruction, DetectorFrames, ObjectFrames, Tagger, Output, Other };
inline constexpr int kCategories = 8;
const char* categoryName(Category c);

enum class Concurrency : std::uint8_t {
  Parallel,  // produce() may run for several events at once, in any order
  Serial     // produce() runs for one event at a time, in event order
};

// What every module may want to know about the whole job (provenance for outputs, event count).
struct JobInfo {
  std::string commandLine;
  std::string config;  // the effective run configuration, every module with every field (TOML)
  std::uint64_t events = 0;
  std::uint64_t seed = 0;
};

// A named number a module reports at the end of a run (a tagger's AUC, a count), printed and stored in reports.
struct Metric {
  std::string name;
  double value = 0;
};

class Module {
public:
  explicit Module(std::string name, Category category = Category::Other, Concurrency concurrency = Concurrency::Parallel)
      : m_name(std::move(name)), m_category(category), m_concurrency(concurrency) {}
  virtual ~Module() = default;
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  const std::string& name() const { return m_name; }
  Category category() const { return m_category; }
  Concurrency concurrency() const { return m_concurrency; }
  virtual void produce(Event& event) const = 0;
  // Called once after wiring, before the first event (e.g. to open an output file).
  virtual void beginJob(const JobInfo&) {}
  // Called once after the last event of a run that completed (e.g. to flush a batch or close a file).
  virtual void endJob() {}
  // Called instead of endJob() when the run stops early (error or interrupt): outputs must not look complete.
  virtual void abortJob() {}
  const std::vector<HandleBase*>& handles() const { return m_handles; }
  // What the module measured over the run (after endJob); most modules report nothing.
  virtual std::vector<Metric> results() const { return {}; }

  // The registered type ("EGammaTagger") and the module's configuration as TOML text, set by the registry.
  const std::string& typeName() const { return m_typeName; }
  const std::string& configText() const { return m_configText; }
  void setRegistration(std::string typeName, std::string configText) {
    m_typeName = std::move(typeName);
    m_configText = std::move(configText);
  }

private:
  friend class HandleBase;
  std::string m_name;
  Category m_category;
  Concurrency m_concurrency;
  std::string m_typeName, m_configText;
  std::vector<HandleBase*> m_handles;
};

}  // namespace e2e::fw
