// Unary elementwise ops, BatchNormalization and the broadcasting binary ops against scalar references.
#include <cmath>
#include <functional>

#include "OpTestUtil.hpp"

namespace e2e::test {
namespace {

struct UnaryCase {
  const char* op;
  std::function<double(double)> ref;
  double lo, hi;
};

TEST(UnaryOp, AllActivationsAndMath) {
  const std::vector<UnaryCase> cases = {
      {"Relu", [](double x) { return x > 0 ? x : 0; }, -3, 3},
      {"LeakyRelu", [](double x) { return x > 0 ? x : 0.2 * x; }, -3, 3},
      {"Sigmoid", [](double x) { return 1 / (1 + std::exp(-x)); }, -8, 8},
      {"Tanh", [](double x) { return std::tanh(x); }, -4, 4},
      {"Clip", [](double x) { return std::min(0.5, std::max(-0.25, x)); }, -2, 2},
      {"Elu", [](double x) { return x > 0 ? x : 1.5 * (std::exp(x) - 1); }, -3, 3},
      {"Sqrt", [](double x) { return std::sqrt(x); }, 0.01, 9},
      {"Neg", [](double x) { return -x; }, -3, 3},
      {"Exp", [](double x) { return std::exp(x); }, -10, 10},
      {"Log", [](double x) { return std::log(x); }, 0.01, 100},
      {"Abs", [](double x) { return std::abs(x); }, -3, 3},
      {"Erf", [](double x) { return std::erf(x); }, -5, 5},
  };
  Rng rng(401);
  for (const auto& c : cases) {
    const std::vector<std::int64_t> dims{-1, 3, 37};
    OnnxBuilder b(13);
    b.input("x", dims).output("y");
    std::vector<std::string> ins{"x"};
    if (std::string(c.op) == "Clip") {
      b.initializer("lo", {}, {-0.25f}).initializer("hi", {}, {0.5f});
      ins = {"x", "lo", "hi"};
    }
    auto& n = b.node(c.op, ins, {"y"});
    if (std::string(c.op) == "LeakyRelu") OnnxBuilder::attrFloat(n, "alpha", 0.2f);
    if (std::string(c.op) == "Elu") OnnxBuilder::attrFloat(n, "alpha", 1.5f);
    auto s = b.session();
    for (std::int64_t batch : {1, 5}) {
      auto x = randomVec(rng, batch * 3 * 37, c.lo, c.hi);
      if (std::string(c.op) == "Erf") x[0] = 0.f, x[1] = 1e-4f, x[2] = -4.5f;
      std::vector<double> ref(x.size());
      for (std::size_t i = 0; i < x.size(); ++i) ref[i] = c.ref(x[i]);
      expectClose(runFloat(s, {x}, batch)[0], ref, c.op);
    }
  }
}

TEST(BatchNormOp, InferenceStatistics) {
  Rng rng(402);
  const std::int64_t n = 2, c = 21, h = 5, w = 6;
  auto scale = randomVec(rng, c, 0.5, 2), shift = randomVec(rng, c), mean = randomVec(rng, c), var = randomVec(rng, c, 0.1, 3);
  OnnxBuilder b(15);
  b.input("x", {-1, c, h, w}).output("y");
  b.initializer("s", {c}, scale).initializer("b", {c}, shift).initializer("m", {c}, mean).initializer("v", {c}, var);
  auto& node = b.node("BatchNormalization", {"x", "s", "b", "m", "v"}, {"y"});
  OnnxBuilder::attrFloat(node, "epsilon", 1e-3f);
  auto s = b.session();
  auto x = randomVec(rng, n * c * h * w, -3, 3);
  std::vector<double> ref(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    std::int64_t ch = (static_cast<std::int64_t>(i) / (h * w)) % c;
    ref[i] = (x[i] - mean[ch]) / std::sqrt(static_cast<double>(var[ch]) + 1e-3) * scale[ch] + shift[ch];
  }
  expectClose(runFloat(s, {x}, n)[0], ref, "batchnorm");
}

struct BinaryShapes {
  std::vector<std::int64_t> a, b;
};

double binaryRef(const std::string& op, double a, double b) {
  if (op == "Add") return a + b;
  if (op == "Sub") return a - b;
  if (op == "Mul") return a * b;
  if (op == "Div") return a / b;
  return std::pow(a, b);
}

// Numpy broadcasting of two shapes, reference by explicit index arithmetic.
std::vector<double> broadcastRef(const std::string& op, const std::vector<float>& a, std::vector<std::int64_t> ad,
                                 const std::vector<float>& b, std::vector<std::int64_t> bd, std::vector<std::int64_t>& yd) {
  const std::size_t r = std::max(ad.size(), bd.size());
  ad.insert(ad.begin(), r - ad.size(), 1);
  bd.insert(bd.begin(), r - bd.size(), 1);
  yd.resize(r);
  for (std::size_t i = 0; i < r; ++i) yd[i] = std::max(ad[i], bd[i]);
  std::vector<double> y(product(yd));
  for (std::int64_t i = 0; i < static_cast<std::int64_t>(y.size()); ++i) {
    std::int64_t rem = i, ia = 0, ib = 0, sa = 1, sb = 1;
    for (std::size_t d = r; d-- > 0;) {
      std::int64_t idx = rem % yd[d];
      rem /= yd[d];
      ia += (ad[d] == 1 ? 0 : idx) * sa;
      ib += (bd[d] == 1 ? 0 : idx) * sb;
      sa *= ad[d];
      sb *= bd[d];
    }
    y[i] = binaryRef(op, a[ia], b[ib]);
  }
  return y;
}

TEST(BinaryOp, BroadcastingFloat) {
  const std::vector<BinaryShapes> shapes = {
      {{2, 3, 4}, {2, 3, 4}}, {{2, 3, 4}, {4}}, {{2, 3, 4}, {3, 1}}, {{1, 3, 1}, {2, 1, 4}},
      {{5, 1, 7}, {1, 6, 1}}, {{}, {2, 3}},   {{2, 3}, {}},        {{4, 1, 3, 2}, {1, 5, 1, 2}}};
  Rng rng(403);
  for (const char* op : {"Add", "Sub", "Mul", "Div", "Pow"}) {
    for (const auto& sh : shapes) {
      const bool pow = std::string(op) == "Pow";
      auto a = randomVec(rng, product(sh.a), pow ? 0.1 : -2, 2);
      auto bv = randomVec(rng, product(sh.b), pow ? -2 : 0.5, 2);
      OnnxBuilder b(13);
      b.input("a", sh.a).input("b", sh.b).output("y");
      b.node(op, {"a", "b"}, {"y"});
      auto s = b.session();
      std::vector<std::int64_t> yd;
      auto ref = broadcastRef(op, a, sh.a, bv, sh.b, yd);
      EXPECT_EQ(s.outputDims(0, 0), yd) << op;
      expectClose(runFloat(s, {a, bv})[0], ref, std::string(op) + " broadcast");
    }
  }
}

TEST(BinaryOp, Int64Arithmetic) {
  // Integer ops appear in exported shape arithmetic; run them as a real (non-folded) graph.
  OnnxBuilder b(13);
  b.input("a", {4}, 7).input("b", {1}, 7).output("y", 7);
  b.node("Mul", {"a", "b"}, {"m"});
  b.node("Div", {"m", "b"}, {"d"});
  b.node("Sub", {"d", "b"}, {"y"});
  auto s = b.session();
  std::vector<std::int64_t> a{3, -8, 100, 7}, bv{3}, y(4);
  const void* in[] = {a.data(), bv.data()};
  void* out[] = {y.data()};
  s.run(in, out, 0);
  EXPECT_EQ(y, (std::vector<std::int64_t>{0, -11, 97, 4}));
}

}  // namespace
}  // namespace e2e::test
