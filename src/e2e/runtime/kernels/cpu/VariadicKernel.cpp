// Max, Min, Sum, Mean over any number of inputs with numpy broadcasting: the first input is broadcast into the
// output, every further one is folded in with a broadcast loop (the output is the loop's first operand).
#include <omp.h>

#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/Broadcast.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

enum class Fold { Max, Min, Sum, Mean };

template <Fold f, class T>
inline T combine(T a, T b) {
  if constexpr (f == Fold::Max) return a < b ? b : a;
  if constexpr (f == Fold::Min) return b < a ? b : a;
  return static_cast<T>(a + b);
}

template <class T>
void broadcastInto(const BroadcastLoops& l, const T* x, T* y) {
  const std::int64_t inner = l.inner(), sx = l.innerStride(0);
  for (std::int64_t row = 0; row < l.rows(); ++row) {
    const T* px = x + l.rowOffset(0, row);
    T* py = y + row * inner;
    for (std::int64_t i = 0; i < inner; ++i) py[i] = px[i * sx];
  }
}

template <Fold f, class T>
void foldInto(const BroadcastLoops& l, const T* x, T* y, int threads) {
  const std::int64_t inner = l.inner(), sx = l.innerStride(1);
#pragma omp parallel for num_threads(threads) if (l.total > 65536) schedule(static)
  for (std::int64_t row = 0; row < l.rows(); ++row) {
    const T* px = x + l.rowOffset(1, row);
    T* py = y + row * inner;
    if (sx == 1) {
      for (std::int64_t i = 0; i < inner; ++i) py[i] = combine<f>(py[i], px[i]);
    } else {
      for (std::int64_t i = 0; i < inner; ++i) py[i] = combine<f>(py[i], px[i * sx]);
    }
  }
}

template <class T>
class VariadicStep final : public Step {
public:
  VariadicStep(Fold f, std::vector<BroadcastLoops> loops) : m_fold(f), m_loops(std::move(loops)) {}
  void run(const ExecContext& ctx) const noexcept override {
    T* y = ctx.out<T>(0);
    broadcastInto(m_loops[0], ctx.in<T>(0), y);
    for (std::size_t k = 1; k < m_loops.size(); ++k) {
      const T* x = ctx.in<T>(static_cast<int>(k));
      switch (m_fold) {
        case Fold::Max: foldInto<Fold::Max>(m_loops[k], x, y, ctx.threads); break;
        case Fold::Min: foldInto<Fold::Min>(m_loops[k], x, y, ctx.threads); break;
        default: foldInto<Fold::Sum>(m_loops[k], x, y, ctx.threads); break;
      }
    }
    if (m_fold == Fold::Mean) {
      const T n = static_cast<T>(m_loops.size());
      for (std::int64_t i = 0; i < m_loops[0].total; ++i) y[i] /= n;
    }
  }
  std::string describe() const override { return "own broadcast fold"; }

private:
  Fold m_fold;
  std::vector<BroadcastLoops> m_loops;
};

class VariadicKernel final : public Kernel {
public:
  explicit VariadicKernel(const KernelArgs& a) {
    const std::string& t = a.node.opType;
    m_fold = t == "Max" ? Fold::Max : t == "Min" ? Fold::Min : t == "Sum" ? Fold::Sum : Fold::Mean;
    if (a.node.inputs.empty()) fail("needs at least one input");
  }

  void inferShapes(ShapeContext& ctx) const override {
    const DType t = ctx.inputType(0);
    const bool isFloat = t == DType::Float32 || t == DType::Float64;
    if (!isFloat && !((t == DType::Int32 || t == DType::Int64) && m_fold != Fold::Mean))
      fail("input of type ", dtypeName(t), " is not supported");
    std::vector<Dims> shapes;
    for (int i = 0; i < ctx.inputCount(); ++i) {
      if (ctx.inputType(i) != t) fail("inputs have different types");
      shapes.push_back(ctx.inputDims(i));
    }
    ctx.setOutput(0, t, broadcastShape(shapes));
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    const Dims& y = ctx.outputDims(0);
    std::vector<BroadcastLoops> loops;
    for (int i = 0; i < ctx.inputCount(); ++i) {
      ctx.requirePlainInput(i);
      loops.push_back(i == 0 ? makeBroadcastLoops({ctx.inputDims(0)}, y) : makeBroadcastLoops({y, ctx.inputDims(i)}, y));
    }
    switch (ctx.inputType(0)) {
      case DType::Float32: return std::make_unique<VariadicStep<float>>(m_fold, std::move(loops));
      case DType::Float64: return std::make_unique<VariadicStep<double>>(m_fold, std::move(loops));
      case DType::Int32: return std::make_unique<VariadicStep<std::int32_t>>(m_fold, std::move(loops));
      default: return std::make_unique<VariadicStep<std::int64_t>>(m_fold, std::move(loops));
    }
  }

private:
  Fold m_fold = Fold::Max;
};

}  // namespace

std::unique_ptr<Kernel> makeVariadic(const KernelArgs& a) { return std::make_unique<VariadicKernel>(a); }

}  // namespace e2e::runtime::cpu
