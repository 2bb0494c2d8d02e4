// Data-movement ops: Reshape/Flatten/Squeeze/Unsqueeze views, Transpose, Concat, Gather, Shape, Cast, Identity,
// Dropout - including the exported Shape->Gather->Unsqueeze->Concat->Reshape chain with a dynamic batch.
#include "OpTestUtil.hpp"

namespace e2e::test {
namespace {

std::vector<double> toDouble(const std::vector<float>& v) { return {v.begin(), v.end()}; }

TEST(ViewOps, ReshapeFlattenSqueezeUnsqueeze) {
  Rng rng(501);
  OnnxBuilder b(13);
  b.input("x", {-1, 2, 3, 4}).output("r").output("f").output("u").output("q");
  b.initializerInt64("shape", {3}, {0, -1, 4});
  b.initializerInt64("ax", {2}, {1, 3});
  b.initializerInt64("sq", {1}, {3});
  b.node("Reshape", {"x", "shape"}, {"r"});
  auto& f = b.node("Flatten", {"x"}, {"f"});
  OnnxBuilder::attr(f, "axis", 2);
  b.node("Unsqueeze", {"x", "ax"}, {"u"});
  b.node("Squeeze", {"u", "sq"}, {"q"});
  auto s = b.session();
  const std::int64_t n = 3;
  EXPECT_EQ(s.outputDims(0, n), (std::vector<std::int64_t>{3, 6, 4}));
  EXPECT_EQ(s.outputDims(1, n), (std::vector<std::int64_t>{6, 12}));
  EXPECT_EQ(s.outputDims(2, n), (std::vector<std::int64_t>{3, 1, 2, 1, 3, 4}));
  EXPECT_EQ(s.outputDims(3, n), (std::vector<std::int64_t>{3, 1, 2, 3, 4}));
  auto x = randomVec(rng, n * 24);
  auto out = runFloat(s, {x}, n);
  for (const auto& o : out) expectClose(o, toDouble(x), "view keeps element order");
}

TEST(ViewOps, ExportedDynamicShapeChain) {
  // x.view(x.size(0), -1) as PyTorch 1.13 exports it.
  OnnxBuilder b(13);
  b.input("x", {-1, 4, 5}).output("y");
  b.initializerInt64("zero", {}, {0});
  b.initializerInt64("axes0", {1}, {0});
  b.initializerInt64("minus1", {1}, {-1});
  b.node("Shape", {"x"}, {"s"});
  auto& g = b.node("Gather", {"s", "zero"}, {"g"});
  OnnxBuilder::attr(g, "axis", 0);
  b.node("Unsqueeze", {"g", "axes0"}, {"u"});
  auto& c = b.node("Concat", {"u", "minus1"}, {"c"});
  OnnxBuilder::attr(c, "axis", 0);
  b.node("Reshape", {"x", "c"}, {"y"});
  auto s = b.session();
  for (std::int64_t n : {1, 4, 7}) EXPECT_EQ(s.outputDims(0, n), (std::vector<std::int64_t>{n, 20}));
  Rng rng(502);
  auto x = randomVec(rng, 7 * 20);
  expectClose(runFloat(s, {x}, 7)[0], toDouble(x), "dynamic reshape");
  // The shape arithmetic is evaluated while planning: no step of the plan runs it.
  const std::string plan = s.dumpPlan(4);
  EXPECT_NE(plan.find("Reshape"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("Concat"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("Gather"), std::string::npos) << plan;
}

TEST(TransposeOp, RandomPermutations) {
  Rng rng(503);
  for (int i = 0; i < 10; ++i) {
    const std::size_t rank = static_cast<std::size_t>(randInt(rng, 2, 5));
    std::vector<std::int64_t> d(rank), perm(rank);
    for (std::size_t k = 0; k < rank; ++k) {
      d[k] = randInt(rng, 1, 5);
      perm[k] = static_cast<std::int64_t>(k);
    }
    for (std::size_t k = rank; k-- > 1;) std::swap(perm[k], perm[rng.below(k + 1)]);
    OnnxBuilder b(13);
    b.input("x", d).output("y");
    OnnxBuilder::attrInts(b.node("Transpose", {"x"}, {"y"}), "perm", perm);
    auto s = b.session();
    auto x = randomVec(rng, product(d));
    std::vector<std::int64_t> yd(rank), ys(rank, 1), xs(rank, 1);
    for (std::size_t k = 0; k < rank; ++k) yd[k] = d[perm[k]];
    for (std::size_t k = rank - 1; k-- > 0;) xs[k] = xs[k + 1] * d[k + 1];
    std::vector<double> ref(x.size());
    for (std::int64_t o = 0; o < static_cast<std::int64_t>(x.size()); ++o) {
      std::int64_t rem = o, off = 0;
      for (std::size_t k = rank; k-- > 0;) {
        off += (rem % yd[k]) * xs[perm[k]];
        rem /= yd[k];
      }
      ref[o] = x[off];
    }
    EXPECT_EQ(s.outputDims(0, 0), yd);
    expectClose(runFloat(s, {x})[0], ref, "transpose");
  }
}

TEST(ConcatOp, AnyAxis) {
  Rng rng(504);
  for (std::int64_t axis : {0, 1, 2, -1}) {
    std::vector<std::int64_t> d1{2, 3, 4}, d2{2, 3, 4};
    const std::size_t ax = static_cast<std::size_t>(axis < 0 ? axis + 3 : axis);
    d2[ax] = 5;
    OnnxBuilder b(13);
    b.input("a", d1).input("b", d2).output("y");
    OnnxBuilder::attr(b.node("Concat", {"a", "b"}, {"y"}), "axis", axis);
    auto s = b.session();
    auto a = randomVec(rng, product(d1)), bv = randomVec(rng, product(d2));
    std::vector<std::int64_t> yd = d1;
    yd[ax] += d2[ax];
    std::int64_t outer = 1, inner = 1;
    for (std::size_t k = 0; k < 3; ++k) {
      if (k < ax) outer *= d1[k];
      if (k > ax) inner *= d1[k];
    }
    std::vector<double> ref;
    for (std::int64_t o = 0; o < outer; ++o) {
      for (std::int64_t i = 0; i < d1[ax] * inner; ++i) ref.push_back(a[o * d1[ax] * inner + i]);
      for (std::int64_t i = 0; i < d2[ax] * inner; ++i) ref.push_back(bv[o * d2[ax] * inner + i]);
    }
    EXPECT_EQ(s.outputDims(0, 0), yd);
    expectClose(runFloat(s, {a, bv})[0], ref, "concat axis " + std::to_string(axis));
  }
}

TEST(GatherOp, AxesAndNegativeIndices) {
  Rng rng(505);
  const std::vector<std::int64_t> d{3, 4, 5};
  for (std::int64_t axis : {0, 1, 2}) {
    OnnxBuilder b(13);
    b.input("x", d).input("i", {2, 2}, 7).output("y");
    OnnxBuilder::attr(b.node("Gather", {"x", "i"}, {"y"}), "axis", axis);
    auto s = b.session();
    auto x = randomVec(rng, product(d));
    std::vector<std::int64_t> idx{0, -1, 2, 1};
    std::int64_t outer = 1, inner = 1;
    for (std::int64_t k = 0; k < 3; ++k) {
      if (k < axis) outer *= d[k];
      if (k > axis) inner *= d[k];
    }
    std::vector<double> ref;
    for (std::int64_t o = 0; o < outer; ++o)
      for (auto j : idx) {
        std::int64_t kk = j < 0 ? j + d[axis] : j;
        for (std::int64_t i = 0; i < inner; ++i) ref.push_back(x[(o * d[axis] + kk) * inner + i]);
      }
    std::vector<float> y(ref.size());
    const void* in[] = {x.data(), idx.data()};
    void* out[] = {y.data()};
    s.run(in, out, 0);
    expectClose(y, ref, "gather axis " + std::to_string(axis));
  }
}

TEST(MiscOps, ShapeCastIdentityDropout) {
  OnnxBuilder b(13);
  b.input("x", {-1, 3}).output("shape", 7).output("ints", 7).output("id").output("drop");
  b.node("Shape", {"x"}, {"shape"});
  OnnxBuilder::attr(b.node("Cast", {"x"}, {"ints"}), "to", 7);
  b.node("Identity", {"x"}, {"id"});
  b.node("Dropout", {"x"}, {"drop"});
  auto s = b.session();
  std::vector<float> x{1.7f, -2.6f, 3.f, 0.4f, -0.9f, 8.2f};
  std::vector<std::int64_t> shape(2), ints(6);
  std::vector<float> id(6), drop(6);
  const void* in[] = {x.data()};
  void* out[] = {shape.data(), ints.data(), id.data(), drop.data()};
  s.run(in, out, 2);
  EXPECT_EQ(shape, (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(ints, (std::vector<std::int64_t>{1, -2, 3, 0, 0, 8}));
  EXPECT_EQ(id, x);
  EXPECT_EQ(drop, x);
}

}  // namespace
}  // namespace e2e::test
