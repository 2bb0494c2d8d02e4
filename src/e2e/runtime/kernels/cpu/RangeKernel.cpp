// Range(start, limit, delta): its length depends on the values, so all three must be known at plan time (as
// they are in exported models); the step then writes start + i * delta.
#include <cmath>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

template <class T>
class RangeStep final : public Step {
public:
  RangeStep(T start, T delta, std::int64_t n) : m_start(start), m_delta(delta), m_n(n) {}
  void run(const ExecContext& ctx) const noexcept override {
    T* y = ctx.out<T>(0);
    for (std::int64_t i = 0; i < m_n; ++i) y[i] = static_cast<T>(m_start + static_cast<T>(i) * m_delta);
  }
  std::string describe() const override { return "own"; }

private:
  T m_start, m_delta;
  std::int64_t m_n;
};

template <class T>
T scalar(const Tensor& t) {
  return *t.data<T>();
}

template <class T>
std::int64_t rangeLength(const Tensor& s, const Tensor& l, const Tensor& d) {
  const double start = static_cast<double>(scalar<T>(s)), limit = static_cast<double>(scalar<T>(l));
  const double delta = static_cast<double>(scalar<T>(d));
  if (delta == 0) fail("delta must not be zero");
  return std::max<std::int64_t>(0, static_cast<std::int64_t>(std::ceil((limit - start) / delta)));
}

class RangeKernel final : public Kernel {
public:
  explicit RangeKernel(const KernelArgs&) {}
  bool shapeNeedsValue(int) const override { return true; }

  void inferShapes(ShapeContext& ctx) const override {
    const DType t = ctx.inputType(0);
    for (int i = 0; i < 3; ++i) {
      if (ctx.inputType(i) != t) fail("inputs must share one type");
      if (numel(ctx.inputDims(i)) != 1) fail("input ", i, " must be a scalar");
    }
    ctx.setOutput(0, t, {length(ctx)});
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    const std::int64_t n = numel(ctx.outputDims(0));
    const Tensor& s = *ctx.inputValue(0);
    const Tensor& d = *ctx.inputValue(2);
    switch (ctx.inputType(0)) {
      case DType::Float32: return std::make_unique<RangeStep<float>>(scalar<float>(s), scalar<float>(d), n);
      case DType::Float64: return std::make_unique<RangeStep<double>>(scalar<double>(s), scalar<double>(d), n);
      case DType::Int32: return std::make_unique<RangeStep<std::int32_t>>(scalar<std::int32_t>(s), scalar<std::int32_t>(d), n);
      default: return std::make_unique<RangeStep<std::int64_t>>(scalar<std::int64_t>(s), scalar<std::int64_t>(d), n);
    }
  }

private:
  static std::int64_t length(const ShapeContext& ctx) {
    const Tensor &s = *ctx.inputValue(0), &l = *ctx.inputValue(1), &d = *ctx.inputValue(2);
    switch (ctx.inputType(0)) {
      case DType::Float32: return rangeLength<float>(s, l, d);
      case DType::Float64: return rangeLength<double>(s, l, d);
      case DType::Int32: return rangeLength<std::int32_t>(s, l, d);
      case DType::Int64: return rangeLength<std::int64_t>(s, l, d);
      default: fail("inputs of type ", dtypeName(ctx.inputType(0)), " are not supported");
    }
  }
};

}  // namespace

std::unique_ptr<Kernel> makeRange(const KernelArgs& a) { return std::make_unique<RangeKernel>(a); }

}  // namespace e2e::runtime::cpu
