#include "e2e/runtime/kernels/cpu/ContiguousReduce.hpp"

#include <omp.h>

#include <limits>

namespace e2e::runtime::cpu {
namespace {

enum class Red { Max, Min, Sum, Mean };

template <Red r>
inline float combine(float a, float b) {
  if constexpr (r == Red::Max) return a < b ? b : a;
  if constexpr (r == Red::Min) return b < a ? b : a;
  return a + b;
}

template <Red r>
void reduceRows(const float* x, float* y, std::int64_t outer, std::int64_t len, std::int64_t inner, int threads) {
  const float init = r == Red::Max ? -std::numeric_limits<float>::infinity()
                     : r == Red::Min ? std::numeric_limits<float>::infinity() : 0.f;
  const float scale = r == Red::Mean && len > 0 ? 1.f / static_cast<float>(len) : 1.f;
#pragma omp parallel for num_threads(threads) if (outer * len * inner > 32768) schedule(static)
  for (std::int64_t o = 0; o < outer; ++o) {
    const float* xo = x + o * len * inner;
    float* yo = y + o * inner;
    if (inner == 1) {
      float acc = init;
      if constexpr (r == Red::Max) {
#pragma omp simd reduction(max : acc)
        for (std::int64_t k = 0; k < len; ++k) acc = acc < xo[k] ? xo[k] : acc;
      } else if constexpr (r == Red::Min) {
#pragma omp simd reduction(min : acc)
        for (std::int64_t k = 0; k < len; ++k) acc = xo[k] < acc ? xo[k] : acc;
      } else {
#pragma omp simd reduction(+ : acc)
        for (std::int64_t k = 0; k < len; ++k) acc += xo[k];
      }
      yo[0] = acc * scale;
      continue;
    }
    // Reduce across rows: each step is a contiguous, vectorised pass over `inner` values.
    for (std::int64_t i = 0; i < inner; ++i) yo[i] = init;
    for (std::int64_t k = 0; k < len; ++k) {
      const float* row = xo + k * inner;
#pragma omp simd
      for (std::int64_t i = 0; i < inner; ++i) yo[i] = combine<r>(yo[i], row[i]);
    }
    if constexpr (r == Red::Mean)
      for (std::int64_t i = 0; i < inner; ++i) yo[i] *= scale;
  }
}

class ContiguousReduceStep final : public Step {
public:
  ContiguousReduceStep(Red r, std::int64_t outer, std::int64_t len, std::int64_t inner)
      : m_red(r), m_outer(outer), m_len(len), m_inner(inner) {}
  void run(const ExecContext& ctx) const noexcept override {
    const float* x = ctx.in<float>(0);
    float* y = ctx.out<float>(0);
    switch (m_red) {
      case Red::Max: return reduceRows<Red::Max>(x, y, m_outer, m_len, m_inner, ctx.threads);
      case Red::Min: return reduceRows<Red::Min>(x, y, m_outer, m_len, m_inner, ctx.threads);
      case Red::Sum: return reduceRows<Red::Sum>(x, y, m_outer, m_len, m_inner, ctx.threads);
      case Red::Mean: return reduceRows<Red::Mean>(x, y, m_outer, m_len, m_inner, ctx.threads);
    }
  }
  std::string describe() const override { return "own contiguous-axes reduction"; }

private:
  Red m_red;
  std::int64_t m_outer, m_len, m_inner;
};

}  // namespace

std::unique_ptr<Step> makeContiguousReduceStep(dnnl::algorithm alg, const Dims& x, const Dims& keep) {
  Red r;
  switch (alg) {
    case dnnl::algorithm::reduction_max: r = Red::Max; break;
    case dnnl::algorithm::reduction_min: r = Red::Min; break;
    case dnnl::algorithm::reduction_sum: r = Red::Sum; break;
    case dnnl::algorithm::reduction_mean: r = Red::Mean; break;
    default: return nullptr;
  }
  // Find the one run of reduced axes (size-1 axes count as either side).
  std::int64_t outer = 1, len = 1, inner = 1;
  int phase = 0;  // 0: before the run, 1: inside, 2: after
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i] == 1) continue;
    const bool reduced = keep[i] == 1;
    if (reduced && phase == 2) return nullptr;
    if (reduced) phase = 1;
    else if (phase == 1) phase = 2;
    (phase == 0 ? outer : phase == 1 ? len : inner) *= x[i];
  }
  return std::make_unique<ContiguousReduceStep>(r, outer, len, inner);
}

}  // namespace e2e::runtime::cpu
