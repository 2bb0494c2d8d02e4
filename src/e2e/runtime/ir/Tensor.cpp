#include "e2e/runtime/ir/Tensor.hpp"

#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>

namespace e2e::runtime {

std::int64_t numel(const Dims& dims) {
  std::int64_t n = 1;
  for (auto d : dims) n *= d;
  return n;
}

std::string dimsToString(const Dims& dims) {
  std::string s = "[";
  for (std::size_t i = 0; i < dims.size(); ++i) {
    if (i) s += ',';
    s += dims[i] < 0 ? std::string("?") : std::to_string(dims[i]);
  }
  return s + ']';
}

AlignedBuffer::AlignedBuffer(std::size_t bytes) : m_size(bytes) {
  // aligned_alloc wants a multiple of the alignment; never zero so data() is a real pointer.
  std::size_t rounded = (bytes + 63) / 64 * 64;
  if (rounded == 0) rounded = 64;
  m_data = static_cast<std::byte*>(std::aligned_alloc(64, rounded));
  if (!m_data) throw std::bad_alloc();
}

AlignedBuffer::~AlignedBuffer() { std::free(m_data); }

AlignedBuffer::AlignedBuffer(AlignedBuffer&& o) noexcept : m_data(o.m_data), m_size(o.m_size) {
  o.m_data = nullptr;
  o.m_size = 0;
}

AlignedBuffer& AlignedBuffer::operator=(AlignedBuffer&& o) noexcept {
  if (this != &o) {
    std::free(m_data);
    m_data = o.m_data;
    m_size = o.m_size;
    o.m_data = nullptr;
    o.m_size = 0;
  }
  return *this;
}

Tensor::Tensor(DType dtype, Dims dims) : m_dtype(dtype), m_dims(std::move(dims)) {
  for (auto d : m_dims)
    if (d < 0) throw std::logic_error("Tensor with a negative dimension");
  m_storage = std::make_shared<AlignedBuffer>(bytes());
  std::memset(m_storage->data(), 0, bytes());
}

Tensor Tensor::scalarInt64(std::int64_t v) {
  Tensor t(DType::Int64, {});
  *t.data<std::int64_t>() = v;
  return t;
}

Tensor Tensor::fromInt64(const std::vector<std::int64_t>& v) {
  Tensor t(DType::Int64, {static_cast<std::int64_t>(v.size())});
  if (!v.empty()) std::memcpy(t.raw(), v.data(), v.size() * sizeof(std::int64_t));
  return t;
}

Tensor Tensor::fromFloats(Dims dims, const std::vector<float>& v) {
  Tensor t(DType::Float32, std::move(dims));
  if (static_cast<std::size_t>(t.numel()) != v.size()) throw std::logic_error("Tensor::fromFloats: size mismatch");
  if (!v.empty()) std::memcpy(t.raw(), v.data(), v.size() * sizeof(float));
  return t;
}

std::vector<std::int64_t> Tensor::toInt64() const {
  std::vector<std::int64_t> out(static_cast<std::size_t>(numel()));
  for (std::size_t i = 0; i < out.size(); ++i) {
    switch (m_dtype) {
      case DType::Int64: out[i] = data<std::int64_t>()[i]; break;
      case DType::Int32: out[i] = data<std::int32_t>()[i]; break;
      case DType::UInt8: out[i] = data<std::uint8_t>()[i]; break;
      case DType::Int8: out[i] = data<std::int8_t>()[i]; break;
      case DType::Bool: out[i] = data<std::uint8_t>()[i] ? 1 : 0; break;
      default: throw std::logic_error("Tensor::toInt64 on a non-integer tensor");
    }
  }
  return out;
}

std::vector<float> Tensor::toFloats() const {
  if (m_dtype != DType::Float32) throw std::logic_error("Tensor::toFloats on a non-float32 tensor");
  return {data<float>(), data<float>() + numel()};
}

Tensor Tensor::reshaped(Dims dims) const {
  if (runtime::numel(dims) != numel()) throw std::logic_error("Tensor::reshaped: element count changes");
  Tensor t = *this;
  t.m_dims = std::move(dims);
  return t;
}

Tensor Tensor::clone() const {
  Tensor t(m_dtype, m_dims);
  if (bytes()) std::memcpy(t.raw(), raw(), bytes());
  return t;
}

}  // namespace e2e::runtime
