#pragma once
// A checked sequence of modules. Construction wires every handle to a product slot and rejects, before any event
// runs: an input nobody produces earlier in the sequence, a label produced twice, and a label consumed with a
// different type than it is produced with. Every message names `module.handle -> label`.
#include <memory>
#include <string>
#include <vector>

#include "e2e/framework/Event.hpp"
#include "e2e/framework/Module.hpp"

namespace e2e::fw {

class Schedule {
public:
  explicit Schedule(std::vector<std::unique_ptr<Module>> modules);

  std::size_t size() const { return m_modules.size(); }
  Module& module(std::size_t i) { return *m_modules[i]; }
  const Module& module(std::size_t i) const { return *m_modules[i]; }
  std::size_t slots() const { return m_slots; }
  // An event store sized for this schedule (one per stream).
  Event makeEvent() const;
  // Runs every module on one event, in order.
  void process(Event& event) const;
  // Human-readable wiring, one line per handle (for --dump and provenance).
  std::string describe() const;

private:
  std::vector<std::unique_ptr<Module>> m_modules;
  std::size_t m_slots = 0;
};

}  // namespace e2e::fw
