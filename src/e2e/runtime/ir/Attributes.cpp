#include "e2e/runtime/ir/Attributes.hpp"

#include <sstream>

#include "e2e/core/Error.hpp"

namespace e2e::runtime {

const AttributeValue* Attributes::find(const std::string& name) const {
  auto it = m_items.find(name);
  if (it == m_items.end()) return nullptr;
  m_read.insert(name);
  return &it->second;
}

namespace {
template <class T>
const T& expect(const AttributeValue* v, const std::string& name, const char* kind) {
  if (const T* p = std::get_if<T>(v)) return *p;
  fail("attribute '", name, "' should be ", kind);
}
}  // namespace

std::int64_t Attributes::getInt(const std::string& name, std::int64_t def) const {
  const auto* v = find(name);
  return v ? expect<std::int64_t>(v, name, "an int") : def;
}

float Attributes::getFloat(const std::string& name, float def) const {
  const auto* v = find(name);
  if (!v) return def;
  // Exporters sometimes write an integral value where a float is expected.
  if (const auto* i = std::get_if<std::int64_t>(v)) return static_cast<float>(*i);
  return expect<float>(v, name, "a float");
}

std::string Attributes::getString(const std::string& name, const std::string& def) const {
  const auto* v = find(name);
  return v ? expect<std::string>(v, name, "a string") : def;
}

std::vector<std::int64_t> Attributes::getInts(const std::string& name, const std::vector<std::int64_t>& def) const {
  const auto* v = find(name);
  return v ? expect<std::vector<std::int64_t>>(v, name, "a list of ints") : def;
}

std::vector<float> Attributes::getFloats(const std::string& name, const std::vector<float>& def) const {
  const auto* v = find(name);
  return v ? expect<std::vector<float>>(v, name, "a list of floats") : def;
}

Tensor Attributes::getTensor(const std::string& name) const {
  const auto* v = find(name);
  if (!v) fail("attribute '", name, "' is missing");
  return expect<Tensor>(v, name, "a tensor");
}

std::vector<std::string> Attributes::unread() const {
  std::vector<std::string> out;
  for (const auto& [name, v] : m_items)
    if (!m_read.count(name)) out.push_back(name);
  return out;
}

std::string Attributes::toString() const {
  std::ostringstream os;
  bool first = true;
  for (const auto& [name, v] : m_items) {
    os << (first ? "" : " ") << name << '=';
    first = false;
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::vector<std::int64_t>> || std::is_same_v<T, std::vector<float>>) {
            os << '[';
            for (std::size_t i = 0; i < x.size(); ++i) os << (i ? "," : "") << x[i];
            os << ']';
          } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            os << "[" << x.size() << " strings]";
          } else if constexpr (std::is_same_v<T, Tensor>) {
            os << "tensor" << dimsToString(x.dims());
          } else {
            os << x;
          }
        },
        v);
  }
  return os.str();
}

}  // namespace e2e::runtime
