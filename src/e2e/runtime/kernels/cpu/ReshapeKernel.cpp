// Reshape, Flatten, Squeeze, Unsqueeze: pure views. The output shares the (plain) input's bytes; nothing runs.
#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {
namespace {

enum class Kind { Reshape, Flatten, Squeeze, Unsqueeze };

class ViewStep final : public Step {
public:
  void run(const ExecContext&) const noexcept override {}
  std::string describe() const override { return "view"; }
};

std::int64_t normAxis(std::int64_t axis, std::size_t rank) {
  std::int64_t r = static_cast<std::int64_t>(rank);
  if (axis < -r || axis >= r) fail("axis ", axis, " is out of range for rank ", rank);
  return axis < 0 ? axis + r : axis;
}

class ReshapeKernel final : public Kernel {
public:
  explicit ReshapeKernel(const KernelArgs& a) {
    const Node& n = a.node;
    const std::string& t = n.opType;
    m_kind = t == "Reshape" ? Kind::Reshape : t == "Flatten" ? Kind::Flatten : t == "Squeeze" ? Kind::Squeeze : Kind::Unsqueeze;
    if (m_kind == Kind::Reshape) m_allowZero = n.attrs.getInt("allowzero", 0) != 0;
    if (m_kind == Kind::Flatten) m_axis = n.attrs.getInt("axis", 1);
    if ((m_kind == Kind::Squeeze || m_kind == Kind::Unsqueeze) && a.opset < 13) {
      m_axes = n.attrs.getInts("axes");
      m_axesFromAttr = true;
    }
  }

  bool shapeNeedsValue(int input) const override { return input == 1; }

  void inferShapes(ShapeContext& ctx) const override {
    const Dims& x = ctx.inputDims(0);
    ctx.setOutput(0, ctx.inputType(0), outDims(ctx, x));
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    ctx.aliasOutput(0, 0);
    return std::make_unique<ViewStep>();
  }

private:
  std::vector<std::int64_t> axesInput(const ShapeContext& ctx) const {
    if (m_axesFromAttr) return m_axes;
    if (!ctx.hasInput(1)) return {};
    return ctx.inputValue(1)->toInt64();
  }

  Dims outDims(const ShapeContext& ctx, const Dims& x) const {
    switch (m_kind) {
      case Kind::Reshape: {
        auto shape = ctx.inputValue(1)->toInt64();
        Dims y(shape.size());
        std::int64_t known = 1, infer = -1;
        for (std::size_t i = 0; i < shape.size(); ++i) {
          std::int64_t s = shape[i];
          if (s == 0 && !m_allowZero) {
            if (i >= x.size()) fail("shape entry 0 at ", i, " has no input dimension to copy");
            s = x[i];
          }
          if (s == -1) {
            if (infer >= 0) fail("more than one -1 in the target shape");
            infer = static_cast<std::int64_t>(i);
            continue;
          }
          if (s < 0) fail("invalid target dimension ", s);
          y[i] = s;
          known *= s;
        }
        if (infer >= 0) {
          if (known == 0 || numel(x) % known != 0) fail("cannot reshape ", dimsToString(x), " to ", dimsToString(shape));
          y[infer] = numel(x) / known;
        }
        if (numel(y) != numel(x)) fail("cannot reshape ", dimsToString(x), " to ", dimsToString(shape));
        return y;
      }
      case Kind::Flatten: {
        std::int64_t axis = m_axis < 0 ? m_axis + static_cast<std::int64_t>(x.size()) : m_axis;
        if (axis < 0 || axis > static_cast<std::int64_t>(x.size())) fail("axis ", m_axis, " is out of range");
        std::int64_t outer = 1, inner = 1;
        for (std::int64_t i = 0; i < static_cast<std::int64_t>(x.size()); ++i) (i < axis ? outer : inner) *= x[i];
        return {outer, inner};
      }
      case Kind::Squeeze: {
        auto axes = axesInput(ctx);
        std::vector<bool> drop(x.size(), false);
        if (axes.empty())
          for (std::size_t i = 0; i < x.size(); ++i) drop[i] = x[i] == 1;
        for (auto a : axes) {
          auto ax = normAxis(a, x.size());
          if (x[ax] != 1) fail("cannot squeeze axis ", a, " of size ", x[ax]);
          drop[ax] = true;
        }
        Dims y;
        for (std::size_t i = 0; i < x.size(); ++i)
          if (!drop[i]) y.push_back(x[i]);
        return y;
      }
      case Kind::Unsqueeze: {
        auto axes = axesInput(ctx);
        const std::size_t rank = x.size() + axes.size();
        std::vector<bool> add(rank, false);
        for (auto a : axes) {
          auto ax = normAxis(a, rank);
          if (add[ax]) fail("axis ", a, " given twice");
          add[ax] = true;
        }
        Dims y;
        std::size_t j = 0;
        for (std::size_t i = 0; i < rank; ++i) y.push_back(add[i] ? 1 : x[j++]);
        return y;
      }
    }
    return x;
  }

  Kind m_kind = Kind::Reshape;
  bool m_allowZero = false, m_axesFromAttr = false;
  std::int64_t m_axis = 1;
  std::vector<std::int64_t> m_axes;
};

}  // namespace

std::unique_ptr<Kernel> makeReshape(const KernelArgs& a) { return std::make_unique<ReshapeKernel>(a); }

}  // namespace e2e::runtime::cpu
