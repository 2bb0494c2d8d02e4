#pragma once
// The event store: products keyed by label + type, resolved to slots by the Schedule. Products are recycled
// across events (put() hands back last event's object, cleared), so steady-state processing does not allocate.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "e2e/framework/Handles.hpp"

namespace e2e::fw {

struct ProductHolderBase {
  virtual ~ProductHolderBase() = default;
};
template <class T>
struct ProductHolder final : ProductHolderBase {
  T value;
};

class Event {
public:
  std::uint64_t index() const { return m_index; }
  std::uint64_t seed() const { return m_seed; }
  // Starts a new event: every product becomes absent (their storage is kept).
  void reset(std::uint64_t index, std::uint64_t seed);

  template <class T>
  const T& get(const Input<T>& h) const {
    const auto slot = static_cast<std::size_t>(h.slot());
    if (slot >= m_present.size() || !m_present[slot]) throw std::logic_error("product not available: " + h.describe());
    return static_cast<const ProductHolder<T>&>(*m_products[slot]).value;
  }
  template <class T>
  bool has(const Input<T>& h) const {
    const auto slot = static_cast<std::size_t>(h.slot());
    return slot < m_present.size() && m_present[slot];
  }
  // An output product already put for this event, to complete it later (a batching tagger fills its scores after
  // the batch ran). Throws when the product was not put yet.
  template <class T>
  T& modify(const Output<T>& h) {
    const auto slot = static_cast<std::size_t>(h.slot());
    if (slot >= m_present.size() || !m_present[slot]) throw std::logic_error("product not put yet: " + h.describe());
    return static_cast<ProductHolder<T>&>(*m_products[slot]).value;
  }
  // The output product for this event: cleared, ready to fill.
  template <class T>
  T& put(const Output<T>& h) {
    const auto slot = static_cast<std::size_t>(h.slot());
    if (slot >= m_products.size()) throw std::logic_error("handle not wired: " + h.describe());
    auto& holder = m_products[slot];
    if (!holder) holder = std::make_unique<ProductHolder<T>>();
    T& value = static_cast<ProductHolder<T>&>(*holder).value;
    if constexpr (requires { value.clear(); }) value.clear();
    else value = T{};
    m_present[slot] = true;
    return value;
  }

private:
  friend class Schedule;
  std::uint64_t m_index = 0, m_seed = 0;
  std::vector<std::unique_ptr<ProductHolderBase>> m_products;
  std::vector<std::uint8_t> m_present;  // bytes, not bits: batches of different threads read it concurrently
};

}  // namespace e2e::fw
