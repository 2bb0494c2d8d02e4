#pragma once
// Node attributes. Reads are recorded so that, after a kernel has taken what it understands, any attribute it
// never looked at is reported as unsupported instead of being silently ignored.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "e2e/runtime/ir/Tensor.hpp"

namespace e2e::runtime {

using AttributeValue = std::variant<std::int64_t, float, std::string, std::vector<std::int64_t>, std::vector<float>,
                                    std::vector<std::string>, Tensor>;

class Attributes {
public:
  void set(const std::string& name, AttributeValue v) { m_items[name] = std::move(v); }
  bool has(const std::string& name) const { return m_items.count(name) != 0; }
  void erase(const std::string& name) { m_items.erase(name); }

  // Typed getters: a missing attribute yields the default; a present one of the wrong kind is an e2e::Error.
  std::int64_t getInt(const std::string& name, std::int64_t def) const;
  float getFloat(const std::string& name, float def) const;
  std::string getString(const std::string& name, const std::string& def) const;
  std::vector<std::int64_t> getInts(const std::string& name, const std::vector<std::int64_t>& def = {}) const;
  std::vector<float> getFloats(const std::string& name, const std::vector<float>& def = {}) const;
  Tensor getTensor(const std::string& name) const;

  // Names present but never read since the last resetReads().
  std::vector<std::string> unread() const;
  void resetReads() const { m_read.clear(); }

  const std::map<std::string, AttributeValue>& items() const { return m_items; }
  std::string toString() const;

private:
  const AttributeValue* find(const std::string& name) const;

  std::map<std::string, AttributeValue> m_items;
  mutable std::set<std::string> m_read;
};

}  // namespace e2e::runtime
