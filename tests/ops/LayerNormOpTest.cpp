// LayerNormalization against a double-precision reference: random ranks, axes (negative too), epsilon, with and
// without bias, with the optional Mean / InvStdDev outputs, and rows whose mean is large next to their spread.
#include "TypedOpUtil.hpp"

namespace e2e::test {
namespace {

struct LnCase {
  Dims dims;
  std::int64_t axis;
  float eps;
  bool bias, stats, dynamic;
};

void checkLayerNorm(const LnCase& c, Rng& rng) {
  const auto rank = static_cast<std::int64_t>(c.dims.size());
  const std::int64_t ax = c.axis < 0 ? c.axis + rank : c.axis;
  std::int64_t rows = 1, n = 1;
  for (std::int64_t i = 0; i < rank; ++i) (i < ax ? rows : n) *= c.dims[i];
  const Dims norm(c.dims.begin() + ax, c.dims.end());
  OnnxBuilder b(17);
  Dims declared = c.dims;
  if (c.dynamic) declared[0] = -1;
  b.input("x", declared).output("y");
  if (c.stats) b.output("mean").output("inv");
  const auto scale = randomVec(rng, static_cast<std::size_t>(n), 0.5, 1.5);
  const auto shift = randomVec(rng, static_cast<std::size_t>(n), -0.5, 0.5);
  b.initializer("s", norm, scale);
  std::vector<std::string> ins{"x", "s"};
  if (c.bias) {
    b.initializer("b", norm, shift);
    ins.push_back("b");
  }
  std::vector<std::string> outs{"y"};
  if (c.stats) outs.insert(outs.end(), {"mean", "inv"});
  auto& node = b.node("LayerNormalization", ins, outs);
  OnnxBuilder::attr(node, "axis", c.axis);
  OnnxBuilder::attrFloat(node, "epsilon", c.eps);
  auto s = b.session();

  // Each row gets its own offset, up to 50x its spread: a one-pass variance would lose digits.
  std::vector<float> x(static_cast<std::size_t>(rows * n));
  for (std::int64_t r = 0; r < rows; ++r) {
    const double offset = rng.uniform(-50, 50);
    for (std::int64_t i = 0; i < n; ++i) x[r * n + i] = static_cast<float>(offset + rng.uniform(-1, 1));
  }
  std::vector<double> y(x.size()), mean(rows), inv(rows);
  for (std::int64_t r = 0; r < rows; ++r) {
    double m = 0, v = 0;
    for (std::int64_t i = 0; i < n; ++i) m += x[r * n + i];
    m /= static_cast<double>(n);
    for (std::int64_t i = 0; i < n; ++i) v += (x[r * n + i] - m) * (x[r * n + i] - m);
    v /= static_cast<double>(n);
    mean[r] = m;
    inv[r] = 1.0 / std::sqrt(v + c.eps);
    for (std::int64_t i = 0; i < n; ++i)
      y[r * n + i] = (x[r * n + i] - m) * inv[r] * scale[i] + (c.bias ? shift[i] : 0.0);
  }
  const std::string what = "layernorm dims " + runtime::dimsToString(c.dims) + " axis " + std::to_string(c.axis);
  auto out = runFloat(s, {x}, c.dims[0]);
  expectClose(out[0], y, what + " Y", 2e-4);
  if (c.stats) {
    Dims statDims = c.dims;
    for (std::int64_t i = ax; i < rank; ++i) statDims[i] = 1;
    EXPECT_EQ(s.outputDims(1, c.dims[0]), statDims) << what;
    expectClose(out[1], mean, what + " Mean");
    expectClose(out[2], inv, what + " InvStdDev", 2e-4);
  }
}

TEST(LayerNormOp, RandomShapesAxesAndOutputs) {
  Rng rng(601);
  for (int k = 0; k < 16; ++k) {
    LnCase c;
    c.dims = randomDims(rng, static_cast<std::size_t>(randInt(rng, 1, 4)), 1, 9);
    const auto rank = static_cast<std::int64_t>(c.dims.size());
    c.axis = randInt(rng, -rank, rank - 1);
    c.eps = static_cast<float>(rng.uniform(1e-6, 1e-2));
    c.bias = rng.accept(0.7);
    c.stats = rng.accept(0.5);
    c.dynamic = rank > 1 && c.axis != 0 && c.axis != -rank && rng.accept(0.5);
    checkLayerNorm(c, rng);
  }
}

TEST(LayerNormOp, TransformerWidthDynamicBatch) {
  Rng rng(602);
  checkLayerNorm({{5, 17, 192}, -1, 1e-6f, true, false, true}, rng);
  checkLayerNorm({{3, 65, 192}, 2, 1e-5f, true, true, true}, rng);
}

TEST(LayerNormOp, UnsupportedFormsFailAtLoad) {
  OnnxBuilder b(17);
  b.input("x", {2, 3, 4}).output("y");
  b.initializer("s", {3, 4}, std::vector<float>(12, 1.f));
  auto& n = b.node("LayerNormalization", {"x", "s"}, {"y"}, "ln");
  OnnxBuilder::attr(n, "axis", -1);  // scale covers two dims, the axis only one
  try {
    b.session();
    FAIL() << "a mismatched scale must fail at load";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'ln' (LayerNormalization"), std::string::npos) << e.what();
  }
  OnnxBuilder b2(17);
  b2.input("x", {2, 4}).output("y");
  b2.initializer("s", {4}, std::vector<float>(4, 1.f));
  OnnxBuilder::attr(b2.node("LayerNormalization", {"x", "s"}, {"y"}, "ln"), "stash_type", 11);
  EXPECT_THROW(b2.session(), Error);
}

}  // namespace
}  // namespace e2e::test
