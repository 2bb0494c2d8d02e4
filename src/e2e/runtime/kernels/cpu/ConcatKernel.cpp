// Concat along any axis, any element type: per outer index, one memcpy per input.
#include <omp.h>

#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

class ConcatStep final : public Step {
public:
  ConcatStep(std::int64_t outer, std::vector<std::size_t> chunk) : m_outer(outer), m_chunk(std::move(chunk)) {
    for (auto c : m_chunk) m_row += c;
  }
  void run(const ExecContext& ctx) const noexcept override {
    const std::size_t n = m_chunk.size();
#pragma omp parallel for num_threads(ctx.threads) if (m_outer * m_row > (1 << 18)) schedule(static)
    for (std::int64_t o = 0; o < m_outer; ++o) {
      std::byte* dst = ctx.out(0) + static_cast<std::size_t>(o) * m_row;
      for (std::size_t i = 0; i < n; ++i) {
        std::memcpy(dst, ctx.in(static_cast<int>(i)) + static_cast<std::size_t>(o) * m_chunk[i], m_chunk[i]);
        dst += m_chunk[i];
      }
    }
  }
  std::string describe() const override { return "own memcpy"; }

private:
  std::int64_t m_outer;
  std::vector<std::size_t> m_chunk;  // bytes per outer index, per input
  std::size_t m_row = 0;
};

class ConcatKernel final : public Kernel {
public:
  explicit ConcatKernel(const KernelArgs& a) : m_axis(a.node.attrs.getInt("axis", 0)) {
    if (!a.node.attrs.has("axis")) fail("attribute 'axis' is required");
  }

  std::int64_t axis(std::size_t rank) const {
    std::int64_t r = static_cast<std::int64_t>(rank);
    if (m_axis < -r || m_axis >= r) fail("axis ", m_axis, " is out of range for rank ", rank);
    return m_axis < 0 ? m_axis + r : m_axis;
  }

  void inferShapes(ShapeContext& ctx) const override {
    Dims y = ctx.inputDims(0);
    const auto ax = axis(y.size());
    y[ax] = 0;
    for (int i = 0; i < ctx.inputCount(); ++i) {
      const Dims& d = ctx.inputDims(i);
      if (ctx.inputType(i) != ctx.inputType(0)) fail("inputs have different types");
      if (d.size() != y.size()) fail("input ", i, " has rank ", d.size(), ", expected ", y.size());
      for (std::size_t k = 0; k < d.size(); ++k)
        if (static_cast<std::int64_t>(k) != ax && d[k] != ctx.inputDims(0)[k]) fail("input ", i, " shape ", dimsToString(d), " does not match");
      y[ax] += d[ax];
    }
    ctx.setOutput(0, ctx.inputType(0), y);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    const Dims& y = ctx.outputDims(0);
    const auto ax = axis(y.size());
    std::int64_t outer = 1, inner = 1;
    for (std::int64_t k = 0; k < static_cast<std::int64_t>(y.size()); ++k) {
      if (k < ax) outer *= y[k];
      if (k > ax) inner *= y[k];
    }
    std::vector<std::size_t> chunk;
    for (int i = 0; i < ctx.inputCount(); ++i) {
      ctx.requirePlainInput(i);
      chunk.push_back(static_cast<std::size_t>(ctx.inputDims(i)[ax] * inner) * dtypeSize(ctx.inputType(i)));
    }
    return std::make_unique<ConcatStep>(outer, chunk);
  }

private:
  std::int64_t m_axis;
};

}  // namespace

std::unique_ptr<Kernel> makeConcat(const KernelArgs& a) { return std::make_unique<ConcatKernel>(a); }

}  // namespace e2e::runtime::cpu
