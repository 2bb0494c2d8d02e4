#include "e2e/taggers/Json.hpp"

#include <cstdlib>

#include "e2e/core/Error.hpp"

namespace e2e::taggers {

class JsonParser {
public:
  JsonParser(std::string_view text, const std::string& origin) : m_text(text), m_origin(origin) {}

  Json document() {
    Json v = value(0);
    skipSpace();
    if (m_pos != m_text.size()) error("text after the end of the document");
    return v;
  }

private:
  [[noreturn]] void error(const char* what) const { fail(m_origin, ": invalid JSON at offset ", m_pos, ": ", what); }

  void skipSpace() {
    while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\t' || m_text[m_pos] == '\r'))
      ++m_pos;
  }
  bool consume(std::string_view word) {
    if (m_text.substr(m_pos, word.size()) != word) return false;
    m_pos += word.size();
    return true;
  }

  Json value(int depth) {
    if (depth > 64) error("nesting too deep");
    skipSpace();
    if (m_pos >= m_text.size()) error("unexpected end");
    Json v;
    const char c = m_text[m_pos];
    if (c == '{') {
      v.m_kind = Json::Kind::Object;
      ++m_pos;
      skipSpace();
      if (consume("}")) return v;
      for (;;) {
        skipSpace();
        if (m_pos >= m_text.size() || m_text[m_pos] != '"') error("expected a member name");
        std::string key = string();
        skipSpace();
        if (!consume(":")) error("expected ':'");
        v.m_object[key] = value(depth + 1);
        skipSpace();
        if (consume("}")) return v;
        if (!consume(",")) error("expected ',' or '}'");
      }
    }
    if (c == '[') {
      v.m_kind = Json::Kind::Array;
      ++m_pos;
      skipSpace();
      if (consume("]")) return v;
      for (;;) {
        v.m_array.push_back(value(depth + 1));
        skipSpace();
        if (consume("]")) return v;
        if (!consume(",")) error("expected ',' or ']'");
      }
    }
    if (c == '"') {
      v.m_kind = Json::Kind::String;
      v.m_string = string();
      return v;
    }
    if (consume("true")) {
      v.m_kind = Json::Kind::Bool;
      v.m_bool = true;
      return v;
    }
    if (consume("false")) {
      v.m_kind = Json::Kind::Bool;
      return v;
    }
    if (consume("null")) return v;
    const std::string number(m_text.substr(m_pos, std::min<std::size_t>(64, m_text.size() - m_pos)));
    char* end = nullptr;
    v.m_number = std::strtod(number.c_str(), &end);
    if (end == number.c_str()) error("unexpected character");
    v.m_kind = Json::Kind::Number;
    m_pos += static_cast<std::size_t>(end - number.c_str());
    return v;
  }

  std::string string() {
    ++m_pos;  // opening quote
    std::string s;
    while (m_pos < m_text.size() && m_text[m_pos] != '"') {
      char c = m_text[m_pos++];
      if (c != '\\') {
        s += c;
        continue;
      }
      if (m_pos >= m_text.size()) break;
      c = m_text[m_pos++];
      switch (c) {
        case 'n': s += '\n'; break;
        case 't': s += '\t'; break;
        case 'r': s += '\r'; break;
        case 'b': s += '\b'; break;
        case 'f': s += '\f'; break;
        case 'u': {
          if (m_pos + 4 > m_text.size()) error("short \\u escape");
          const unsigned code = static_cast<unsigned>(std::strtoul(std::string(m_text.substr(m_pos, 4)).c_str(), nullptr, 16));
          m_pos += 4;
          // Cards are ASCII in practice; other code points are kept as UTF-8 of the BMP character.
          if (code < 0x80) {
            s += static_cast<char>(code);
          } else if (code < 0x800) {
            s += static_cast<char>(0xC0 | (code >> 6));
            s += static_cast<char>(0x80 | (code & 0x3F));
          } else {
            s += static_cast<char>(0xE0 | (code >> 12));
            s += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (code & 0x3F));
          }
          break;
        }
        default: s += c;
      }
    }
    if (m_pos >= m_text.size()) error("unterminated string");
    ++m_pos;
    return s;
  }

  std::string_view m_text;
  const std::string& m_origin;
  std::size_t m_pos = 0;
};

Json Json::parse(std::string_view text, const std::string& origin) { return JsonParser(text, origin).document(); }

const Json& Json::operator[](const std::string& key) const {
  static const Json kNull;
  const auto it = m_object.find(key);
  return it == m_object.end() ? kNull : it->second;
}

bool Json::has(const std::string& key) const { return m_object.count(key) != 0; }

}  // namespace e2e::taggers
