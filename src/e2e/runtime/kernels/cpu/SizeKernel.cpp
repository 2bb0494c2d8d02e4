// Size: the input's element count as an int64 scalar. Known from shapes alone, so always evaluated while planning.
#include <cstring>

#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

class SizeStep final : public Step {
public:
  explicit SizeStep(std::int64_t n) : m_n(n) {}
  void run(const ExecContext& ctx) const noexcept override { std::memcpy(ctx.out(0), &m_n, sizeof m_n); }

private:
  std::int64_t m_n;
};

class SizeKernel final : public Kernel {
public:
  explicit SizeKernel(const KernelArgs&) {}
  bool dependsOnlyOnShapes() const override { return true; }
  void inferShapes(ShapeContext& ctx) const override { ctx.setOutput(0, DType::Int64, {}); }
  std::unique_ptr<Step> plan(PlanContext& ctx) const override { return std::make_unique<SizeStep>(numel(ctx.inputDims(0))); }
};

}  // namespace

std::unique_ptr<Kernel> makeSize(const KernelArgs& a) { return std::make_unique<SizeKernel>(a); }

}  // namespace e2e::runtime::cpu
