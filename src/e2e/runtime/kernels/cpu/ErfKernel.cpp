// Erf with the vectorisable series of VecMath.hpp (oneDNN 2.6 has erf only inside gelu_erf).
#include <omp.h>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/VecMath.hpp"

namespace e2e::runtime::cpu {
namespace {

class ErfStep final : public Step {
public:
  explicit ErfStep(std::int64_t n) : m_n(n) {}
  void run(const ExecContext& ctx) const noexcept override {
    const float* x = ctx.in<float>(0);
    float* y = ctx.out<float>(0);
    const std::int64_t n = m_n;
#pragma omp parallel for num_threads(ctx.threads) if (n > 16384) schedule(static)
    for (std::int64_t b = 0; b < n; b += 1024) {
      const std::int64_t e = std::min(n, b + 1024);
#pragma omp simd
      for (std::int64_t i = b; i < e; ++i) y[i] = verf(x[i]);
    }
  }
  std::string describe() const override { return "own simd"; }

private:
  std::int64_t m_n;
};

class ErfKernel final : public Kernel {
public:
  explicit ErfKernel(const KernelArgs&) {}
  void inferShapes(ShapeContext& ctx) const override {
    if (ctx.inputType(0) != DType::Float32) fail("input of type ", dtypeName(ctx.inputType(0)), " is not supported");
    ctx.setOutput(0, DType::Float32, ctx.inputDims(0));
  }
  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.requirePlainInput(0);
    ctx.tryInPlace(0, 0);
    return std::make_unique<ErfStep>(numel(ctx.inputDims(0)));
  }
};

}  // namespace

std::unique_ptr<Kernel> makeErf(const KernelArgs& a) { return std::make_unique<ErfKernel>(a); }

}  // namespace e2e::runtime::cpu
