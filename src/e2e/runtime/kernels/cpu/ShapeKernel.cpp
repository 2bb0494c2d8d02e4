// Shape: known from the input's dims alone, so the planner always evaluates it while planning.
#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

class ShapeStep final : public Step {
public:
  explicit ShapeStep(std::vector<std::int64_t> v) : m_values(std::move(v)) {}
  void run(const ExecContext& ctx) const noexcept override {
    if (!m_values.empty()) std::memcpy(ctx.out(0), m_values.data(), m_values.size() * sizeof(std::int64_t));
  }

private:
  std::vector<std::int64_t> m_values;
};

class ShapeKernel final : public Kernel {
public:
  explicit ShapeKernel(const KernelArgs& a) {
    if (a.opset >= 15) {
      m_start = a.node.attrs.getInt("start", 0);
      m_end = a.node.attrs.getInt("end", INT64_MAX);
    }
  }
  bool dependsOnlyOnShapes() const override { return true; }

  std::vector<std::int64_t> slice(const Dims& x) const {
    const auto r = static_cast<std::int64_t>(x.size());
    auto clampAxis = [&](std::int64_t a) { return std::clamp(a < 0 ? a + r : a, std::int64_t{0}, r); };
    std::int64_t s = clampAxis(m_start), e = clampAxis(m_end);
    return s < e ? std::vector<std::int64_t>(x.begin() + s, x.begin() + e) : std::vector<std::int64_t>{};
  }

  void inferShapes(ShapeContext& ctx) const override {
    ctx.setOutput(0, DType::Int64, {static_cast<std::int64_t>(slice(ctx.inputDims(0)).size())});
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    return std::make_unique<ShapeStep>(slice(ctx.inputDims(0)));
  }

private:
  std::int64_t m_start = 0, m_end = INT64_MAX;
};

}  // namespace

std::unique_ptr<Kernel> makeShape(const KernelArgs& a) { return std::make_unique<ShapeKernel>(a); }

}  // namespace e2e::runtime::cpu
