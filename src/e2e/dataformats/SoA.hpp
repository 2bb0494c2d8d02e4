#pragma once
// Structure-of-arrays collections. A collection is a struct of std::vector columns that names them once, in a
// static `columns(f, s...)` calling f(name, s.column...) for every column. Everything generic (size, clear,
// reserve, equality, HDF5 I/O, `e2e info`) is written against that list, so adding a column is one line.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace e2e {

template <class T>
using Column = std::vector<T>;

template <class Derived>
struct SoA {
  // Number of rows; every column has this length (see consistent()).
  std::size_t size() const {
    std::size_t n = 0;
    bool first = true;
    Derived::columns(
        [&](const char*, const auto& col) {
          if (first) n = col.size();
          first = false;
        },
        self());
    return n;
  }
  bool empty() const { return size() == 0; }
  // Keeps capacity: collections are recycled across events without reallocating.
  void clear() {
    Derived::columns([](const char*, auto& col) { col.clear(); }, self());
  }
  void reserve(std::size_t n) {
    Derived::columns([n](const char*, auto& col) { col.reserve(n); }, self());
  }
  void resize(std::size_t n) {
    Derived::columns([n](const char*, auto& col) { col.resize(n); }, self());
  }
  bool consistent() const {
    const std::size_t n = size();
    bool ok = true;
    Derived::columns([&](const char*, const auto& col) { ok = ok && col.size() == n; }, self());
    return ok;
  }
  // Appends the rows of another collection of the same type.
  void append(const Derived& other) {
    Derived::columns([](const char*, auto& dst, const auto& src) { dst.insert(dst.end(), src.begin(), src.end()); },
                     self(), other);
  }
  friend bool operator==(const Derived& a, const Derived& b) {
    bool eq = true;
    Derived::columns([&](const char*, const auto& x, const auto& y) { eq = eq && x == y; }, a, b);
    return eq;
  }

private:
  Derived& self() { return static_cast<Derived&>(*this); }
  const Derived& self() const { return static_cast<const Derived&>(*this); }
};

}  // namespace e2e
