#include "e2e/framework/Config.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "e2e/core/Error.hpp"

namespace e2e::fw {

const char* ConfigValue::kindName(Kind k) {
  switch (k) {
    case Kind::Bool: return "a boolean";
    case Kind::Int: return "an integer";
    case Kind::Float: return "a number";
    case Kind::String: return "a string";
    case Kind::Array: return "an array";
    case Kind::Table: return "a table";
  }
  return "a value";
}

void ConfigCheck::fail(std::string_view key, std::string_view what) const {
  e2e::fail("[", m_section, "] ", key, ": ", what);
}

void ConfigCheck::oneOf(const std::string& value, std::initializer_list<std::string_view> choices, std::string_view key) const {
  std::string list;
  for (std::string_view c : choices) {
    if (value == c) return;
    list += list.empty() ? "" : ", ";
    list += c;
  }
  fail(key, cat("'", value, "' is not one of: ", list));
}

namespace {

[[noreturn]] void wrongKind(const ConfigValue& v, const char* wanted, const ConfigCheck& c, std::string_view key) {
  c.fail(key, cat("expected ", wanted, ", got ", ConfigValue::kindName(v.kind), v.line ? cat(" (line ", v.line, ")") : ""));
}

std::int64_t integerOf(const ConfigValue& v, const ConfigCheck& c, std::string_view key) {
  if (v.kind != ConfigValue::Kind::Int) wrongKind(v, "an integer", c, key);
  return v.integer;
}

double numberOf(const ConfigValue& v, const ConfigCheck& c, std::string_view key) {
  if (v.kind == ConfigValue::Kind::Int) return static_cast<double>(v.integer);
  if (v.kind != ConfigValue::Kind::Float) wrongKind(v, "a number", c, key);
  return v.real;
}

template <class T, class One>
void decodeArray(const ConfigValue& v, std::vector<T>& out, const ConfigCheck& c, std::string_view key, One one) {
  if (v.kind != ConfigValue::Kind::Array) wrongKind(v, "an array", c, key);
  out.clear();
  for (const ConfigValue& item : v.items) out.push_back(one(item));
}

}  // namespace

void decode(const ConfigValue& v, bool& out, const ConfigCheck& c, std::string_view key) {
  if (v.kind != ConfigValue::Kind::Bool) wrongKind(v, "true or false", c, key);
  out = v.boolean;
}
void decode(const ConfigValue& v, int& out, const ConfigCheck& c, std::string_view key) {
  const std::int64_t i = integerOf(v, c, key);
  if (i < std::numeric_limits<int>::min() || i > std::numeric_limits<int>::max()) c.fail(key, cat(i, " is out of range"));
  out = static_cast<int>(i);
}
void decode(const ConfigValue& v, std::int64_t& out, const ConfigCheck& c, std::string_view key) { out = integerOf(v, c, key); }
void decode(const ConfigValue& v, std::uint64_t& out, const ConfigCheck& c, std::string_view key) {
  const std::int64_t i = integerOf(v, c, key);
  if (i < 0) c.fail(key, cat(i, " is negative"));
  out = static_cast<std::uint64_t>(i);
}
void decode(const ConfigValue& v, float& out, const ConfigCheck& c, std::string_view key) {
  out = static_cast<float>(numberOf(v, c, key));
}
void decode(const ConfigValue& v, double& out, const ConfigCheck& c, std::string_view key) { out = numberOf(v, c, key); }
void decode(const ConfigValue& v, std::string& out, const ConfigCheck& c, std::string_view key) {
  if (v.kind != ConfigValue::Kind::String) wrongKind(v, "a string", c, key);
  out = v.text;
}
void decode(const ConfigValue& v, std::vector<std::string>& out, const ConfigCheck& c, std::string_view key) {
  decodeArray(v, out, c, key, [&](const ConfigValue& item) {
    std::string s;
    decode(item, s, c, key);
    return s;
  });
}
void decode(const ConfigValue& v, std::vector<float>& out, const ConfigCheck& c, std::string_view key) {
  decodeArray(v, out, c, key, [&](const ConfigValue& item) { return static_cast<float>(numberOf(item, c, key)); });
}
void decode(const ConfigValue& v, std::vector<double>& out, const ConfigCheck& c, std::string_view key) {
  decodeArray(v, out, c, key, [&](const ConfigValue& item) { return numberOf(item, c, key); });
}
void decode(const ConfigValue& v, std::vector<int>& out, const ConfigCheck& c, std::string_view key) {
  decodeArray(v, out, c, key, [&](const ConfigValue& item) {
    int i = 0;
    decode(item, i, c, key);
    return i;
  });
}

std::string encode(bool v) { return v ? "true" : "false"; }
std::string encode(int v) { return std::to_string(v); }
std::string encode(std::int64_t v) { return std::to_string(v); }
std::string encode(std::uint64_t v) { return std::to_string(v); }
namespace {
// The shortest decimal that reads back to the same value, so 0.1f prints as 0.1, not 0.100000001.
template <class T>
std::string shortest(T v, int minDigits, int maxDigits) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[40];
  for (int digits = minDigits; digits <= maxDigits; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(v));
    if (static_cast<T>(std::strtod(buf, nullptr)) == v) break;
  }
  std::string s = buf;
  // A TOML float needs a fraction or an exponent, or it reads back as an integer.
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}
}  // namespace

std::string encode(double v) { return shortest(v, 6, 17); }
std::string encode(float v) { return shortest(v, 6, 9); }
std::string encode(const std::string& v) {
  std::string s = "\"";
  for (char ch : v) {
    if (ch == '"' || ch == '\\') {
      s += '\\';
      s += ch;
    } else if (ch == '\n') {
      s += "\\n";
    } else if (ch == '\t') {
      s += "\\t";
    } else {
      s += ch;
    }
  }
  return s + "\"";
}

namespace {
template <class T>
std::string encodeArray(const std::vector<T>& v) {
  std::string s = "[";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + encode(v[i]);
  return s + "]";
}
}  // namespace

std::string encode(const std::vector<std::string>& v) { return encodeArray(v); }
std::string encode(const std::vector<float>& v) { return encodeArray(v); }
std::string encode(const std::vector<double>& v) { return encodeArray(v); }
std::string encode(const std::vector<int>& v) { return encodeArray(v); }

}  // namespace e2e::fw
