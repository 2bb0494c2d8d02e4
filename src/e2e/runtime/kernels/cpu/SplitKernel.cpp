// Split along an axis into parts given by the `split` attribute (opset < 13), the `split` input (13+, known at
// plan time) or equal parts (`num_outputs` in opset 18, which allows a smaller last part). One memcpy per part
// and outer index.
#include <omp.h>

#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/Broadcast.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/PlanShapeView.hpp"

namespace e2e::runtime::cpu {
namespace {

class SplitStep final : public Step {
public:
  struct Part {
    std::size_t offset = 0, bytes = 0;  // within one input row (all dims from the axis on)
    bool used = true;
  };
  SplitStep(std::int64_t outer, std::size_t rowBytes, std::vector<Part> parts)
      : m_outer(outer), m_rowBytes(rowBytes), m_parts(std::move(parts)) {}
  void run(const ExecContext& ctx) const noexcept override {
    const std::byte* x = ctx.in(0);
#pragma omp parallel for num_threads(ctx.threads) if (m_outer * m_rowBytes > (1 << 18)) schedule(static)
    for (std::int64_t o = 0; o < m_outer; ++o) {
      const std::byte* row = x + static_cast<std::size_t>(o) * m_rowBytes;
      for (std::size_t k = 0; k < m_parts.size(); ++k) {
        const Part& p = m_parts[k];
        if (p.used && p.bytes) std::memcpy(ctx.out(static_cast<int>(k)) + static_cast<std::size_t>(o) * p.bytes, row + p.offset, p.bytes);
      }
    }
  }
  std::string describe() const override { return "own memcpy"; }

private:
  std::int64_t m_outer;
  std::size_t m_rowBytes;
  std::vector<Part> m_parts;
};

class SplitKernel final : public Kernel {
public:
  explicit SplitKernel(const KernelArgs& a) : m_axis(a.node.attrs.getInt("axis", 0)) {
    if (a.opset < 13) m_splitAttr = a.node.attrs.getInts("split");
    if (a.opset >= 18) m_numOutputs = a.node.attrs.getInt("num_outputs", 0);
    if (a.opset >= 18 && m_numOutputs == 0 && (a.node.inputs.size() < 2 || a.node.inputs[1] < 0))
      fail("needs either the 'split' input or the 'num_outputs' attribute");
    if (m_numOutputs != 0 && m_numOutputs != static_cast<std::int64_t>(a.node.outputs.size()))
      fail("num_outputs is ", m_numOutputs, " but the node has ", a.node.outputs.size(), " outputs");
  }
  bool shapeNeedsValue(int input) const override { return input == 1; }

  std::vector<std::int64_t> sizes(const ShapeContext& ctx) const {
    const Dims& x = ctx.inputDims(0);
    const std::int64_t dim = x[normalizeAxis(m_axis, x.size())];
    const auto n = static_cast<std::int64_t>(ctx.outputCount());
    std::vector<std::int64_t> s = m_splitAttr;
    if (ctx.hasInput(1)) {
      if (ctx.inputType(1) != DType::Int64) fail("split of type ", dtypeName(ctx.inputType(1)), " is not supported");
      s = ctx.inputValue(1)->toInt64();
    }
    if (s.empty()) {
      if (m_numOutputs == 0 && dim % n != 0) fail("axis size ", dim, " does not split evenly into ", n, " outputs");
      const std::int64_t part = (dim + n - 1) / n;  // opset 18: the last part takes the remainder
      for (std::int64_t k = 0; k < n; ++k) s.push_back(std::max<std::int64_t>(0, std::min(part, dim - k * part)));
    }
    if (static_cast<std::int64_t>(s.size()) != n) fail("split has ", s.size(), " entries for ", n, " outputs");
    std::int64_t total = 0;
    for (auto v : s) {
      if (v < 0) fail("negative split size ", v);
      total += v;
    }
    if (total != dim) fail("split sizes add up to ", total, ", the axis has ", dim);
    return s;
  }

  void inferShapes(ShapeContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    const auto ax = normalizeAxis(m_axis, x.size());
    const auto s = sizes(ctx);
    for (int k = 0; k < ctx.outputCount(); ++k) {
      Dims y = x;
      y[ax] = s[k];
      ctx.setOutput(k, ctx.inputType(0), y);
    }
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.requirePlainInput(0);
    const Dims& x = ctx.inputDims(0);
    const auto ax = normalizeAxis(m_axis, x.size());
    std::int64_t outer = 1, inner = 1;
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(x.size()); ++i) {
      if (i < ax) outer *= x[i];
      if (i > ax) inner *= x[i];
    }
    const std::size_t elem = dtypeSize(ctx.inputType(0));
    const auto s = sizes(PlanShapeView(ctx));
    std::vector<SplitStep::Part> parts;
    std::size_t offset = 0;
    for (std::size_t k = 0; k < s.size(); ++k) {
      SplitStep::Part p;
      p.offset = offset;
      p.bytes = static_cast<std::size_t>(s[k] * inner) * elem;
      p.used = ctx.hasOutput(static_cast<int>(k));
      offset += p.bytes;
      parts.push_back(p);
    }
    return std::make_unique<SplitStep>(outer, offset, std::move(parts));
  }

private:
  std::int64_t m_axis;
  std::int64_t m_numOutputs = 0;
  std::vector<std::int64_t> m_splitAttr;
};

}  // namespace

std::unique_ptr<Kernel> makeSplit(const KernelArgs& a) { return std::make_unique<SplitKernel>(a); }

}  // namespace e2e::runtime::cpu
