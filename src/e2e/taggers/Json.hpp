#pragma once
// A small JSON reader for model cards (models/<name>.json, written by python/e2e_train/modelcard.py). The project
// has JsonWriter for output; no JSON library is among the Debian dependencies, and a card is a few kB read once.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace e2e::taggers {

class Json {
public:
  enum class Kind : std::uint8_t { Null, Bool, Number, String, Array, Object };

  // Throws e2e::Error "<origin>: invalid JSON at offset N: ..." on malformed text.
  static Json parse(std::string_view text, const std::string& origin);

  Kind kind() const { return m_kind; }
  bool isNull() const { return m_kind == Kind::Null; }
  bool isNumber() const { return m_kind == Kind::Number; }
  bool isString() const { return m_kind == Kind::String; }
  bool isArray() const { return m_kind == Kind::Array; }
  bool isObject() const { return m_kind == Kind::Object; }

  double number() const { return m_number; }
  bool boolean() const { return m_bool; }
  const std::string& string() const { return m_string; }
  const std::vector<Json>& array() const { return m_array; }
  // Member lookup; a null value when absent (or when this is not an object).
  const Json& operator[](const std::string& key) const;
  bool has(const std::string& key) const;
  const std::map<std::string, Json>& members() const { return m_object; }

private:
  friend class JsonParser;
  Kind m_kind = Kind::Null;
  bool m_bool = false;
  double m_number = 0;
  std::string m_string;
  std::vector<Json> m_array;
  std::map<std::string, Json> m_object;
};

}  // namespace e2e::taggers
