// Expand: broadcast the input to a shape known at plan time (any element type). Each output row is either a
// contiguous copy of an input row or one repeated element.
#include <omp.h>

#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/Broadcast.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

template <class T>
void expandRows(const BroadcastLoops& l, const T* x, T* y, int threads) {
  const std::int64_t inner = l.inner(), sx = l.innerStride(0);
#pragma omp parallel for num_threads(threads) if (l.total > 65536) schedule(static)
  for (std::int64_t row = 0; row < l.rows(); ++row) {
    const T* px = x + l.rowOffset(0, row);
    T* py = y + row * inner;
    if (sx == 1) {
      std::memcpy(py, px, static_cast<std::size_t>(inner) * sizeof(T));
    } else {
      const T v = px[0];
      for (std::int64_t i = 0; i < inner; ++i) py[i] = v;
    }
  }
}

class ExpandStep final : public Step {
public:
  ExpandStep(std::size_t elem, BroadcastLoops loops) : m_elem(elem), m_loops(std::move(loops)) {}
  void run(const ExecContext& ctx) const noexcept override {
    switch (m_elem) {
      case 1: return expandRows(m_loops, ctx.in<std::uint8_t>(0), ctx.out<std::uint8_t>(0), ctx.threads);
      case 2: return expandRows(m_loops, ctx.in<std::uint16_t>(0), ctx.out<std::uint16_t>(0), ctx.threads);
      case 4: return expandRows(m_loops, ctx.in<std::uint32_t>(0), ctx.out<std::uint32_t>(0), ctx.threads);
      default: return expandRows(m_loops, ctx.in<std::uint64_t>(0), ctx.out<std::uint64_t>(0), ctx.threads);
    }
  }
  std::string describe() const override { return "own broadcast copy"; }

private:
  std::size_t m_elem;
  BroadcastLoops m_loops;
};

class ExpandKernel final : public Kernel {
public:
  explicit ExpandKernel(const KernelArgs&) {}
  bool shapeNeedsValue(int input) const override { return input == 1; }

  void inferShapes(ShapeContext& ctx) const override {
    const DType st = ctx.inputType(1);
    if (st != DType::Int64) fail("shape of type ", dtypeName(st), " is not supported (int64 expected)");
    if (ctx.inputDims(1).size() != 1) fail("shape must be 1-D, got ", dimsToString(ctx.inputDims(1)));
    const Dims shape = ctx.inputValue(1)->toInt64();
    for (auto d : shape)
      if (d < 0) fail("negative dimension ", d, " in shape ", dimsToString(shape));
    ctx.setOutput(0, ctx.inputType(0), broadcastShape({ctx.inputDims(0), shape}));
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.requirePlainInput(0);
    return std::make_unique<ExpandStep>(dtypeSize(ctx.inputType(0)), makeBroadcastLoops({ctx.inputDims(0)}, ctx.outputDims(0)));
  }
};

}  // namespace

std::unique_ptr<Kernel> makeExpand(const KernelArgs& a) { return std::make_unique<ExpandKernel>(a); }

}  // namespace e2e::runtime::cpu
