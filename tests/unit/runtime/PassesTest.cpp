// Graph passes: the optimised graph has the expected shape and computes the same as the unoptimised one.
#include <gtest/gtest.h>

#include <cmath>

#include "TestModels.hpp"

namespace e2e::test {
namespace {

TEST(Passes, FusionAndFoldingKeepResults) {
  auto b = tinyResNet(7);
  runtime::SessionOptions plain;
  plain.optimize = false;
  auto ref = b.session(plain);
  auto opt = b.session();
  Rng rng(8);
  const std::int64_t batch = 3;
  std::vector<float> x(static_cast<std::size_t>(batch * 4 * 16 * 16));
  for (auto& v : x) v = static_cast<float>(rng.uniform(-1, 1));
  auto a = run(ref, x, batch), o = run(opt, x, batch);
  ASSERT_EQ(a.size(), o.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(o[i], a[i], 1e-4 * std::max(1.0f, std::abs(a[i])));
}

TEST(Passes, OptimisedGraphShape) {
  auto s = tinyResNet(7).session();
  const std::string g = s.dumpGraph();
  EXPECT_EQ(g.find("BatchNormalization"), std::string::npos) << g;  // folded into b1c1
  EXPECT_NE(g.find("b1c1: Conv+Relu("), std::string::npos) << g;
  EXPECT_NE(g.find("stem: Conv+Relu("), std::string::npos) << g;
  EXPECT_NE(g.find("b1c2: Conv+Add+Relu("), std::string::npos) << g;   // identity residual
  EXPECT_NE(g.find("b2c2: Conv+Add+Relu("), std::string::npos) << g;   // 1x1 shortcut residual
  EXPECT_EQ(g.find(": Relu("), std::string::npos) << g;               // no standalone activation left
  EXPECT_NE(g.find("x[N,4,16,16]"), std::string::npos) << g;           // symbolic batch
  // The shortcut conv runs before the conv that now consumes it.
  EXPECT_LT(g.find("b2sc: Conv("), g.find("b2c2: Conv"));
  // Residual adds run in place: the plan has no copy step and one reorder at most per region boundary.
  const std::string p = s.dumpPlan(2, 1);
  EXPECT_EQ(p.find("memcpy"), std::string::npos) << p;
}

TEST(Passes, ConstantsAndIdentitiesFold) {
  OnnxBuilder b(13);
  b.input("x", {-1, 3}).output("y");
  b.initializer("a", {3}, {1.f, 2.f, 3.f}).initializer("c", {3}, {0.5f, 0.5f, 0.5f});
  b.node("Mul", {"a", "c"}, {"ac"}, "constmul");
  b.node("Identity", {"ac"}, {"ac2"}, "ident");
  b.node("Add", {"x", "ac2"}, {"y"}, "add");
  auto s = b.session();
  const std::string g = s.dumpGraph();
  EXPECT_EQ(g.find("constmul"), std::string::npos) << g;
  EXPECT_EQ(g.find("ident"), std::string::npos) << g;
  std::vector<float> x{1, 1, 1, 2, 2, 2}, y(6);
  const void* in[] = {x.data()};
  void* out[] = {y.data()};
  s.run(in, out, 2);
  EXPECT_EQ(y, (std::vector<float>{1.5f, 2.f, 2.5f, 2.5f, 3.f, 3.5f}));
}

TEST(Passes, MatMulBiasAndScaleFuse) {
  OnnxBuilder b(13);
  b.input("x", {-1, 5, 4}).output("y");
  b.initializer("w", {4, 6}, std::vector<float>(24, 0.25f));
  b.initializer("bias", {6}, {1, 2, 3, 4, 5, 6});
  b.initializer("half", {}, {0.5f});
  b.node("MatMul", {"x", "w"}, {"m"}, "mm");
  b.node("Add", {"m", "bias"}, {"a"}, "addbias");
  b.node("Mul", {"a", "half"}, {"y"}, "scale");
  auto s = b.session();
  EXPECT_NE(s.dumpGraph().find("mm: MatMul+Linear("), std::string::npos) << s.dumpGraph();
  std::vector<float> x(2 * 5 * 4, 1.f), y(2 * 5 * 6);
  const void* in[] = {x.data()};
  void* out[] = {y.data()};
  s.run(in, out, 2);
  for (std::size_t i = 0; i < y.size(); ++i) EXPECT_FLOAT_EQ(y[i], 0.5f * (1.f + static_cast<float>(i % 6 + 1)));
}

}  // namespace
}  // namespace e2e::test
