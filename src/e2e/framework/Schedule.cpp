#include "e2e/framework/Schedule.hpp"

#include <cxxabi.h>

#include <cstdlib>
#include <map>
#include <sstream>

#include "e2e/core/Error.hpp"

namespace e2e::fw {

HandleBase::HandleBase(Module* owner, std::string name, std::string label, std::type_index type, const char* typeName,
                       bool output)
    : m_module(owner), m_name(std::move(name)), m_label(std::move(label)), m_type(type), m_typeName(typeName), m_output(output) {
  owner->m_handles.push_back(this);
}

const char* categoryName(Category c) {
  switch (c) {
    case Category::Source: return "source";
    case Category::Simulation: return "simulation";
    case Category::Reconstruction: return "reconstruction";
    case Category::DetectorFrames: return "detector frames";
    case Category::ObjectFrames: return "object frames";
    case Category::Tagger: return "tagger";
    case Category::Output: return "output";
    case Category::Other: return "other";
  }
  return "other";
}

std::string demangle(const char* mangled) {
  int status = 0;
  char* out = abi::__cxa_demangle(mangled, nullptr, nullptr, &status);
  std::string s = status == 0 && out ? out : mangled;
  std::free(out);
  return s;
}

std::string HandleBase::describe() const { return m_module->name() + "." + m_name + " -> " + m_label; }

void Event::reset(std::uint64_t index, std::uint64_t seed) {
  m_index = index;
  m_seed = seed;
  std::fill(m_present.begin(), m_present.end(), std::uint8_t{0});
}

Schedule::Schedule(std::vector<std::unique_ptr<Module>> modules) : m_modules(std::move(modules)) {
  struct Produced {
    const HandleBase* by;
    int slot;
  };
  std::map<std::string, Produced> byLabel;
  std::map<std::string, int> moduleNames;
  for (auto& m : m_modules) {
    if (moduleNames[m->name()]++) fail("two modules are named '", m->name(), "'");
    // Inputs first: a module cannot consume its own output.
    for (HandleBase* h : m->handles()) {
      if (h->isOutput()) continue;
      const auto it = byLabel.find(h->label());
      if (it == byLabel.end())
        fail(h->describe(), " (", h->typeName(), "): no earlier module produces '", h->label(), "'");
      if (it->second.by->type() != h->type())
        fail(h->describe(), ": expects ", h->typeName(), " but '", h->label(), "' is ", it->second.by->typeName(),
             " (produced by ", it->second.by->describe(), ")");
      h->m_slot = it->second.slot;
    }
    for (HandleBase* h : m->handles()) {
      if (!h->isOutput()) continue;
      const auto [it, inserted] = byLabel.try_emplace(h->label(), Produced{h, static_cast<int>(m_slots)});
      if (!inserted) fail(h->describe(), " (", h->typeName(), "): '", h->label(), "' is already produced by ", it->second.by->describe());
      h->m_slot = static_cast<int>(m_slots++);
    }
  }
}

Event Schedule::makeEvent() const {
  Event e;
  e.m_products.resize(m_slots);
  e.m_present.assign(m_slots, std::uint8_t{0});
  return e;
}

void Schedule::process(Event& event) const {
  for (const auto& m : m_modules) m->produce(event);
}

std::string Schedule::describe() const {
  std::ostringstream os;
  for (const auto& m : m_modules)
    for (const HandleBase* h : m->handles())
      os << (h->isOutput() ? "out " : "in  ") << h->describe() << " (" << h->typeName() << ")\n";
  return os.str();
}

}  // namespace e2e::fw
