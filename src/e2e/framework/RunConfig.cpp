#include "e2e/framework/RunConfig.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "e2e/core/Error.hpp"

namespace e2e::fw {
namespace {

ConfigValue convert(const toml::node& node, const std::string& where) {
  ConfigValue v;
  v.line = static_cast<int>(node.source().begin.line);
  switch (node.type()) {
    case toml::node_type::boolean:
      v.kind = ConfigValue::Kind::Bool;
      v.boolean = *node.value<bool>();
      break;
    case toml::node_type::integer:
      v.kind = ConfigValue::Kind::Int;
      v.integer = *node.value<std::int64_t>();
      break;
    case toml::node_type::floating_point:
      v.kind = ConfigValue::Kind::Float;
      v.real = *node.value<double>();
      break;
    case toml::node_type::string:
      v.kind = ConfigValue::Kind::String;
      v.text = *node.value<std::string>();
      break;
    case toml::node_type::array:
      v.kind = ConfigValue::Kind::Array;
      for (const toml::node& item : *node.as_array()) v.items.push_back(convert(item, where));
      break;
    case toml::node_type::table:
      v.kind = ConfigValue::Kind::Table;
      break;
    default:
      fail(where, " (line ", v.line, "): dates and times are not supported as configuration values");
  }
  return v;
}

ConfigTable convertTable(const toml::table& table, const std::string& section) {
  ConfigTable out;
  for (auto&& [key, node] : table) {
    const std::string k(key.str());
    out.emplace_back(k, convert(node, "[" + section + "] " + k));
  }
  return out;
}

}  // namespace

void RunSection::check(const ConfigCheck& c) const {
  c.require(!path.empty(), "path", "must list at least one module");
  c.require(threads >= 0, "threads", "must be >= 0");
  c.require(inFlight >= 0, "in_flight", "must be >= 0");
  std::set<std::string> seen;
  for (const auto& name : path) c.require(seen.insert(name).second, "path", "lists '" + name + "' twice");
}

RunConfig RunConfig::parse(std::string_view text, const std::string& origin) {
  toml::table root;
  try {
    root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    fail(origin, ":", e.source().begin.line, ":", e.source().begin.column, ": ", e.description());
  }
  RunConfig rc;
  rc.m_origin = origin;
  for (auto&& [key, node] : root) {
    const std::string k(key.str());
    if (k != "run" && k != "modules") fail(origin, ": unknown top-level entry '", k, "' (expected [run] and [modules.NAME] tables)");
    if (!node.is_table()) fail(origin, ": '", k, "' must be a table");
  }
  const toml::table* run = root["run"].as_table();
  if (!run) fail(origin, ": no [run] table (it lists the module path)");
  rc.m_run = readConfig<RunSection>(convertTable(*run, "run"), "run");
  if (const toml::table* modules = root["modules"].as_table()) {
    for (auto&& [key, node] : *modules) {
      const std::string name(key.str());
      const toml::table* t = node.as_table();
      if (!t) fail(origin, ": modules.", name, " must be a table");
      rc.m_modules.emplace_back(name, convertTable(*t, "modules." + name));
    }
  }
  std::set<std::string> onPath(rc.m_run.path.begin(), rc.m_run.path.end());
  for (const auto& [name, table] : rc.m_modules)
    if (!onPath.count(name)) fail("[modules.", name, "]: not on the [run] path (add it to path or remove the table)");
  for (const auto& name : rc.m_run.path) rc.moduleTable(name);
  return rc;
}

RunConfig RunConfig::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) fail(path, ": cannot open the run configuration");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

const ConfigTable& RunConfig::moduleTable(const std::string& name) const {
  for (const auto& [n, t] : m_modules)
    if (n == name) return t;
  fail("[run] path: module '", name, "' has no [modules.", name, "] table");
}

std::vector<std::unique_ptr<Module>> RunConfig::build(const ModuleRegistry& registry, const RunSettings& settings) const {
  std::vector<std::unique_ptr<Module>> modules;
  std::map<std::string, std::string> products;
  for (const auto& name : m_run.path) {
    const ConfigTable& table = moduleTable(name);
    const std::string section = "modules." + name;
    std::string type;
    for (const auto& [k, v] : table)
      if (k == kModuleTypeKey) decode(v, type, ConfigCheck(section), k);
    if (type.empty()) fail("[", section, "] type: missing (which module to run)");
    const ModuleFactory& factory = registry.find(type, section);
    auto module = factory.make(BuildContext{name, table, settings, products});
    for (const HandleBase* h : module->handles())
      if (h->isOutput()) products[h->label()] = h->typeName();
    modules.push_back(std::move(module));
  }
  return modules;
}

std::string RunConfig::describe(const std::vector<const Module*>& modules) const {
  std::string out = "# " + m_origin + "\n[run]\n" + describeConfig(m_run);
  for (const Module* m : modules)
    out += "\n[modules." + m->name() + "]\ntype = " + encode(m->typeName()) + "\n" + m->configText();
  return out;
}

}  // namespace e2e::fw
