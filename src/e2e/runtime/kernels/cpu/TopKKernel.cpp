// TopK along any axis, K known at plan time. Ties go to the lower index (ONNX); results are always sorted.
// Small K (the kNN of graph networks: 16 of a few hundred) keeps a sorted insertion buffer per row, which
// rejects most candidates with one compare; large K uses partial_sort on an index array. Per-thread scratch
// comes from the plan, so run() never allocates.
#include <omp.h>

#include <algorithm>
#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/Broadcast.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/PlanShapeView.hpp"

namespace e2e::runtime::cpu {
namespace {

constexpr std::int64_t kInsertionMaxK = 64;

struct TopKShape {
  std::int64_t outer = 1, len = 1, inner = 1, k = 0;
};

// `before(a, ia, b, ib)`: element a at index ia ranks before element b at index ib.
template <class T, bool largest>
inline bool before(T a, std::int64_t ia, T b, std::int64_t ib) {
  if (a != b) return largest ? a > b : a < b;
  return ia < ib;
}

template <class T, bool largest>
void selectRow(const T* row, std::int64_t len, std::int64_t k, T* vals, std::int64_t* idx, std::int64_t* order) {
  if (k == 0) return;
  if (k <= kInsertionMaxK) {
    std::int64_t filled = 0;
    for (std::int64_t i = 0; i < len; ++i) {
      const T v = row[i];
      // Indices arrive in increasing order, so an equal value never displaces an earlier one.
      if (filled == k && !before<T, largest>(v, i, vals[k - 1], idx[k - 1])) continue;
      std::int64_t p = filled < k ? filled++ : k - 1;
      while (p > 0 && before<T, largest>(v, i, vals[p - 1], idx[p - 1])) {
        vals[p] = vals[p - 1];
        idx[p] = idx[p - 1];
        --p;
      }
      vals[p] = v;
      idx[p] = i;
    }
    return;
  }
  for (std::int64_t i = 0; i < len; ++i) order[i] = i;
  std::partial_sort(order, order + k, order + len,
                    [row](std::int64_t a, std::int64_t b) { return before<T, largest>(row[a], a, row[b], b); });
  for (std::int64_t j = 0; j < k; ++j) {
    idx[j] = order[j];
    vals[j] = row[order[j]];
  }
}

template <class T>
class TopKStep final : public Step {
public:
  TopKStep(TopKShape s, bool largest, bool wantValues, bool wantIndices)
      : m_s(s), m_largest(largest), m_values(wantValues), m_indices(wantIndices) {}

  // Per thread: a gathered row (strided axes), k values, k indices, and the partial_sort index array.
  static std::size_t scratchPerThread(const TopKShape& s) {
    const auto up = [](std::size_t b) { return (b + 63) / 64 * 64; };
    return up(s.len * sizeof(T)) + up(s.k * sizeof(T)) + up(s.k * 8) + up(s.k > kInsertionMaxK ? s.len * 8 : 0);
  }

  void run(const ExecContext& ctx) const noexcept override {
    const TopKShape s = m_s;
    const T* x = ctx.in<T>(0);
    T* yv = ctx.out<T>(0);
    auto* yi = ctx.out<std::int64_t>(1);
    const std::size_t per = scratchPerThread(s);
    const std::int64_t rows = s.outer * s.inner;
    const auto up = [](std::size_t b) { return (b + 63) / 64 * 64; };
#pragma omp parallel num_threads(ctx.threads) if (rows * s.len > 8192)
    {
      std::byte* mine = ctx.scratch() + per * static_cast<std::size_t>(omp_get_thread_num());
      T* gathered = reinterpret_cast<T*>(mine);
      T* vals = reinterpret_cast<T*>(mine + up(s.len * sizeof(T)));
      auto* idx = reinterpret_cast<std::int64_t*>(mine + up(s.len * sizeof(T)) + up(s.k * sizeof(T)));
      auto* order = idx + (up(s.k * 8) / 8);
#pragma omp for schedule(static)
      for (std::int64_t r = 0; r < rows; ++r) {
        const std::int64_t o = r / s.inner, in = r % s.inner;
        const T* row = x + o * s.len * s.inner + in;
        if (s.inner != 1) {
          for (std::int64_t i = 0; i < s.len; ++i) gathered[i] = row[i * s.inner];
          row = gathered;
        }
        if (m_largest) selectRow<T, true>(row, s.len, s.k, vals, idx, order);
        else selectRow<T, false>(row, s.len, s.k, vals, idx, order);
        const std::int64_t base = o * s.k * s.inner + in;
        for (std::int64_t j = 0; j < s.k; ++j) {
          if (m_values) yv[base + j * s.inner] = vals[j];
          if (m_indices) yi[base + j * s.inner] = idx[j];
        }
      }
    }
  }
  std::string describe() const override {
    return m_s.k <= kInsertionMaxK ? "own insertion select" : "own partial_sort";
  }

private:
  TopKShape m_s;
  bool m_largest, m_values, m_indices;
};

class TopKKernel final : public Kernel {
public:
  explicit TopKKernel(const KernelArgs& a)
      : m_axis(a.node.attrs.getInt("axis", -1)), m_largest(a.node.attrs.getInt("largest", 1) != 0) {
    // Unsorted output may come in any order; sorted is one valid order, so the flag needs no separate path.
    a.node.attrs.getInt("sorted", 1);
  }
  bool shapeNeedsValue(int input) const override { return input == 1; }

  TopKShape shape(const ShapeContext& ctx) const {
    const Dims& x = ctx.inputDims(0);
    const auto ax = normalizeAxis(m_axis, x.size());
    if (ctx.inputType(1) != DType::Int64) fail("K of type ", dtypeName(ctx.inputType(1)), " is not supported");
    const auto kv = ctx.inputValue(1)->toInt64();
    if (kv.size() != 1) fail("K must hold one value");
    TopKShape s;
    s.k = kv[0];
    s.len = x[ax];
    if (s.k < 0 || s.k > s.len) fail("K = ", s.k, " is out of range for axis size ", s.len);
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(x.size()); ++i) {
      if (i < ax) s.outer *= x[i];
      if (i > ax) s.inner *= x[i];
    }
    return s;
  }

  void inferShapes(ShapeContext& ctx) const override {
    const DType t = ctx.inputType(0);
    if (t != DType::Float32 && t != DType::Float64 && t != DType::Int32 && t != DType::Int64)
      fail("input of type ", dtypeName(t), " is not supported");
    Dims y = ctx.inputDims(0);
    y[normalizeAxis(m_axis, y.size())] = shape(ctx).k;
    ctx.setOutput(0, t, y);
    ctx.setOutput(1, DType::Int64, y);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.requirePlainInput(0);
    const TopKShape s = shape(PlanShapeView(ctx));
    const bool v = ctx.hasOutput(0), i = ctx.hasOutput(1);
    switch (ctx.inputType(0)) {
      case DType::Float32: return make<float>(ctx, s, v, i);
      case DType::Float64: return make<double>(ctx, s, v, i);
      case DType::Int32: return make<std::int32_t>(ctx, s, v, i);
      default: return make<std::int64_t>(ctx, s, v, i);
    }
  }

private:
  template <class T>
  std::unique_ptr<Step> make(PlanContext& ctx, const TopKShape& s, bool v, bool i) const {
    ctx.requestScratch(TopKStep<T>::scratchPerThread(s) * static_cast<std::size_t>(std::max(1, ctx.threads())));
    return std::make_unique<TopKStep<T>>(s, m_largest, v, i);
  }

  std::int64_t m_axis;
  bool m_largest;
};

}  // namespace

std::unique_ptr<Kernel> makeTopK(const KernelArgs& a) { return std::make_unique<TopKKernel>(a); }

}  // namespace e2e::runtime::cpu
