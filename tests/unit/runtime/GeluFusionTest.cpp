// fuseGelu: x * 0.5 * (1 + erf(x / sqrt(2))) in each exported order becomes one Gelu, which a preceding MatMul
// takes as a post-op; near misses stay as they are and still compute correctly.
#include "FusionTestUtil.hpp"

namespace e2e::test {
namespace {

enum class Order { Exported, HalfFirst, HalfOnErf, MulBySqrtHalf };

struct GeluSpec {
  Order order = Order::Exported;
  bool afterMatMul = true;
  float half = 0.5f;
  float sqrt2 = 1.41421356f;
  bool exposeErf = false;  // erf(.) is also a graph output
};

// x [N, 6, 24] [-> MatMul + bias] -> GELU -> y
OnnxBuilder gelu(const GeluSpec& s) {
  Rng rng(41);
  OnnxBuilder b(13);
  b.input("in", {-1, 6, 24}).output("y");
  if (s.exposeErf) b.output("erf");
  std::string x = "in";
  if (s.afterMatMul) {
    b.initializer("w", {24, 32}, randomVec(rng, 24 * 32, -0.4, 0.4)).initializer("bias", {32}, randomVec(rng, 32));
    b.node("MatMul", {"in", "w"}, {"mm"}, "fc");
    b.node("Add", {"mm", "bias"}, {"x"});
    x = "x";
  }
  b.initializer("half", {}, {s.half}).initializer("one", {}, {1.f});
  if (s.order == Order::MulBySqrtHalf) {
    b.initializer("c", {}, {1.f / s.sqrt2});
    b.node("Mul", {"c", x}, {"u"});
  } else {
    b.initializer("c", {}, {s.sqrt2});
    b.node("Div", {x, "c"}, {"u"});
  }
  b.node("Erf", {"u"}, {"erf"});
  b.node("Add", {"one", "erf"}, {"p"});
  switch (s.order) {
    case Order::Exported:
    case Order::MulBySqrtHalf:
      b.node("Mul", {x, "p"}, {"xp"});
      b.node("Mul", {"xp", "half"}, {"y"});
      break;
    case Order::HalfFirst:
      b.node("Mul", {"half", x}, {"hx"});
      b.node("Mul", {"p", "hx"}, {"y"});
      break;
    case Order::HalfOnErf:
      b.node("Mul", {"p", "half"}, {"ph"});
      b.node("Mul", {x, "ph"}, {"y"});
      break;
  }
  return b;
}

void expectFused(const GeluSpec& s) {
  const auto r = runFusedAndPlain(gelu(s), {6 * 24}, 3, 7);
  EXPECT_TRUE(contains(r.graph, s.afterMatMul ? "fc: MatMul+Gelu(" : ": Gelu(")) << r.graph;
  for (const char* op : {": Erf(", ": Mul(", ": Div("}) EXPECT_FALSE(contains(r.graph, op)) << op << "\n" << r.graph;
  expectSameResults(r, "fused GELU");
}

void expectNotFused(const GeluSpec& s) {
  const auto r = runFusedAndPlain(gelu(s), {6 * 24}, 3, 8);
  EXPECT_FALSE(contains(r.graph, "Gelu(")) << r.graph;
  EXPECT_TRUE(contains(r.graph, ": Erf(")) << r.graph;
  expectSameResults(r, "unfused GELU");
}

TEST(GeluFusion, ExportedOrderBecomesMatMulPostOp) { expectFused({}); }

TEST(GeluFusion, FusedModelStillRunsLargeBatchesInChunks) {
  GeluSpec s;
  s.afterMatMul = false;
  EXPECT_GT(gelu(s).session().chunkRows(), 0);  // a standalone Gelu keeps rows apart (BatchSplit)
}

TEST(GeluFusion, OtherOrders) {
  for (Order o : {Order::HalfFirst, Order::HalfOnErf, Order::MulBySqrtHalf}) {
    GeluSpec s;
    s.order = o;
    expectFused(s);
  }
}

TEST(GeluFusion, StandaloneOnAGraphInput) {
  GeluSpec s;
  s.afterMatMul = false;
  expectFused(s);
}

TEST(GeluFusion, WrongConstantsAreLeftAlone) {
  GeluSpec s;
  s.half = 0.4f;
  expectNotFused(s);
  s = {};
  s.sqrt2 = 1.5f;
  expectNotFused(s);
}

TEST(GeluFusion, SecondConsumerOfAnIntermediateIsLeftAlone) {
  GeluSpec s;
  s.exposeErf = true;
  expectNotFused(s);
}

}  // namespace
}  // namespace e2e::test
