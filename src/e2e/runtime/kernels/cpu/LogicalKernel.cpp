// And, Or, Xor (numpy broadcasting) and Not on bool tensors (one byte per element, 0 or 1).
#include <omp.h>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/Broadcast.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

enum class Logic { And, Or, Xor, Not };

template <Logic op>
inline std::uint8_t apply(std::uint8_t a, std::uint8_t b) {
  if constexpr (op == Logic::And) return a & b;
  if constexpr (op == Logic::Or) return a | b;
  if constexpr (op == Logic::Xor) return a ^ b;
  return a ^ 1;
}

template <Logic op>
void logicLoops(const BroadcastLoops& l, const std::uint8_t* a, const std::uint8_t* b, std::uint8_t* y, int threads) {
  const std::int64_t inner = l.inner(), sa = l.innerStride(0), sb = op == Logic::Not ? 0 : l.innerStride(1);
#pragma omp parallel for num_threads(threads) if (l.total > 65536) schedule(static)
  for (std::int64_t row = 0; row < l.rows(); ++row) {
    const std::uint8_t* pa = a + l.rowOffset(0, row);
    const std::uint8_t* pb = op == Logic::Not ? pa : b + l.rowOffset(1, row);
    std::uint8_t* py = y + row * inner;
    for (std::int64_t i = 0; i < inner; ++i) py[i] = apply<op>(pa[i * sa] != 0, pb[i * sb] != 0);
  }
}

class LogicalStep final : public Step {
public:
  LogicalStep(Logic op, BroadcastLoops loops) : m_op(op), m_loops(std::move(loops)) {}
  void run(const ExecContext& ctx) const noexcept override {
    const auto* a = ctx.in<std::uint8_t>(0);
    const auto* b = m_op == Logic::Not ? a : ctx.in<std::uint8_t>(1);
    auto* y = ctx.out<std::uint8_t>(0);
    switch (m_op) {
      case Logic::And: return logicLoops<Logic::And>(m_loops, a, b, y, ctx.threads);
      case Logic::Or: return logicLoops<Logic::Or>(m_loops, a, b, y, ctx.threads);
      case Logic::Xor: return logicLoops<Logic::Xor>(m_loops, a, b, y, ctx.threads);
      case Logic::Not: return logicLoops<Logic::Not>(m_loops, a, b, y, ctx.threads);
    }
  }
  std::string describe() const override { return "own broadcast"; }

private:
  Logic m_op;
  BroadcastLoops m_loops;
};

class LogicalKernel final : public Kernel {
public:
  explicit LogicalKernel(const KernelArgs& a) {
    const std::string& t = a.node.opType;
    m_op = t == "And" ? Logic::And : t == "Or" ? Logic::Or : t == "Xor" ? Logic::Xor : Logic::Not;
  }

  std::vector<Dims> operands(const ShapeContext& ctx) const {
    if (m_op == Logic::Not) return {ctx.inputDims(0)};
    return {ctx.inputDims(0), ctx.inputDims(1)};
  }

  void inferShapes(ShapeContext& ctx) const override {
    for (int i = 0; i < ctx.inputCount(); ++i)
      if (ctx.inputType(i) != DType::Bool) fail("input of type ", dtypeName(ctx.inputType(i)), " is not supported (bool only)");
    ctx.setOutput(0, DType::Bool, broadcastShape(operands(ctx)));
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    for (int i = 0; i < ctx.inputCount(); ++i) ctx.requirePlainInput(i);
    std::vector<Dims> ops{ctx.inputDims(0)};
    if (m_op != Logic::Not) ops.push_back(ctx.inputDims(1));
    return std::make_unique<LogicalStep>(m_op, makeBroadcastLoops(ops, ctx.outputDims(0)));
  }

private:
  Logic m_op = Logic::And;
};

}  // namespace

std::unique_ptr<Kernel> makeLogical(const KernelArgs& a) { return std::make_unique<LogicalKernel>(a); }

}  // namespace e2e::runtime::cpu
