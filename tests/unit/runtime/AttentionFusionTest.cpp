// fuseAttention + AttentionKernel: MatMul(Q, KT) [-> scale] -> Softmax(last axis) -> MatMul(., V) becomes one
// Attention node with the unfused results (shapes chosen to hit every tile and micro-kernel edge); near misses
// stay as they are and still compute correctly.
#include <cmath>

#include "FusionTestUtil.hpp"

namespace e2e::test {
namespace {

enum class Scale { None, MulAfter, ScalarFirst, DivAfter };

struct AttentionSpec {
  int opset = 13;
  std::int64_t heads = 2, sq = 7, skv = 9, d = 8, dv = 8;
  bool rank3 = false;  // [N, S, D] without a head dim
  Scale scale = Scale::MulAfter;
  std::int64_t softmaxAxis = -1;  // -2: not the last axis
  bool exposeScores = false;      // the scores are also a graph output
};

std::vector<std::int64_t> dims(const AttentionSpec& s, std::int64_t rows, std::int64_t cols, bool batch = true) {
  std::vector<std::int64_t> d{batch ? -1 : 1};
  if (!s.rank3) d.push_back(s.heads);
  d.push_back(rows);
  d.push_back(cols);
  return d;
}

std::int64_t rowElements(const std::vector<std::int64_t>& d) { return product({d.begin() + 1, d.end()}); }

// q [N,H,Sq,D], k [N,H,Skv,D], v [N,H,Skv,Dv] -> y; K is transposed in the graph as PyTorch exports k.transpose(-2, -1).
OnnxBuilder attention(const AttentionSpec& s) {
  OnnxBuilder b(s.opset);
  b.input("q", dims(s, s.sq, s.d)).input("k", dims(s, s.skv, s.d)).input("v", dims(s, s.skv, s.dv)).output("y");
  if (s.exposeScores) b.output("s");
  OnnxBuilder::attrInts(b.node("Transpose", {"k"}, {"kt"}), "perm", s.rank3 ? std::vector<std::int64_t>{0, 2, 1}
                                                                            : std::vector<std::int64_t>{0, 1, 3, 2});
  b.node("MatMul", {"q", "kt"}, {"s"});
  // The usual 1/sqrt(d): logits of order one, as trained models have them (far larger logits make any two fp32
  // evaluation orders differ by more than 1e-5 after the cancellation in P V).
  const float rootD = std::sqrt(static_cast<float>(s.d));
  b.initializer("c", {}, {s.scale == Scale::DivAfter ? rootD : 1.f / rootD});
  std::string scores = "s";
  if (s.scale != Scale::None) {
    if (s.scale == Scale::DivAfter) b.node("Div", {"s", "c"}, {"ss"});
    else b.node("Mul", s.scale == Scale::ScalarFirst ? std::vector<std::string>{"c", "s"} : std::vector<std::string>{"s", "c"}, {"ss"});
    scores = "ss";
  }
  auto& sm = b.node("Softmax", {scores}, {"p"});
  if (s.softmaxAxis != 0) OnnxBuilder::attr(sm, "axis", s.softmaxAxis);
  b.node("MatMul", {"p", "v"}, {"y"});
  return b;
}

FusionResult run(const AttentionSpec& s, std::int64_t batch, int threads) {
  return runFusedAndPlain(attention(s),
                          {rowElements(dims(s, s.sq, s.d)), rowElements(dims(s, s.skv, s.d)), rowElements(dims(s, s.skv, s.dv))},
                          batch, 9 + static_cast<std::uint64_t>(s.sq), threads);
}

std::vector<float> expectFused(const AttentionSpec& s, std::int64_t batch = 2, int threads = 1) {
  const auto r = run(s, batch, threads);
  EXPECT_TRUE(contains(r.graph, ": Attention(")) << r.graph;
  EXPECT_FALSE(contains(r.graph, ": Softmax(")) << r.graph;
  EXPECT_FALSE(contains(r.graph, ": MatMul(")) << r.graph;
  expectSameResults(r, "fused attention sq " + std::to_string(s.sq) + " skv " + std::to_string(s.skv) + " d " +
                           std::to_string(s.d) + " dv " + std::to_string(s.dv) + " threads " + std::to_string(threads));
  return r.fused.at(0);
}

void expectNotFused(const AttentionSpec& s) {
  const auto r = run(s, 2, 1);
  EXPECT_FALSE(contains(r.graph, ": Attention(")) << r.graph;
  EXPECT_TRUE(contains(r.graph, ": Softmax(")) << r.graph;
  expectSameResults(r, "unfused attention");
}

TEST(AttentionFusion, ScaledDotProductBecomesAttention) {
  // Tile edges: query rows past one 48-row tile and not a multiple of the 6-row micro-tile; key counts and
  // value widths with 32-, 16- and scalar-column parts; the ViT shape.
  const std::int64_t shapes[][4] = {{7, 9, 8, 8}, {50, 37, 24, 40}, {97, 64, 16, 17}, {1, 1, 1, 1}, {257, 257, 64, 64}};
  for (const auto& sh : shapes) {
    AttentionSpec s;
    s.sq = sh[0];
    s.skv = sh[1];
    s.d = sh[2];
    s.dv = sh[3];
    // A row's result does not depend on how the tiles are shared out.
    EXPECT_EQ(expectFused(s, 3, 1), expectFused(s, 3, 2)) << "sq " << s.sq;
  }
}

TEST(AttentionFusion, FusedModelStillRunsLargeBatchesInChunks) {
  AttentionSpec s;
  s.rank3 = true;
  EXPECT_GT(attention(s).session().chunkRows(), 0);  // Attention keeps rows apart (BatchSplit)
  EXPECT_GT(attention({}).session().chunkRows(), 0);
}

TEST(AttentionFusion, ScaleForms) {
  for (Scale sc : {Scale::None, Scale::ScalarFirst, Scale::DivAfter}) {
    AttentionSpec s;
    s.scale = sc;
    expectFused(s);
  }
}

TEST(AttentionFusion, RankThreeAndOpset11) {
  AttentionSpec s;
  s.rank3 = true;
  s.sq = 33;
  expectFused(s);
  s = {};
  s.opset = 11;
  s.softmaxAxis = 3;  // explicit last axis (opset 11 flattens from `axis`)
  expectFused(s);
}

TEST(AttentionFusion, SoftmaxNotOverTheLastAxisIsLeftAlone) {
  AttentionSpec s;
  s.softmaxAxis = -2;
  expectNotFused(s);
  s = {};
  s.opset = 11;
  s.softmaxAxis = 0;  // default axis 1: softmax over heads and rows together
  expectNotFused(s);
}

TEST(AttentionFusion, SecondConsumerOfTheScoresIsLeftAlone) {
  AttentionSpec s;
  s.exposeScores = true;
  expectNotFused(s);
}

}  // namespace
}  // namespace e2e::test
