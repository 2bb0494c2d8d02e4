// Einsum, general form: any number of operands, repeated labels (diagonals), "..." broadcasting, implicit or
// explicit output. Each output element sums the product of its operands over the summed labels, walked with an
// incremental odometer (no per-element division). Exported models rarely use Einsum (PyTorch writes MatMul for
// the usual contractions), so this favours generality over GEMM speed. float32 sums in double.
#include <omp.h>

#include <array>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/EinsumEquation.hpp"
#include "e2e/runtime/kernels/cpu/PlanShapeView.hpp"

namespace e2e::runtime::cpu {
namespace {

constexpr std::size_t kMaxOperands = 8;
constexpr std::size_t kMaxLabels = 64;

template <class T>
using Acc = std::conditional_t<std::is_floating_point_v<T>, double, T>;

template <class T>
class EinsumStep final : public Step {
public:
  explicit EinsumStep(EinsumPlan p) : m_p(std::move(p)) {}

  void run(const ExecContext& ctx) const noexcept override {
    const EinsumPlan& p = m_p;
    const std::size_t n = p.outStrides.size(), no = p.outSizes.size(), ns = p.sumSizes.size();
    std::array<const T*, kMaxOperands> x{};
    for (std::size_t k = 0; k < n; ++k) x[k] = ctx.in<T>(static_cast<int>(k));
    T* y = ctx.out<T>(0);
#pragma omp parallel for num_threads(ctx.threads) if (p.outTotal * p.sumTotal > 65536) schedule(static)
    for (std::int64_t o = 0; o < p.outTotal; ++o) {
      std::array<std::int64_t, kMaxOperands> base{};
      std::int64_t rem = o;
      for (std::size_t l = no; l-- > 0;) {
        const std::int64_t i = rem % p.outSizes[l];
        rem /= p.outSizes[l];
        for (std::size_t k = 0; k < n; ++k) base[k] += i * p.outStrides[k][l];
      }
      Acc<T> acc = 0;
      std::array<std::int64_t, kMaxLabels> idx{};
      std::array<std::int64_t, kMaxOperands> off = base;
      for (std::int64_t s = 0; s < p.sumTotal; ++s) {
        Acc<T> prod = 1;
        for (std::size_t k = 0; k < n; ++k) prod *= static_cast<Acc<T>>(x[k][off[k]]);
        acc += prod;
        // Advance the odometer over the summed labels, innermost last.
        for (std::size_t l = ns; l-- > 0;) {
          if (++idx[l] < p.sumSizes[l]) {
            for (std::size_t k = 0; k < n; ++k) off[k] += p.sumStrides[k][l];
            break;
          }
          idx[l] = 0;
          for (std::size_t k = 0; k < n; ++k) off[k] -= (p.sumSizes[l] - 1) * p.sumStrides[k][l];
        }
      }
      y[o] = static_cast<T>(acc);
    }
  }
  std::string describe() const override { return "own generic contraction"; }

private:
  EinsumPlan m_p;
};

class EinsumKernel final : public Kernel {
public:
  explicit EinsumKernel(const KernelArgs& a)
      : m_eq(EinsumEquation::parse(a.node.attrs.getString("equation", ""))) {
    if (m_eq.inputs.size() != a.node.inputs.size())
      fail("the equation names ", m_eq.inputs.size(), " operands, the node has ", a.node.inputs.size());
    if (m_eq.inputs.size() > kMaxOperands) fail("more than ", kMaxOperands, " operands are not supported");
  }

  EinsumPlan contraction(const ShapeContext& ctx) const {
    std::vector<Dims> shapes;
    for (int i = 0; i < ctx.inputCount(); ++i) shapes.push_back(ctx.inputDims(i));
    EinsumPlan p = planEinsum(m_eq, shapes);
    if (p.outSizes.size() + p.sumSizes.size() > kMaxLabels) fail("too many labels");
    return p;
  }

  void inferShapes(ShapeContext& ctx) const override {
    const DType t = ctx.inputType(0);
    if (t != DType::Float32 && t != DType::Float64 && t != DType::Int32 && t != DType::Int64)
      fail("input of type ", dtypeName(t), " is not supported");
    for (int i = 1; i < ctx.inputCount(); ++i)
      if (ctx.inputType(i) != t) fail("operands have different types");
    ctx.setOutput(0, t, contraction(ctx).outDims);
  }

  double flops(const ShapeContext& ctx) const override {
    const EinsumPlan p = contraction(ctx);
    return 2.0 * static_cast<double>(p.outTotal) * static_cast<double>(p.sumTotal) * static_cast<double>(ctx.inputCount() > 1 ? ctx.inputCount() - 1 : 1);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    for (int i = 0; i < ctx.inputCount(); ++i) ctx.requirePlainInput(i);
    EinsumPlan p = contraction(PlanShapeView(ctx));
    switch (ctx.inputType(0)) {
      case DType::Float32: return std::make_unique<EinsumStep<float>>(std::move(p));
      case DType::Float64: return std::make_unique<EinsumStep<double>>(std::move(p));
      case DType::Int32: return std::make_unique<EinsumStep<std::int32_t>>(std::move(p));
      default: return std::make_unique<EinsumStep<std::int64_t>>(std::move(p));
    }
  }

private:
  EinsumEquation m_eq;
};

}  // namespace

std::unique_ptr<Kernel> makeEinsum(const KernelArgs& a) { return std::make_unique<EinsumKernel>(a); }

}  // namespace e2e::runtime::cpu
