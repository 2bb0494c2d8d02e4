#include "e2e/framework/Registry.hpp"

#include <stdexcept>

#include "e2e/core/Error.hpp"

namespace e2e::fw {

void ModuleRegistry::add(ModuleFactory factory) {
  for (const auto& f : m_factories)
    if (f.type == factory.type) throw std::logic_error("module type registered twice: " + factory.type);
  m_factories.push_back(std::move(factory));
}

const ModuleFactory& ModuleRegistry::find(const std::string& type, const std::string& section) const {
  for (const auto& f : m_factories)
    if (f.type == type) return f;
  std::string known;
  for (const auto& f : m_factories) known += (known.empty() ? "" : ", ") + f.type;
  fail("[", section, "] type: unknown module type '", type, "' (known: ", known, ")");
}

std::string ModuleRegistry::document() const {
  std::string out;
  for (const auto& f : m_factories) {
    out += "# " + f.doc + "\n[modules.NAME]\ntype = \"" + f.type + "\"\n" + f.defaults() + "\n";
  }
  return out;
}

}  // namespace e2e::fw
