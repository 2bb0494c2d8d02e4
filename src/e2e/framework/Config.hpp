#pragma once
// Module configuration. A Config struct names its fields once, with one doc line each:
//
//   struct Config {
//     float ptMin = 10;
//     template <class F, class... S>
//     static void fields(F&& f, S&&... s) { f("pt_min", "minimum photon pT [GeV]", s.ptMin...); }
//     void check(const ConfigCheck& c) const { c.require(ptMin >= 0, "pt_min", "must be >= 0"); }  // optional
//   };
//
// From that list alone the framework reads a TOML table into it (an unknown key or a value of the wrong kind is
// one e2e::Error naming `[modules.NAME] key`), writes it back as TOML (the provenance stored in output files) and
// documents it (`e2e run --list-modules`). The TOML itself is decoded into ConfigTable by RunConfig, so modules
// never compile the TOML parser.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace e2e::fw {

struct ConfigValue {
  enum class Kind : std::uint8_t { Bool, Int, Float, String, Array, Table };
  Kind kind = Kind::Bool;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  std::string text;
  std::vector<ConfigValue> items;  // Array
  int line = 0;                    // where it was written, 0 when unknown

  static const char* kindName(Kind k);
};

// One TOML table's keys and values, in file order.
using ConfigTable = std::vector<std::pair<std::string, ConfigValue>>;

// Names the table a value came from in every message: "[modules.eg_tagger] pt_min: must be >= 0".
class ConfigCheck {
public:
  explicit ConfigCheck(std::string section) : m_section(std::move(section)) {}
  const std::string& section() const { return m_section; }
  [[noreturn]] void fail(std::string_view key, std::string_view what) const;
  void require(bool ok, std::string_view key, std::string_view what) const {
    if (!ok) fail(key, what);
  }
  // `value` must be one of `choices`.
  void oneOf(const std::string& value, std::initializer_list<std::string_view> choices, std::string_view key) const;

private:
  std::string m_section;
};

// Decoding one value into one field; the overload set is the list of supported field types.
void decode(const ConfigValue& v, bool& out, const ConfigCheck& c, std::string_view key);
void decode(const ConfigValue& v, int& out, const ConfigCheck& c, std::string_view key);
void decode(const ConfigValue& v, std::int64_t& out, const ConfigCheck& c, std::string_view key);
void decode(const ConfigValue& v, std::uint64_t& out, const ConfigCheck& c, std::string_view key);
void decode(const ConfigValue& v, float& out, const ConfigCheck& c, std::string_view key);
void decode(const ConfigValue& v, double& out, const ConfigCheck& c, std::string_view key);
void decode(const ConfigValue& v, std::string& out, const ConfigCheck& c, std::string_view key);
void decode(const ConfigValue& v, std::vector<std::string>& out, const ConfigCheck& c, std::string_view key);
void decode(const ConfigValue& v, std::vector<float>& out, const ConfigCheck& c, std::string_view key);
void decode(const ConfigValue& v, std::vector<double>& out, const ConfigCheck& c, std::string_view key);
void decode(const ConfigValue& v, std::vector<int>& out, const ConfigCheck& c, std::string_view key);

// TOML literals of the same types.
std::string encode(bool v);
std::string encode(int v);
std::string encode(std::int64_t v);
std::string encode(std::uint64_t v);
std::string encode(float v);
std::string encode(double v);
std::string encode(const std::string& v);
std::string encode(const std::vector<std::string>& v);
std::string encode(const std::vector<float>& v);
std::string encode(const std::vector<double>& v);
std::string encode(const std::vector<int>& v);

// Keys every module table may hold besides its Config fields (`type` picks the module).
inline constexpr std::string_view kModuleTypeKey = "type";

template <class C>
C readConfig(const ConfigTable& table, const std::string& section, C cfg = C{}) {
  const ConfigCheck check(section);
  for (const auto& [key, value] : table) {
    if (key == kModuleTypeKey) continue;
    bool found = false;
    C::fields([&](const char* name, const char*, auto& field) {
      if (found || key != name) return;
      found = true;
      decode(value, field, check, key);
    }, cfg);
    if (!found) {
      std::string known;
      C::fields([&](const char* name, const char*, const auto&) { known += known.empty() ? name : std::string(", ") + name; },
                cfg);
      check.fail(key, "unknown key (known keys: " + (known.empty() ? std::string("none") : known) + ")");
    }
  }
  if constexpr (requires { cfg.check(check); }) cfg.check(check);
  return cfg;
}

// `key = value` lines, every field: what the module actually ran with.
template <class C>
std::string describeConfig(const C& cfg) {
  std::string out;
  C::fields([&](const char* name, const char*, const auto& field) { out += std::string(name) + " = " + encode(field) + "\n"; },
            cfg);
  return out;
}

// `key = default  # doc` lines for the documentation of a module type.
template <class C>
std::string documentConfig(const C& cfg) {
  std::string out;
  C::fields([&](const char* name, const char* doc, const auto& field) {
    out += std::string(name) + " = " + encode(field) + "  # " + doc + "\n";
  }, cfg);
  return out;
}

}  // namespace e2e::fw
