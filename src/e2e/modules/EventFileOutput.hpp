#pragma once
// Writes events to an e2e event file: every collection produced before it (or the listed ones), with the run's
// effective configuration as provenance. The file appears under its name only when the run completes; an error
// or Ctrl-C leaves no file that looks complete.
#include <memory>
#include <string>
#include <vector>

#include "e2e/framework/Config.hpp"
#include "e2e/framework/Registry.hpp"
#include "e2e/io/EventFile.hpp"

namespace e2e::modules {

class EventFileOutput : public fw::Module {
public:
  struct Config {
    std::string path = "events.h5";
    std::vector<std::string> products;
    bool overwrite = false;

    template <class F, class... S>
    static void fields(F&& f, S&&... s) {
      f("path", "event file to write", s.path...);
      f("products", "collection labels to write; empty: every collection produced before this module", s.products...);
      f("overwrite", "replace an existing file (else it is an error; --force sets this for every output)", s.overwrite...);
    }
    void check(const fw::ConfigCheck& c) const { c.require(!path.empty(), "path", "must name the output file"); }
  };

  EventFileOutput(const fw::BuildContext& ctx, const Config& cfg);
  ~EventFileOutput() override;
  void beginJob(const fw::JobInfo& job) override;
  void produce(fw::Event& event) const override;
  void endJob() override;
  void abortJob() override;

  struct Binding {
    virtual ~Binding() = default;
    virtual void write(io::EventWriter& writer, const fw::Event& event) const = 0;
  };

private:
  std::string m_path;
  bool m_overwrite;
  std::vector<std::unique_ptr<Binding>> m_bindings;
  std::unique_ptr<io::EventWriter> m_writer;
};

}  // namespace e2e::modules
