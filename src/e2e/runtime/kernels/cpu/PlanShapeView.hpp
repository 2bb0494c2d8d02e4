#pragma once
// A PlanContext seen as a read-only ShapeContext, so that a kernel can share one geometry function between
// inferShapes() and plan().
#include "e2e/runtime/kernels/Kernel.hpp"

namespace e2e::runtime::cpu {

class PlanShapeView final : public ShapeContext {
public:
  explicit PlanShapeView(const PlanContext& p) : m_p(p) {}
  const Node& node() const override { return m_p.node(); }
  const Dims& inputDims(int i) const override { return m_p.inputDims(i); }
  DType inputType(int i) const override { return m_p.inputType(i); }
  const Tensor* inputValue(int i) const override { return m_p.inputValue(i); }
  void setOutput(int, DType, Dims) override {}
  const Dims& outputDims(int i) const override { return m_p.outputDims(i); }

private:
  const PlanContext& m_p;
};

}  // namespace e2e::runtime::cpu
