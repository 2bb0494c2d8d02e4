// ConstantOfShape: a tensor of the shape given (at plan time) by input 0, filled with the one-element `value`
// attribute (float32 zero by default). Usually folded while planning; the step exists for completeness.
#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

class FillStep final : public Step {
public:
  FillStep(Tensor value, std::int64_t n) : m_value(std::move(value)), m_n(n) {}
  void run(const ExecContext& ctx) const noexcept override {
    const std::size_t elem = m_value.bytes();
    std::byte* y = ctx.out(0);
    for (std::int64_t i = 0; i < m_n; ++i) std::memcpy(y + static_cast<std::size_t>(i) * elem, m_value.raw(), elem);
  }
  std::string describe() const override { return "own fill"; }

private:
  Tensor m_value;
  std::int64_t m_n;
};

class ConstantOfShapeKernel final : public Kernel {
public:
  explicit ConstantOfShapeKernel(const KernelArgs& a) {
    if (a.node.attrs.has("value")) {
      m_value = a.node.attrs.getTensor("value");
      if (m_value.numel() != 1) fail("attribute 'value' must hold one element, it holds ", m_value.numel());
      m_value = m_value.reshaped({});
    } else {
      m_value = Tensor(DType::Float32, {});
    }
  }
  bool shapeNeedsValue(int input) const override { return input == 0; }

  void inferShapes(ShapeContext& ctx) const override {
    if (ctx.inputType(0) != DType::Int64) fail("shape of type ", dtypeName(ctx.inputType(0)), " is not supported");
    const Dims shape = ctx.inputValue(0)->toInt64();
    for (auto d : shape)
      if (d < 0) fail("negative dimension ", d, " in shape ", dimsToString(shape));
    ctx.setOutput(0, m_value.dtype(), shape);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    return std::make_unique<FillStep>(m_value, numel(ctx.outputDims(0)));
  }

private:
  Tensor m_value;
};

}  // namespace

std::unique_ptr<Kernel> makeConstantOfShape(const KernelArgs& a) { return std::make_unique<ConstantOfShapeKernel>(a); }

}  // namespace e2e::runtime::cpu
