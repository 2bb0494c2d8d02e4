#pragma once
// Events other generators wrote: HepMC3 ASCII files (what Pythia or MadGraph users have) or plain 4-vector text,
// read in file order until the file ends (or --events). A malformed record stops the run naming the file and line
// (the reader's message) and the event (the scheduler's).
#include <memory>
#include <string>

#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/dataformats/Objects.hpp"
#include "e2e/framework/Registry.hpp"
#include "e2e/framework/Source.hpp"
#include "e2e/generators/readers/EventSource.hpp"

namespace e2e::modules {

class ExternalEventSource : public fw::Source {
public:
  struct Config {
    std::string path;
    std::string format = "auto";
    std::string output = "gen";
    std::string info = "info";

    template <class F, class... S>
    static void fields(F&& f, S&&... s) {
      f("path", "input file (relative paths: working directory, then the config's directory)", s.path...);
      f("format", "hepmc3, text, or auto (from the file name: .hepmc/.hepmc3 or .txt/.dat/.csv)", s.format...);
      f("output", "label of the GenParticles product", s.output...);
      f("info", "label of the EventInfo product", s.info...);
    }
    void check(const fw::ConfigCheck& c) const {
      c.require(!path.empty(), "path", "must name the input file");
      c.oneOf(format, {"auto", "hepmc3", "text"}, "format");
    }
  };

  ExternalEventSource(const fw::BuildContext& ctx, const Config& cfg);
  ~ExternalEventSource() override;
  bool finite() const override { return true; }
  bool read(fw::Event& event) const override;
  void produce(fw::Event& event) const override;

private:
  std::unique_ptr<gen::EventSource> m_reader;
  fw::Output<GenParticles> m_gen;
  fw::Output<EventInfo> m_info;
};

}  // namespace e2e::modules
