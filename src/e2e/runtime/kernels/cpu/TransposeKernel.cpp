// Transpose of any rank and element size: dims are collapsed where the permutation keeps neighbours together,
// then an odometer walks the output with the permuted input strides (contiguous output writes).
#include <omp.h>

#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

template <class T>
void transposeRows(const T* x, T* y, const std::vector<std::int64_t>& dims, const std::vector<std::int64_t>& strides,
                   std::int64_t total, int threads) {
  const std::size_t r = dims.size();
  const std::int64_t inner = dims[r - 1], is = strides[r - 1];
  const std::int64_t rows = total / inner;
#pragma omp parallel for num_threads(threads) if (total > 32768) schedule(static)
  for (std::int64_t row = 0; row < rows; ++row) {
    std::int64_t off = 0, rem = row;
    for (std::size_t d = r - 1; d-- > 0;) {
      off += (rem % dims[d]) * strides[d];
      rem /= dims[d];
    }
    const T* src = x + off;
    T* dst = y + row * inner;
    for (std::int64_t i = 0; i < inner; ++i) dst[i] = src[i * is];
  }
}

class TransposeStep final : public Step {
public:
  TransposeStep(std::size_t elem, std::vector<std::int64_t> dims, std::vector<std::int64_t> strides, std::int64_t total)
      : m_elem(elem), m_dims(std::move(dims)), m_strides(std::move(strides)), m_total(total) {}
  void run(const ExecContext& ctx) const noexcept override {
    if (m_dims.size() == 1 && m_strides[0] == 1) {
      std::memcpy(ctx.out(0), ctx.in(0), static_cast<std::size_t>(m_total) * m_elem);
      return;
    }
    switch (m_elem) {
      case 1: return transposeRows(ctx.in<std::uint8_t>(0), ctx.out<std::uint8_t>(0), m_dims, m_strides, m_total, ctx.threads);
      case 2: return transposeRows(ctx.in<std::uint16_t>(0), ctx.out<std::uint16_t>(0), m_dims, m_strides, m_total, ctx.threads);
      case 4: return transposeRows(ctx.in<std::uint32_t>(0), ctx.out<std::uint32_t>(0), m_dims, m_strides, m_total, ctx.threads);
      default: return transposeRows(ctx.in<std::uint64_t>(0), ctx.out<std::uint64_t>(0), m_dims, m_strides, m_total, ctx.threads);
    }
  }
  std::string describe() const override { return std::string("own, ").append(std::to_string(m_dims.size())).append("-d after collapsing"); }

private:
  std::size_t m_elem;
  std::vector<std::int64_t> m_dims, m_strides;
  std::int64_t m_total;
};

class TransposeKernel final : public Kernel {
public:
  explicit TransposeKernel(const KernelArgs& a) : m_perm(a.node.attrs.getInts("perm")) {}

  std::vector<std::int64_t> perm(std::size_t rank) const {
    std::vector<std::int64_t> p = m_perm;
    if (p.empty())
      for (std::size_t i = rank; i-- > 0;) p.push_back(static_cast<std::int64_t>(i));
    if (p.size() != rank) fail("perm has ", p.size(), " entries for rank ", rank);
    std::vector<bool> seen(rank, false);
    for (auto v : p) {
      if (v < 0 || v >= static_cast<std::int64_t>(rank) || seen[v]) fail("perm is not a permutation");
      seen[v] = true;
    }
    return p;
  }

  void inferShapes(ShapeContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    auto p = perm(x.size());
    Dims y(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) y[i] = x[p[i]];
    ctx.setOutput(0, ctx.inputType(0), y);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.requirePlainInput(0);
    const Dims& x = ctx.inputDims(0);
    auto p = perm(x.size());
    std::vector<std::int64_t> inStride(x.size(), 1);
    for (std::size_t i = x.size(); i-- > 1;) inStride[i - 1] = inStride[i] * x[i];
    // Output-ordered dims with their input strides; drop size-1 dims, merge runs that stay adjacent.
    std::vector<std::int64_t> dims, strides;
    for (std::size_t i = 0; i < p.size(); ++i) {
      std::int64_t d = x[p[i]], s = inStride[p[i]];
      if (d == 1) continue;
      if (!dims.empty() && strides.back() == s * d) {
        dims.back() *= d;
        strides.back() = s;
        continue;
      }
      dims.push_back(d);
      strides.push_back(s);
    }
    if (dims.empty()) {
      dims = {1};
      strides = {1};
    }
    return std::make_unique<TransposeStep>(dtypeSize(ctx.inputType(0)), dims, strides, numel(x));
  }

private:
  std::vector<std::int64_t> m_perm;
};

}  // namespace

std::unique_ptr<Kernel> makeTranspose(const KernelArgs& a) { return std::make_unique<TransposeKernel>(a); }

}  // namespace e2e::runtime::cpu
