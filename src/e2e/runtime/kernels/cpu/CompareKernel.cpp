// Equal, Greater, Less, GreaterOrEqual, LessOrEqual with numpy broadcasting; the output is bool (one byte).
#include <omp.h>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/Broadcast.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

enum class Cmp { Eq, Gt, Lt, Ge, Le };

template <Cmp c, class T>
inline bool compare(T a, T b) {
  if constexpr (c == Cmp::Eq) return a == b;
  if constexpr (c == Cmp::Gt) return a > b;
  if constexpr (c == Cmp::Lt) return a < b;
  if constexpr (c == Cmp::Ge) return a >= b;
  return a <= b;
}

template <Cmp c, class T>
void compareLoops(const BroadcastLoops& l, const T* a, const T* b, bool* y, int threads) {
  const std::int64_t inner = l.inner(), sa = l.innerStride(0), sb = l.innerStride(1);
#pragma omp parallel for num_threads(threads) if (l.total > 65536) schedule(static)
  for (std::int64_t row = 0; row < l.rows(); ++row) {
    const T* pa = a + l.rowOffset(0, row);
    const T* pb = b + l.rowOffset(1, row);
    bool* py = y + row * inner;
    // Separate loops per stride pattern so each one vectorises.
    if (sa == 1 && sb == 1) {
      for (std::int64_t i = 0; i < inner; ++i) py[i] = compare<c>(pa[i], pb[i]);
    } else if (sa == 1) {
      const T s = pb[0];
      for (std::int64_t i = 0; i < inner; ++i) py[i] = compare<c>(pa[i], s);
    } else if (sb == 1) {
      const T s = pa[0];
      for (std::int64_t i = 0; i < inner; ++i) py[i] = compare<c>(s, pb[i]);
    } else {
      const bool v = compare<c>(pa[0], pb[0]);
      for (std::int64_t i = 0; i < inner; ++i) py[i] = v;
    }
  }
}

template <class T>
class CompareStep final : public Step {
public:
  CompareStep(Cmp cmp, BroadcastLoops loops) : m_cmp(cmp), m_loops(std::move(loops)) {}
  void run(const ExecContext& ctx) const noexcept override {
    const T* a = ctx.in<T>(0);
    const T* b = ctx.in<T>(1);
    bool* y = ctx.out<bool>(0);
    switch (m_cmp) {
      case Cmp::Eq: return compareLoops<Cmp::Eq>(m_loops, a, b, y, ctx.threads);
      case Cmp::Gt: return compareLoops<Cmp::Gt>(m_loops, a, b, y, ctx.threads);
      case Cmp::Lt: return compareLoops<Cmp::Lt>(m_loops, a, b, y, ctx.threads);
      case Cmp::Ge: return compareLoops<Cmp::Ge>(m_loops, a, b, y, ctx.threads);
      case Cmp::Le: return compareLoops<Cmp::Le>(m_loops, a, b, y, ctx.threads);
    }
  }
  std::string describe() const override { return "own broadcast"; }

private:
  Cmp m_cmp;
  BroadcastLoops m_loops;
};

class CompareKernel final : public Kernel {
public:
  explicit CompareKernel(const KernelArgs& a) {
    const std::string& t = a.node.opType;
    m_cmp = t == "Equal" ? Cmp::Eq : t == "Greater" ? Cmp::Gt : t == "Less" ? Cmp::Lt : t == "GreaterOrEqual" ? Cmp::Ge : Cmp::Le;
  }

  void inferShapes(ShapeContext& ctx) const override {
    const DType t = ctx.inputType(0);
    if (t != ctx.inputType(1)) fail("input types differ: ", dtypeName(t), " and ", dtypeName(ctx.inputType(1)));
    const bool ok = t == DType::Float32 || t == DType::Float64 || t == DType::Int32 || t == DType::Int64 ||
                    t == DType::Int8 || t == DType::UInt8 || (t == DType::Bool && m_cmp == Cmp::Eq);
    if (!ok) fail("input of type ", dtypeName(t), " is not supported");
    ctx.setOutput(0, DType::Bool, broadcastShape({ctx.inputDims(0), ctx.inputDims(1)}));
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.requirePlainInput(0);
    ctx.requirePlainInput(1);
    BroadcastLoops l = makeBroadcastLoops({ctx.inputDims(0), ctx.inputDims(1)}, ctx.outputDims(0));
    switch (ctx.inputType(0)) {
      case DType::Float32: return std::make_unique<CompareStep<float>>(m_cmp, std::move(l));
      case DType::Float64: return std::make_unique<CompareStep<double>>(m_cmp, std::move(l));
      case DType::Int32: return std::make_unique<CompareStep<std::int32_t>>(m_cmp, std::move(l));
      case DType::Int64: return std::make_unique<CompareStep<std::int64_t>>(m_cmp, std::move(l));
      case DType::Int8: return std::make_unique<CompareStep<std::int8_t>>(m_cmp, std::move(l));
      default: return std::make_unique<CompareStep<std::uint8_t>>(m_cmp, std::move(l));  // uint8, bool
    }
  }

private:
  Cmp m_cmp = Cmp::Eq;
};

}  // namespace

std::unique_ptr<Kernel> makeCompare(const KernelArgs& a) { return std::make_unique<CompareKernel>(a); }

}  // namespace e2e::runtime::cpu
