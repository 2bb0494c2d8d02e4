#pragma once
// A tiny streaming JSON writer for --json outputs and reports (no dependency needed for writing).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace e2e {

class JsonWriter {
public:
  JsonWriter& beginObject() { return open('{'); }
  JsonWriter& endObject() { return close('}'); }
  JsonWriter& beginArray() { return open('['); }
  JsonWriter& endArray() { return close(']'); }
  JsonWriter& key(std::string_view k) {
    comma();
    quoted(k);
    m_out += ':';
    m_afterKey = true;
    return *this;
  }
  template <class T>
  JsonWriter& value(const T& v) {
    comma();
    if constexpr (std::is_same_v<T, bool>) m_out += v ? "true" : "false";
    else if constexpr (std::is_integral_v<T>) m_out += std::to_string(v);
    else if constexpr (std::is_floating_point_v<T>) {
      if (!std::isfinite(v)) {
        m_out += "null";
      } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6g", static_cast<double>(v));
        m_out += buf;
      }
    } else quoted(std::string_view(v));
    return *this;
  }
  template <class T>
  JsonWriter& field(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }
  const std::string& str() const { return m_out; }

private:
  JsonWriter& open(char c) {
    comma();
    m_out += c;
    m_first.push_back(true);
    return *this;
  }
  JsonWriter& close(char c) {
    m_out += c;
    m_first.pop_back();
    return *this;
  }
  void comma() {
    if (m_afterKey) {
      m_afterKey = false;
      return;
    }
    if (!m_first.empty()) {
      if (!m_first.back()) m_out += ',';
      m_first.back() = false;
    }
  }
  void quoted(std::string_view s) {
    m_out += '"';
    for (char c : s) {
      if (c == '"' || c == '\\') {
        m_out += '\\';
        m_out += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        m_out += buf;
      } else {
        m_out += c;
      }
    }
    m_out += '"';
  }
  std::string m_out;
  std::vector<bool> m_first;
  bool m_afterKey = false;
};

}  // namespace e2e
