// Log with libm's correctly rounded logf. oneDNN 2.6's eltwise_log is a polynomial that is off by ~1.4e-6
// absolute near x = 1 (log(1) comes out as -1.4e-6), which fails ONNX's atol of 1e-7; Log is rare enough in
// models that scalar libm speed is no concern.
#include <omp.h>

#include <cmath>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

class LogStep final : public Step {
public:
  explicit LogStep(std::int64_t n) : m_n(n) {}
  void run(const ExecContext& ctx) const noexcept override {
    const float* x = ctx.in<float>(0);
    float* y = ctx.out<float>(0);
#pragma omp parallel for num_threads(ctx.threads) if (m_n > 16384) schedule(static)
    for (std::int64_t i = 0; i < m_n; ++i) y[i] = std::log(x[i]);
  }
  std::string describe() const override { return "own libm"; }

private:
  std::int64_t m_n;
};

class LogKernel final : public Kernel {
public:
  explicit LogKernel(const KernelArgs&) {}
  void inferShapes(ShapeContext& ctx) const override {
    if (ctx.inputType(0) != DType::Float32) fail("input of type ", dtypeName(ctx.inputType(0)), " is not supported");
    ctx.setOutput(0, DType::Float32, ctx.inputDims(0));
  }
  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.requirePlainInput(0);
    ctx.tryInPlace(0, 0);
    return std::make_unique<LogStep>(numel(ctx.inputDims(0)));
  }
};

}  // namespace

std::unique_ptr<Kernel> makeLog(const KernelArgs& a) { return std::make_unique<LogKernel>(a); }

}  // namespace e2e::runtime::cpu
