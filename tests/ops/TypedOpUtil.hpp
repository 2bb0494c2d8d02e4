#pragma once
// Typed tensors for operator cases whose inputs or outputs are not float32 (indices, bool masks, int64 shapes):
// run a session on them and compare exactly or with a relative tolerance.
#include <cstring>

#include "OpTestUtil.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/runtime/ir/Tensor.hpp"

namespace e2e::test {

using Dims = std::vector<std::int64_t>;

// ONNX element type codes used by the cases.
inline constexpr int kFloat = 1, kUInt8 = 2, kInt32 = 6, kInt64 = 7, kBool = 9, kDouble = 11;

struct HostTensor {
  Dims dims;
  std::vector<std::byte> bytes;

  template <class T>
  static HostTensor of(Dims d, const std::vector<T>& v) {
    HostTensor t{std::move(d), std::vector<std::byte>(v.size() * sizeof(T))};
    if (!v.empty()) std::memcpy(t.bytes.data(), v.data(), t.bytes.size());
    return t;
  }
  template <class T>
  std::vector<T> as() const {
    std::vector<T> v(bytes.size() / sizeof(T));
    if (!v.empty()) std::memcpy(v.data(), bytes.data(), bytes.size());
    return v;
  }
};

// Outputs sized from the session's own element types and dims for this batch.
inline std::vector<HostTensor> runTyped(const runtime::Session& s, const std::vector<HostTensor>& inputs,
                                        std::int64_t batch = 0, int threads = 0) {
  std::vector<const void*> in;
  for (const auto& t : inputs) in.push_back(t.bytes.data());
  if (batch == 0) batch = s.dynamicBatch() ? 1 : s.staticBatch();
  std::vector<HostTensor> out(s.outputs().size());
  std::vector<void*> ptr;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].dims = s.outputDims(i, batch);
    out[i].bytes.assign(static_cast<std::size_t>(product(out[i].dims)) * runtime::dtypeSize(s.outputs()[i].dtype),
                        std::byte{0x5a});  // a pattern, so unwritten elements show up
    ptr.push_back(out[i].bytes.data());
  }
  runtime::RunOptions o;
  o.threads = threads;
  s.run(in, ptr, batch, o);
  return out;
}

// Row-major strides of dims, in elements.
inline Dims stridesOf(const Dims& d) {
  Dims s(d.size(), 1);
  for (std::size_t i = d.size(); i-- > 1;) s[i - 1] = s[i] * d[i];
  return s;
}

// Multi-index of flat element `flat` in dims.
inline Dims unravel(std::int64_t flat, const Dims& d) {
  Dims idx(d.size());
  for (std::size_t i = d.size(); i-- > 0;) {
    idx[i] = flat % d[i];
    flat /= d[i];
  }
  return idx;
}

inline Dims randomDims(Rng& rng, std::size_t rank, std::int64_t lo, std::int64_t hi) {
  Dims d(rank);
  for (auto& x : d) x = randInt(rng, lo, hi);
  return d;
}

// "x3": built with append, since `"x" + std::to_string(k)` trips GCC 12's -Wrestrict false positive (PR 105651).
inline std::string indexedName(const char* prefix, std::size_t k) { return std::string(prefix).append(std::to_string(k)); }

// Writes found next to heap blocks so far (GraphOpsAllocationTest.cpp guards every operator new).
long heapGuardViolations();

inline std::vector<double> widen(const std::vector<float>& v) { return {v.begin(), v.end()}; }

inline void addInitializerInt64(OnnxBuilder& b, const std::string& name, const std::vector<std::int64_t>& v) {
  b.initializerInt64(name, {static_cast<std::int64_t>(v.size())}, v);
}

}  // namespace e2e::test
