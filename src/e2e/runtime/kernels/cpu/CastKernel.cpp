// Cast between float32/64, int8/32/64, uint8 and bool (float -> int truncates toward zero, as numpy does).
#include <omp.h>

#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

bool castable(DType t) {
  return t == DType::Float32 || t == DType::Float64 || t == DType::Int8 || t == DType::UInt8 || t == DType::Int32 ||
         t == DType::Int64 || t == DType::Bool;
}

template <class To, class From>
void convert(const From* x, To* y, std::int64_t n) {
  for (std::int64_t i = 0; i < n; ++i) {
    if constexpr (std::is_same_v<To, bool>) y[i] = x[i] != From(0);
    else y[i] = static_cast<To>(x[i]);
  }
}

template <class From>
void convertFrom(DType to, const std::byte* x, std::byte* y, std::int64_t n) {
  const From* in = reinterpret_cast<const From*>(x);
  switch (to) {
    case DType::Float32: return convert(in, reinterpret_cast<float*>(y), n);
    case DType::Float64: return convert(in, reinterpret_cast<double*>(y), n);
    case DType::Int8: return convert(in, reinterpret_cast<std::int8_t*>(y), n);
    case DType::UInt8: return convert(in, reinterpret_cast<std::uint8_t*>(y), n);
    case DType::Int32: return convert(in, reinterpret_cast<std::int32_t*>(y), n);
    case DType::Int64: return convert(in, reinterpret_cast<std::int64_t*>(y), n);
    case DType::Bool: return convert(in, reinterpret_cast<bool*>(y), n);
    default: return;
  }
}

class CastStep final : public Step {
public:
  CastStep(DType from, DType to, std::int64_t n) : m_from(from), m_to(to), m_n(n) {}
  void run(const ExecContext& ctx) const noexcept override {
    const std::byte* x = ctx.in(0);
    std::byte* y = ctx.out(0);
    if (m_from == m_to) {
      if (x != y) std::memcpy(y, x, static_cast<std::size_t>(m_n) * dtypeSize(m_to));
      return;
    }
    switch (m_from) {
      case DType::Float32: return convertFrom<float>(m_to, x, y, m_n);
      case DType::Float64: return convertFrom<double>(m_to, x, y, m_n);
      case DType::Int8: return convertFrom<std::int8_t>(m_to, x, y, m_n);
      case DType::UInt8: return convertFrom<std::uint8_t>(m_to, x, y, m_n);
      case DType::Int32: return convertFrom<std::int32_t>(m_to, x, y, m_n);
      case DType::Int64: return convertFrom<std::int64_t>(m_to, x, y, m_n);
      case DType::Bool: return convertFrom<bool>(m_to, x, y, m_n);
      default: return;
    }
  }

private:
  DType m_from, m_to;
  std::int64_t m_n;
};

class CastKernel final : public Kernel {
public:
  explicit CastKernel(const KernelArgs& a) {
    m_to = dtypeFromOnnx(static_cast<int>(a.node.attrs.getInt("to", 0)));
    if (!castable(m_to)) fail("casting to type code ", a.node.attrs.getInt("to", 0), " is not supported");
  }
  void inferShapes(ShapeContext& ctx) const override {
    if (!castable(ctx.inputType(0))) fail("casting from ", dtypeName(ctx.inputType(0)), " is not supported");
    ctx.setOutput(0, m_to, ctx.inputDims(0));
  }
  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.requirePlainInput(0);
    if (ctx.inputType(0) == m_to) ctx.aliasOutput(0, 0);
    return std::make_unique<CastStep>(ctx.inputType(0), m_to, numel(ctx.inputDims(0)));
  }

private:
  DType m_to = DType::Float32;
};

}  // namespace

std::unique_ptr<Kernel> makeCast(const KernelArgs& a) { return std::make_unique<CastKernel>(a); }

}  // namespace e2e::runtime::cpu
