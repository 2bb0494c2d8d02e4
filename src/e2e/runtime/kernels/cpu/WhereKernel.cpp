// Where(cond, x, y) with three-way numpy broadcasting, any element type (elements moved as raw bits).
#include <omp.h>

#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/Broadcast.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

template <class T>
void whereLoops(const BroadcastLoops& l, const std::uint8_t* c, const T* x, const T* y, T* out, int threads) {
  const std::int64_t inner = l.inner();
  const std::int64_t sc = l.innerStride(0), sx = l.innerStride(1), sy = l.innerStride(2);
#pragma omp parallel for num_threads(threads) if (l.total > 65536) schedule(static)
  for (std::int64_t row = 0; row < l.rows(); ++row) {
    const std::uint8_t* pc = c + l.rowOffset(0, row);
    const T* px = x + l.rowOffset(1, row);
    const T* py = y + l.rowOffset(2, row);
    T* po = out + row * inner;
    if (sc == 1 && sx == 1 && sy == 1) {
      for (std::int64_t i = 0; i < inner; ++i) po[i] = pc[i] ? px[i] : py[i];
    } else if (sc == 1 && sx == 0 && sy == 1) {
      const T vx = px[0];
      for (std::int64_t i = 0; i < inner; ++i) po[i] = pc[i] ? vx : py[i];
    } else if (sc == 1 && sx == 1 && sy == 0) {
      const T vy = py[0];
      for (std::int64_t i = 0; i < inner; ++i) po[i] = pc[i] ? px[i] : vy;
    } else {
      for (std::int64_t i = 0; i < inner; ++i) po[i] = pc[i * sc] ? px[i * sx] : py[i * sy];
    }
  }
}

class WhereStep final : public Step {
public:
  WhereStep(std::size_t elem, BroadcastLoops loops) : m_elem(elem), m_loops(std::move(loops)) {}
  void run(const ExecContext& ctx) const noexcept override {
    const auto* c = ctx.in<std::uint8_t>(0);
    switch (m_elem) {
      case 1: return whereLoops(m_loops, c, ctx.in<std::uint8_t>(1), ctx.in<std::uint8_t>(2), ctx.out<std::uint8_t>(0), ctx.threads);
      case 2: return whereLoops(m_loops, c, ctx.in<std::uint16_t>(1), ctx.in<std::uint16_t>(2), ctx.out<std::uint16_t>(0), ctx.threads);
      case 4: return whereLoops(m_loops, c, ctx.in<std::uint32_t>(1), ctx.in<std::uint32_t>(2), ctx.out<std::uint32_t>(0), ctx.threads);
      default: return whereLoops(m_loops, c, ctx.in<std::uint64_t>(1), ctx.in<std::uint64_t>(2), ctx.out<std::uint64_t>(0), ctx.threads);
    }
  }
  std::string describe() const override { return "own broadcast"; }

private:
  std::size_t m_elem;
  BroadcastLoops m_loops;
};

class WhereKernel final : public Kernel {
public:
  explicit WhereKernel(const KernelArgs&) {}

  void inferShapes(ShapeContext& ctx) const override {
    if (ctx.inputType(0) != DType::Bool) fail("condition of type ", dtypeName(ctx.inputType(0)), " is not supported");
    if (ctx.inputType(1) != ctx.inputType(2))
      fail("X and Y types differ: ", dtypeName(ctx.inputType(1)), " and ", dtypeName(ctx.inputType(2)));
    ctx.setOutput(0, ctx.inputType(1), broadcastShape({ctx.inputDims(0), ctx.inputDims(1), ctx.inputDims(2)}));
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    for (int i = 0; i < 3; ++i) ctx.requirePlainInput(i);
    return std::make_unique<WhereStep>(dtypeSize(ctx.inputType(1)),
                                       makeBroadcastLoops({ctx.inputDims(0), ctx.inputDims(1), ctx.inputDims(2)}, ctx.outputDims(0)));
  }
};

}  // namespace

std::unique_ptr<Kernel> makeWhere(const KernelArgs& a) { return std::make_unique<WhereKernel>(a); }

}  // namespace e2e::runtime::cpu
