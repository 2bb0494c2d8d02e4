#pragma once
// An owned, dense, row-major tensor: initialisers, folded constants and values computed at plan time.
// Copies share the (immutable after construction) storage, so graphs can be copied cheaply.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "e2e/runtime/ir/DType.hpp"

namespace e2e::runtime {

using Dims = std::vector<std::int64_t>;

std::int64_t numel(const Dims& dims);
std::string dimsToString(const Dims& dims);

// 64-byte aligned heap block; the unit of constant storage and of arenas.
class AlignedBuffer {
public:
  AlignedBuffer() = default;
  explicit AlignedBuffer(std::size_t bytes);
  ~AlignedBuffer();
  AlignedBuffer(AlignedBuffer&& o) noexcept;
  AlignedBuffer& operator=(AlignedBuffer&& o) noexcept;
  AlignedBuffer(const AlignedBuffer&) = delete;
  AlignedBuffer& operator=(const AlignedBuffer&) = delete;

  std::byte* data() const { return m_data; }
  std::size_t size() const { return m_size; }

private:
  std::byte* m_data = nullptr;
  std::size_t m_size = 0;
};

class Tensor {
public:
  Tensor() = default;
  // Zero-initialised tensor of the given type and shape.
  Tensor(DType dtype, Dims dims);

  static Tensor scalarInt64(std::int64_t v);
  static Tensor fromInt64(const std::vector<std::int64_t>& v);
  static Tensor fromFloats(Dims dims, const std::vector<float>& v);

  bool empty() const { return !m_storage; }
  DType dtype() const { return m_dtype; }
  const Dims& dims() const { return m_dims; }
  std::int64_t numel() const { return runtime::numel(m_dims); }
  std::size_t bytes() const { return static_cast<std::size_t>(numel()) * dtypeSize(m_dtype); }

  std::byte* raw() const { return m_storage ? m_storage->data() : nullptr; }
  template <class T>
  T* data() const { return reinterpret_cast<T*>(raw()); }

  // Integer contents widened to int64 (for shape/axes/index tensors of type int32 or int64).
  std::vector<std::int64_t> toInt64() const;
  // Float contents (float32 only) as a vector, for passes that rewrite weights.
  std::vector<float> toFloats() const;
  // The same storage seen with another shape of equal element count.
  Tensor reshaped(Dims dims) const;
  // A deep copy (passes that modify weights must not touch shared storage).
  Tensor clone() const;

private:
  DType m_dtype = DType::Undefined;
  Dims m_dims;
  std::shared_ptr<AlignedBuffer> m_storage;
};

}  // namespace e2e::runtime
