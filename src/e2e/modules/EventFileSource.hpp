#pragma once
// Reads events from an e2e event file (.h5): every collection, or the listed ones, under their own labels.
// Serial: a file is read in order. A corrupt event stops the run naming the event (the scheduler adds it).
#include <memory>
#include <string>
#include <vector>

#include "e2e/framework/Config.hpp"
#include "e2e/framework/Registry.hpp"
#include "e2e/framework/Source.hpp"
#include "e2e/io/EventFile.hpp"

namespace e2e::modules {

class EventFileSource : public fw::Source {
public:
  struct Config {
    std::string path;
    std::vector<std::string> products;
    std::uint64_t firstEvent = 0;

    template <class F, class... S>
    static void fields(F&& f, S&&... s) {
      f("path", "e2e event file to read (relative paths: working directory, then the config's directory)", s.path...);
      f("products", "collection labels to read; empty: all of them", s.products...);
      f("first_event", "file event read as run event 0 (skips the ones before)", s.firstEvent...);
    }
    void check(const fw::ConfigCheck& c) const { c.require(!path.empty(), "path", "must name an event file"); }
  };

  EventFileSource(const fw::BuildContext& ctx, const Config& cfg);
  ~EventFileSource() override;
  std::optional<std::uint64_t> eventsAvailable() const override;
  void produce(fw::Event& event) const override;

  struct Binding {
    virtual ~Binding() = default;
    virtual void read(io::EventReader& reader, std::uint64_t fileEvent, fw::Event& event) const = 0;
  };

private:
  std::unique_ptr<io::EventReader> m_reader;
  std::vector<std::unique_ptr<Binding>> m_bindings;
  std::uint64_t m_first;
};

}  // namespace e2e::modules
