// Slice with starts/ends/axes/steps known at plan time (constants in exported models), any element type and
// negative steps. The strided view is collapsed to few dims; unit-stride inner runs become memcpy.
#include <omp.h>

#include <climits>
#include <cstring>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/Broadcast.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/PlanShapeView.hpp"

namespace e2e::runtime::cpu {
namespace {

struct SliceGeometry {
  Dims out;                            // output dims (ONNX order)
  std::int64_t base = 0;               // element offset of the first output element in the input
  std::vector<std::int64_t> dims, strides;  // collapsed output dims and their input strides (elements)
};

template <class T>
void sliceRows(const SliceGeometry& g, const T* x, T* y, int threads) {
  const std::size_t r = g.dims.size();
  const std::int64_t inner = g.dims[r - 1], is = g.strides[r - 1];
  std::int64_t rows = 1;
  for (std::size_t d = 0; d + 1 < r; ++d) rows *= g.dims[d];
#pragma omp parallel for num_threads(threads) if (rows * inner > 65536) schedule(static)
  for (std::int64_t row = 0; row < rows; ++row) {
    std::int64_t off = g.base, rem = row;
    for (std::size_t d = r - 1; d-- > 0;) {
      off += (rem % g.dims[d]) * g.strides[d];
      rem /= g.dims[d];
    }
    const T* src = x + off;
    T* dst = y + row * inner;
    if (is == 1) {
      std::memcpy(dst, src, static_cast<std::size_t>(inner) * sizeof(T));
    } else {
      for (std::int64_t i = 0; i < inner; ++i) dst[i] = src[i * is];
    }
  }
}

class SliceStep final : public Step {
public:
  SliceStep(std::size_t elem, SliceGeometry g) : m_elem(elem), m_g(std::move(g)) {}
  void run(const ExecContext& ctx) const noexcept override {
    if (numel(m_g.out) == 0) return;
    switch (m_elem) {
      case 1: return sliceRows(m_g, ctx.in<std::uint8_t>(0), ctx.out<std::uint8_t>(0), ctx.threads);
      case 2: return sliceRows(m_g, ctx.in<std::uint16_t>(0), ctx.out<std::uint16_t>(0), ctx.threads);
      case 4: return sliceRows(m_g, ctx.in<std::uint32_t>(0), ctx.out<std::uint32_t>(0), ctx.threads);
      default: return sliceRows(m_g, ctx.in<std::uint64_t>(0), ctx.out<std::uint64_t>(0), ctx.threads);
    }
  }
  std::string describe() const override { return "own strided copy, " + std::to_string(m_g.dims.size()) + "-d"; }

private:
  std::size_t m_elem;
  SliceGeometry m_g;
};

std::vector<std::int64_t> intsOf(const ShapeContext& ctx, int i, const char* what) {
  const DType t = ctx.inputType(i);
  if (t != DType::Int64 && t != DType::Int32) fail(what, " of type ", dtypeName(t), " is not supported");
  if (ctx.inputDims(i).size() != 1) fail(what, " must be 1-D");
  return ctx.inputValue(i)->toInt64();
}

class SliceKernel final : public Kernel {
public:
  explicit SliceKernel(const KernelArgs&) {}
  bool shapeNeedsValue(int input) const override { return input >= 1; }

  SliceGeometry geometry(const ShapeContext& ctx) const {
    const Dims& x = ctx.inputDims(0);
    const std::size_t rank = x.size();
    const auto starts = intsOf(ctx, 1, "starts"), ends = intsOf(ctx, 2, "ends");
    if (starts.size() != ends.size()) fail("starts and ends have different lengths");
    std::vector<std::int64_t> axes, steps;
    if (ctx.hasInput(3)) axes = intsOf(ctx, 3, "axes");
    else for (std::size_t i = 0; i < starts.size(); ++i) axes.push_back(static_cast<std::int64_t>(i));
    if (ctx.hasInput(4)) steps = intsOf(ctx, 4, "steps");
    else steps.assign(starts.size(), 1);
    if (axes.size() != starts.size() || steps.size() != starts.size()) fail("starts, ends, axes and steps differ in length");

    std::vector<std::int64_t> first(rank, 0), step(rank, 1);
    SliceGeometry g;
    g.out = x;
    std::vector<bool> seen(rank, false);
    for (std::size_t k = 0; k < starts.size(); ++k) {
      const auto ax = normalizeAxis(axes[k], rank);
      if (seen[ax]) fail("axis ", axes[k], " appears twice");
      seen[ax] = true;
      const std::int64_t dim = x[ax], s = steps[k];
      if (s == 0) fail("step must not be zero");
      std::int64_t b = starts[k], e = ends[k];
      if (b < 0) b += dim;
      if (e < 0) e += dim;
      // ONNX clamps to [0, dim] going forward and to [-1, dim - 1] going backward.
      if (s > 0) {
        b = std::clamp<std::int64_t>(b, 0, dim);
        e = std::clamp<std::int64_t>(e, 0, dim);
      } else {
        b = std::clamp<std::int64_t>(b, 0, dim - 1);
        e = std::clamp<std::int64_t>(e, -1, dim - 1);
      }
      const std::int64_t len = s > 0 ? (e - b + s - 1) / s : (b - e + (-s) - 1) / (-s);
      g.out[ax] = std::max<std::int64_t>(0, len);
      first[ax] = b;
      step[ax] = s;
    }
    std::vector<std::int64_t> stride(rank, 1);
    for (std::size_t i = rank; i-- > 1;) stride[i - 1] = stride[i] * x[i];
    for (std::size_t i = 0; i < rank; ++i) {
      if (g.out[i] > 0) g.base += first[i] * stride[i];
      if (g.out[i] == 1) continue;
      const std::int64_t s = step[i] * stride[i];
      if (!g.dims.empty() && g.strides.back() == s * g.out[i]) {
        g.dims.back() *= g.out[i];
        g.strides.back() = s;
        continue;
      }
      g.dims.push_back(g.out[i]);
      g.strides.push_back(s);
    }
    if (g.dims.empty()) {
      g.dims = {1};
      g.strides = {1};
    }
    return g;
  }

  void inferShapes(ShapeContext& ctx) const override { ctx.setOutput(0, ctx.inputType(0), geometry(ctx).out); }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.requirePlainInput(0);
    PlanShapeView view(ctx);
    return std::make_unique<SliceStep>(dtypeSize(ctx.inputType(0)), geometry(view));
  }
};

}  // namespace

std::unique_ptr<Kernel> makeSlice(const KernelArgs& a) { return std::make_unique<SliceKernel>(a); }

}  // namespace e2e::runtime::cpu
