// Add, Sub, Mul, Div, Pow with numpy broadcasting: own loops. Dimensions are collapsed to the fewest runs of
// equal broadcast pattern, so the inner loop is a contiguous vector op (tensor-tensor, tensor-scalar, ...).
#include <omp.h>

#include <cmath>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"
#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"

namespace e2e::runtime::cpu {
namespace {

enum class Op { Add, Sub, Mul, Div, Pow };

template <Op op, class T>
inline T apply(T a, T b) {
  switch (op) {
    case Op::Add: return a + b;
    case Op::Sub: return a - b;
    case Op::Mul: return a * b;
    case Op::Div: return b == T(0) && !std::is_floating_point_v<T> ? T(0) : a / b;
    case Op::Pow: return static_cast<T>(std::pow(a, b));
  }
  return a;
}

// Broadcast loop nest: out[i] = a[ia] op b[ib], last dim innermost.
struct Loops {
  std::vector<std::int64_t> dims, sa, sb;  // collapsed; strides in elements (0 = broadcast)
  std::int64_t total = 0;
};

Loops makeLoops(const Dims& a, const Dims& b, const Dims& out) {
  const std::size_t r = out.size();
  std::vector<std::int64_t> da(r, 1), db(r, 1);
  for (std::size_t i = 0; i < a.size(); ++i) da[r - a.size() + i] = a[i];
  for (std::size_t i = 0; i < b.size(); ++i) db[r - b.size() + i] = b[i];
  std::vector<std::int64_t> sa(r), sb(r);
  std::int64_t pa = 1, pb = 1;
  for (std::size_t i = r; i-- > 0;) {
    sa[i] = da[i] == 1 ? 0 : pa;
    sb[i] = db[i] == 1 ? 0 : pb;
    pa *= da[i];
    pb *= db[i];
  }
  Loops l;
  l.total = numel(out);
  for (std::size_t i = 0; i < r; ++i) {
    if (out[i] == 1) continue;
    // Merge with the previous run when both operands keep the same contiguity pattern across the boundary.
    if (!l.dims.empty()) {
      std::int64_t n = out[i];
      bool aOk = (l.sa.back() == 0 && sa[i] == 0) || (sa[i] != 0 && l.sa.back() == sa[i] * n);
      bool bOk = (l.sb.back() == 0 && sb[i] == 0) || (sb[i] != 0 && l.sb.back() == sb[i] * n);
      if (aOk && bOk) {
        l.dims.back() *= n;
        l.sa.back() = sa[i];
        l.sb.back() = sb[i];
        continue;
      }
    }
    l.dims.push_back(out[i]);
    l.sa.push_back(sa[i]);
    l.sb.push_back(sb[i]);
  }
  if (l.dims.empty()) {
    l.dims = {1};
    l.sa = {0};
    l.sb = {0};
  }
  return l;
}

template <Op op, class T, class TB>
void runLoops(const Loops& l, const T* a, const TB* b, T* y, int threads) {
  const std::size_t r = l.dims.size();
  const std::int64_t inner = l.dims[r - 1], isa = l.sa[r - 1], isb = l.sb[r - 1];
  const std::int64_t rows = l.total / inner;
#pragma omp parallel for num_threads(threads) if (l.total > 32768) schedule(static)
  for (std::int64_t row = 0; row < rows; ++row) {
    std::int64_t oa = 0, ob = 0, rem = row;
    for (std::size_t d = r - 1; d-- > 0;) {
      std::int64_t idx = rem % l.dims[d];
      rem /= l.dims[d];
      oa += idx * l.sa[d];
      ob += idx * l.sb[d];
    }
    const T* pa = a + oa;
    const TB* pb = b + ob;
    T* py = y + row * inner;
    // Specialised inner loops: the compiler vectorises each (no stride multiplications inside).
    if (isa == 1 && isb == 1) {
      for (std::int64_t i = 0; i < inner; ++i) py[i] = apply<op, T>(pa[i], static_cast<T>(pb[i]));
    } else if (isa == 1) {
      const T s = static_cast<T>(pb[0]);
      for (std::int64_t i = 0; i < inner; ++i) py[i] = apply<op, T>(pa[i], s);
    } else if (isb == 1) {
      const T s = pa[0];
      for (std::int64_t i = 0; i < inner; ++i) py[i] = apply<op, T>(s, static_cast<T>(pb[i]));
    } else {
      const T s = apply<op, T>(pa[0], static_cast<T>(pb[0]));
      for (std::int64_t i = 0; i < inner; ++i) py[i] = s;
    }
  }
}

// Tensor-tensor loops with a compile-time op, the common case (residual adds, attention scaling).
template <Op op, class T>
void runSame(std::int64_t n, const T* a, const T* b, T* y, int threads) {
#pragma omp parallel for num_threads(threads) if (n > 32768) schedule(static)
  for (std::int64_t c = 0; c < n; c += 4096) {
    const std::int64_t e = std::min(n, c + 4096);
    for (std::int64_t i = c; i < e; ++i) y[i] = apply<op, T>(a[i], b[i]);
  }
}

template <Op op, class T, class TB>
void dispatch(bool same, const Loops& l, const ExecContext& ctx) {
  if constexpr (std::is_same_v<T, TB>) {
    if (same) return runSame<op, T>(l.total, ctx.in<T>(0), ctx.in<T>(1), ctx.out<T>(0), ctx.threads);
  }
  runLoops<op, T, TB>(l, ctx.in<T>(0), ctx.in<TB>(1), ctx.out<T>(0), ctx.threads);
}

template <class T, class TB>
class BinaryStep final : public Step {
public:
  BinaryStep(Op op, Loops loops, bool same) : m_op(op), m_loops(std::move(loops)), m_same(same) {}
  void run(const ExecContext& ctx) const noexcept override {
    switch (m_op) {
      case Op::Add: return dispatch<Op::Add, T, TB>(m_same, m_loops, ctx);
      case Op::Sub: return dispatch<Op::Sub, T, TB>(m_same, m_loops, ctx);
      case Op::Mul: return dispatch<Op::Mul, T, TB>(m_same, m_loops, ctx);
      case Op::Div: return dispatch<Op::Div, T, TB>(m_same, m_loops, ctx);
      case Op::Pow: return dispatch<Op::Pow, T, TB>(m_same, m_loops, ctx);
    }
  }
  std::string describe() const override { return m_same ? "own same-shape" : "own broadcast"; }

private:
  Op m_op;
  Loops m_loops;
  bool m_same;
};

class BinaryKernel final : public Kernel {
public:
  explicit BinaryKernel(const KernelArgs& a) {
    const std::string& t = a.node.opType;
    m_op = t == "Add" ? Op::Add : t == "Sub" ? Op::Sub : t == "Mul" ? Op::Mul : t == "Div" ? Op::Div : Op::Pow;
  }

  void inferShapes(ShapeContext& ctx) const override {
    DType ta = ctx.inputType(0), tb = ctx.inputType(1);
    bool okA = ta == DType::Float32 || ta == DType::Int64 || ta == DType::Int32;
    if (!okA) fail("input of type ", dtypeName(ta), " is not supported");
    if (m_op == Op::Pow) {
      if (ta != DType::Float32) fail("Pow supports a float32 base only");
      if (tb != DType::Float32 && tb != DType::Int64 && tb != DType::Int32) fail("Pow exponent of type ", dtypeName(tb), " is not supported");
    } else if (ta != tb) {
      fail("input types differ: ", dtypeName(ta), " and ", dtypeName(tb));
    }
    const Dims& a = ctx.inputDims(0);
    const Dims& b = ctx.inputDims(1);
    const std::size_t r = std::max(a.size(), b.size());
    Dims out(r);
    for (std::size_t i = 0; i < r; ++i) {
      std::int64_t x = i + a.size() >= r ? a[i + a.size() - r] : 1;
      std::int64_t y = i + b.size() >= r ? b[i + b.size() - r] : 1;
      if (x != y && x != 1 && y != 1) fail("shapes ", dimsToString(a), " and ", dimsToString(b), " do not broadcast");
      out[i] = x == 1 ? y : x;
    }
    ctx.setOutput(0, ta, out);
  }

  std::unique_ptr<Step> plan(PlanContext& ctx) const override {
    const Dims& a = ctx.inputDims(0);
    const Dims& b = ctx.inputDims(1);
    const Dims& y = ctx.outputDims(0);
    const DType ta = ctx.inputType(0), tb = ctx.inputType(1);
    // Same shape and same unpadded blocked layout: elementwise on the raw buffers, no reorder.
    const Layout& la = ctx.inputLayout(0);
    const Layout& lb = ctx.inputLayout(1);
    bool blocked = a == b && ta == tb && !la.plain && !lb.plain && la.md == lb.md && !ctx.outputIsGraphOutput(0) &&
                   la.md.get_size() == static_cast<std::size_t>(numel(a)) * dtypeSize(ta);
    if (blocked) {
      ctx.setOutputLayout(0, la.md);
    } else {
      ctx.requirePlainInput(0);
      ctx.requirePlainInput(1);
    }
    if (a == y && !ctx.tryInPlace(0, 0) && b == y && tb == ta) ctx.tryInPlace(0, 1);
    const bool same = a == b;
    Loops loops = makeLoops(a, b, y);
    if (m_op == Op::Pow && tb == DType::Int64) return std::make_unique<BinaryStep<float, std::int64_t>>(m_op, loops, false);
    if (m_op == Op::Pow && tb == DType::Int32) return std::make_unique<BinaryStep<float, std::int32_t>>(m_op, loops, false);
    switch (ta) {
      case DType::Float32: return std::make_unique<BinaryStep<float, float>>(m_op, loops, same);
      case DType::Int64: return std::make_unique<BinaryStep<std::int64_t, std::int64_t>>(m_op, loops, same);
      default: return std::make_unique<BinaryStep<std::int32_t, std::int32_t>>(m_op, loops, same);
    }
  }

private:
  Op m_op = Op::Add;
};

}  // namespace

std::unique_ptr<Kernel> makeBinary(const KernelArgs& a) { return std::make_unique<BinaryKernel>(a); }

}  // namespace e2e::runtime::cpu
