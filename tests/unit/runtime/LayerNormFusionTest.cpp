// fuseLayerNorm: the decomposed LayerNorm that PyTorch exports below opset 17 becomes one LayerNormalization,
// with the unfused results; near misses stay as they are and still compute correctly.
#include "FusionTestUtil.hpp"

namespace e2e::test {
namespace {

struct LayerNormSpec {
  int opset = 13;
  std::vector<std::int64_t> axes{-1};
  bool affine = true;
  float exponent = 2.f;
  bool epsFromInput = false;   // eps is a graph input, not a constant
  bool exposeCentred = false;  // x - mean is also a graph output (a second consumer)
};

// x [N, 5, 16] -> the exported F.layer_norm decomposition -> y
OnnxBuilder decomposedLayerNorm(const LayerNormSpec& s) {
  Rng rng(31);
  OnnxBuilder b(s.opset);
  b.input("x", {-1, 5, 16});
  if (s.epsFromInput) b.input("e", {-1, 5, 1});
  b.output("y");
  if (s.exposeCentred) b.output("d");
  auto reduceMean = [&](const std::string& in, const std::string& out) {
    if (s.opset >= 18) {
      b.initializerInt64(out + ".axes", {static_cast<std::int64_t>(s.axes.size())}, s.axes);
      b.node("ReduceMean", {in, out + ".axes"}, {out});
    } else {
      OnnxBuilder::attrInts(b.node("ReduceMean", {in}, {out}), "axes", s.axes);
    }
  };
  reduceMean("x", "m");
  b.node("Sub", {"x", "m"}, {"d"});
  b.initializer("two", {}, {s.exponent});
  b.node("Pow", {"d", "two"}, {"d2"});
  reduceMean("d2", "var");
  if (s.epsFromInput)
    b.node("Abs", {"e"}, {"eps"});
  else
    b.initializer("eps", {}, {1e-5f});
  b.node("Add", {"var", "eps"}, {"ve"});
  b.node("Sqrt", {"ve"}, {"sd"});
  b.node("Div", {"d", "sd"}, {s.affine ? "nrm" : "y"});
  if (s.affine) {
    const std::vector<std::int64_t> norm = s.axes.size() == 2 ? std::vector<std::int64_t>{5, 16} : std::vector<std::int64_t>{16};
    b.initializer("gamma", norm, randomVec(rng, static_cast<std::size_t>(product(norm)), 0.5, 1.5));
    b.initializer("beta", norm, randomVec(rng, static_cast<std::size_t>(product(norm))));
    b.node("Mul", {"nrm", "gamma"}, {"scaled"});
    b.node("Add", {"scaled", "beta"}, {"y"});
  }
  return b;
}

void expectFused(const LayerNormSpec& s, const std::string& axisText) {
  const auto r = runFusedAndPlain(decomposedLayerNorm(s), {80}, 3, 5);
  EXPECT_TRUE(contains(r.graph, ": LayerNormalization(")) << r.graph;
  EXPECT_TRUE(contains(r.graph, axisText)) << r.graph;
  for (const char* op : {": ReduceMean(", ": Sqrt(", ": Pow(", ": Div(", ": Sub("}) EXPECT_FALSE(contains(r.graph, op)) << op << "\n" << r.graph;
  expectSameResults(r, "fused LayerNorm");
}

void expectNotFused(const LayerNormSpec& s, std::vector<std::int64_t> rows) {
  const auto r = runFusedAndPlain(decomposedLayerNorm(s), rows, 3, 6);
  EXPECT_FALSE(contains(r.graph, ": LayerNormalization(")) << r.graph;
  EXPECT_TRUE(contains(r.graph, ": ReduceMean(")) << r.graph;
  expectSameResults(r, "unfused LayerNorm");
}

TEST(LayerNormFusion, ExportedFormBecomesLayerNormalization) { expectFused({}, "axis=-1 epsilon=1e-05"); }

TEST(LayerNormFusion, AxesAsInputFromOpset18) {
  LayerNormSpec s;
  s.opset = 18;
  expectFused(s, "axis=-1");
}

TEST(LayerNormFusion, TwoTrailingAxes) {
  LayerNormSpec s;
  s.axes = {-2, 2};
  expectFused(s, "axis=-2");
}

TEST(LayerNormFusion, WithoutAffineParameters) {
  LayerNormSpec s;
  s.affine = false;
  expectFused(s, "axis=-1");
}

TEST(LayerNormFusion, NonTrailingAxisIsLeftAlone) {
  LayerNormSpec s;
  s.axes = {1};
  expectNotFused(s, {80});
}

TEST(LayerNormFusion, NonConstantEpsIsLeftAlone) {
  LayerNormSpec s;
  s.epsFromInput = true;
  expectNotFused(s, {80, 5});
}

TEST(LayerNormFusion, SecondConsumerOfAnIntermediateIsLeftAlone) {
  LayerNormSpec s;
  s.exposeCentred = true;
  expectNotFused(s, {80});
}

TEST(LayerNormFusion, OtherExponentIsLeftAlone) {
  LayerNormSpec s;
  s.exponent = 4.f;
  expectNotFused(s, {80});
}

}  // namespace
}  // namespace e2e::test
