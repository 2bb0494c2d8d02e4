// ArgMax / ArgMin along one axis (keepdims, select_last_index), int64 output. Ties go to the first index unless
// select_last_index asks for the last; NaN is never selected over a number (comparisons with NaN are false).
#include <omp.h>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/Broadcast.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

struct ArgShape {
  std::int64_t outer = 1, len = 1, inner = 1;
};

template <class T, bool isMax>
void argReduce(const ArgShape& s, bool last, const T* x, std::int64_t* y, int threads) {
#pragma omp parallel for num_threads(threads) if (s.outer * s.len * s.inner > 65536) schedule(static)
  for (std::int64_t o = 0; o < s.outer; ++o) {
    for (std::int64_t in = 0; in < s.inner; ++in) {
      const T* p = x + o * s.len * s.inner + in;
      std::int64_t best = 0;
      T v = p[0];
      for (std::int64_t i = 1; i < s.len; ++i) {
        const T c = p[i * s.inner];
        const bool better = isMax ? (last ? c >= v : c > v) : (last ? c <= v : c < v);
        if (better) {
          v = c;
          best = i;
        }
      }
      y[o * s.inner + in] = best;
    }
  }
}

template <class T>
class ArgStep final : public Step {
public:
  ArgStep(ArgShape s, bool isMax, bool last) : m_s(s), m_max(isMax), m_last(last) {}
  void run(const ExecContext& ctx) const noexcept override {
    if (m_s.len == 0) return;
    if (m_max) argReduce<T, true>(m_s, m_last, ctx.in<T>(0), ctx.out<std::int64_t>(0), ctx.threads);
    else argReduce<T, false>(m_s, m_last, ctx.in<T>(0), ctx.out<std::int64_t>(0), ctx.threads);
  }
  std::string describe() const override { return "own"; }

private:
  ArgShape m_s;
  bool m_max, m_last;
};

class ArgReduceKernel final : public Kernel {
public:
  explicit ArgReduceKernel(const KernelArgs& a)
      : m_max(a.node.opType == "ArgMax"), m_axis(a.node.attrs.getInt("axis", 0)),
        m_keep(a.node.attrs.getInt("keepdims", 1) != 0), m_last(a.node.attrs.getInt("select_last_index", 0) != 0) {}

  void inferShapes(ShapeContext& ctx) const override {
    const DType t = ctx.inputType(0);
    if (t != DType::Float32 && t != DType::Float64 && t != DType::Int32 && t != DType::Int64)
      fail("input of type ", dtypeName(t), " is not supported");
    const Dims& x = ctx.inputDims(0);
    const auto ax = normalizeAxis(m_axis, x.size());
    if (x[ax] == 0) fail("cannot reduce an empty axis");
    Dims y;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (static_cast<std::int64_t>(i) != ax) y.push_back(x[i]);
      else if (m_keep) y.push_back(1);
    }
    ctx.setOutput(0, DType::Int64, y);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.requirePlainInput(0);
    const Dims& x = ctx.inputDims(0);
    const auto ax = normalizeAxis(m_axis, x.size());
    ArgShape s;
    s.len = x[ax];
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(x.size()); ++i) {
      if (i < ax) s.outer *= x[i];
      if (i > ax) s.inner *= x[i];
    }
    switch (ctx.inputType(0)) {
      case DType::Float32: return std::make_unique<ArgStep<float>>(s, m_max, m_last);
      case DType::Float64: return std::make_unique<ArgStep<double>>(s, m_max, m_last);
      case DType::Int32: return std::make_unique<ArgStep<std::int32_t>>(s, m_max, m_last);
      default: return std::make_unique<ArgStep<std::int64_t>>(s, m_max, m_last);
    }
  }

private:
  bool m_max;
  std::int64_t m_axis;
  bool m_keep, m_last;
};

}  // namespace

std::unique_ptr<Kernel> makeArgReduce(const KernelArgs& a) { return std::make_unique<ArgReduceKernel>(a); }

}  // namespace e2e::runtime::cpu
