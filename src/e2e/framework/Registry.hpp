#pragma once
// The module registration table: type name -> factory. One explicit table (modules/StandardModules.cpp fills it),
// not static self-registration, which a static link silently drops.
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "e2e/framework/Config.hpp"
#include "e2e/framework/Module.hpp"

namespace e2e::fw {

// Run-wide settings a module may need while it is built.
struct RunSettings {
  std::uint64_t seed = 12345;
  bool overwrite = false;            // --force: outputs may replace existing files
  std::vector<std::string> modelDirs;  // where relative model paths are looked up, in order, after the path itself
  std::string configDir;             // directory of the run configuration (relative input paths are tried there too)
};

// What a factory gets: the module's name, its table, the run settings, and the products of the modules before it
// in the path (label -> type name), so that generic modules (file outputs) can bind to whatever came before.
struct BuildContext {
  std::string name;
  const ConfigTable& table;
  const RunSettings& run;
  const std::map<std::string, std::string>& products;

  std::string section() const { return "modules." + name; }
};

struct ModuleFactory {
  std::string type;  // the `type = "..."` value that selects it
  std::string doc;   // one line: what it does
  std::function<std::unique_ptr<Module>(const BuildContext&)> make;
  std::function<std::string()> defaults;  // documented default configuration
};

// A factory for a module class M with a nested Config and a constructor M(const BuildContext&, const M::Config&).
// `defaults` lets one class serve several types (the taggers differ only in their default configuration).
template <class M>
ModuleFactory moduleFactory(std::string type, std::string doc, typename M::Config defaults = {}) {
  ModuleFactory f;
  f.type = type;
  f.doc = std::move(doc);
  f.make = [type, defaults](const BuildContext& ctx) -> std::unique_ptr<Module> {
    const auto cfg = readConfig(ctx.table, ctx.section(), defaults);
    auto m = std::make_unique<M>(ctx, cfg);
    if (m->name() != ctx.name) throw std::logic_error("module " + type + " must take its name from the BuildContext");
    m->setRegistration(type, describeConfig(cfg));
    return m;
  };
  f.defaults = [defaults] { return documentConfig(defaults); };
  return f;
}

class ModuleRegistry {
public:
  void add(ModuleFactory factory);
  // Throws e2e::Error naming the section and listing the known types when `type` is unknown.
  const ModuleFactory& find(const std::string& type, const std::string& section) const;
  const std::vector<ModuleFactory>& all() const { return m_factories; }
  // Every type with its doc line and documented defaults, as TOML comments + tables.
  std::string document() const;

private:
  std::vector<ModuleFactory> m_factories;
};

}  // namespace e2e::fw
