// Identity and inference Dropout when the graph passes could not remove them (e.g. they name a graph output):
// a view of the input, plus an all-true mask for Dropout's optional second output.
#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

class MaskStep final : public Step {
public:
  MaskStep(bool mask, std::int64_t n) : m_mask(mask), m_n(n) {}
  void run(const ExecContext& ctx) const noexcept override {
    if (m_mask) std::memset(ctx.out(1), 1, static_cast<std::size_t>(m_n));
  }

private:
  bool m_mask;
  std::int64_t m_n;
};

class IdentityKernel final : public Kernel {
public:
  explicit IdentityKernel(const KernelArgs& a) {
    if (a.node.opType == "Dropout") {
      a.node.attrs.getInt("seed", 0);
      a.node.attrs.getFloat("ratio", 0.5f);  // opset < 12 carries the ratio as an attribute; inference ignores it
      m_dropout = true;
      if (a.node.inputs.size() > 2 && a.node.inputs[2] >= 0) {
        const Value& tm = a.graph.values[a.node.inputs[2]];
        if (!tm.isConstant() || tm.constant.toInt64().at(0) != 0) fail("training_mode must be a constant false");
      }
    }
  }
  void inferShapes(ShapeContext& ctx) const override {
    ctx.setOutput(0, ctx.inputType(0), ctx.inputDims(0));
    if (m_dropout && ctx.hasOutput(1)) ctx.setOutput(1, DType::Bool, ctx.inputDims(0));
  }
  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.aliasOutput(0, 0);
    return std::make_unique<MaskStep>(m_dropout && ctx.hasOutput(1), numel(ctx.inputDims(0)));
  }

private:
  bool m_dropout = false;
};

}  // namespace

std::unique_ptr<Kernel> makeIdentity(const KernelArgs& a) { return std::make_unique<IdentityKernel>(a); }

}  // namespace e2e::runtime::cpu
