// Softmax / LogSoftmax (opset 11 coercion and opset 13 axis semantics) and ReduceMax/Mean/Sum (attribute and
// input axes, keepdims).
#include <cmath>

#include "OpTestUtil.hpp"

namespace e2e::test {
namespace {

// Softmax over `len` elements spaced `stride` apart.
void softmaxRef(const std::vector<float>& x, std::vector<double>& y, std::int64_t outer, std::int64_t len,
                std::int64_t inner, bool log) {
  for (std::int64_t o = 0; o < outer; ++o)
    for (std::int64_t i = 0; i < inner; ++i) {
      double mx = -1e30, sum = 0;
      for (std::int64_t k = 0; k < len; ++k) mx = std::max<double>(mx, x[(o * len + k) * inner + i]);
      for (std::int64_t k = 0; k < len; ++k) sum += std::exp(x[(o * len + k) * inner + i] - mx);
      for (std::int64_t k = 0; k < len; ++k) {
        double v = x[(o * len + k) * inner + i] - mx;
        y[(o * len + k) * inner + i] = log ? v - std::log(sum) : std::exp(v) / sum;
      }
    }
}

TEST(SoftmaxOp, AxisSemanticsByOpset) {
  Rng rng(601);
  const std::vector<std::int64_t> d{2, 3, 4, 5};
  for (int opset : {11, 13}) {
    for (std::int64_t axis : {1, -1, 2}) {
      for (bool log : {false, true}) {
        OnnxBuilder b(opset);
        b.input("x", d).output("y");
        OnnxBuilder::attr(b.node(log ? "LogSoftmax" : "Softmax", {"x"}, {"y"}), "axis", axis);
        auto s = b.session();
        auto x = randomVec(rng, product(d), -4, 4);
        std::vector<double> ref(x.size());
        const std::int64_t ax = axis < 0 ? axis + 4 : axis;
        std::int64_t outer = 1, len = 1, inner = 1;
        for (std::int64_t k = 0; k < 4; ++k) {
          if (k < ax) outer *= d[k];
          else if (opset < 13 || k == ax) len *= d[k];
          else inner *= d[k];
        }
        softmaxRef(x, ref, outer, len, inner, log);
        expectClose(runFloat(s, {x})[0], ref, "softmax opset " + std::to_string(opset));
      }
    }
  }
}

TEST(ReduceOp, AxesKeepdimsAndOpsets) {
  Rng rng(602);
  const std::vector<std::int64_t> d{3, 4, 5};
  const std::vector<std::vector<std::int64_t>> axesSets{{1}, {0, 2}, {-1}, {}};
  for (const char* op : {"ReduceMax", "ReduceMean", "ReduceSum"}) {
    for (int opset : {13, 18}) {
      for (const auto& axes : axesSets) {
        for (int keep : {0, 1}) {
          const bool axesInput = opset >= 18 || std::string(op) == "ReduceSum";
          OnnxBuilder b(opset);
          b.input("x", d).output("y");
          std::vector<std::string> ins{"x"};
          if (axesInput && !axes.empty()) {
            b.initializerInt64("axes", {static_cast<std::int64_t>(axes.size())}, axes);
            ins.push_back("axes");
          }
          auto& n = b.node(op, ins, {"y"});
          OnnxBuilder::attr(n, "keepdims", keep);
          if (!axesInput && !axes.empty()) OnnxBuilder::attrInts(n, "axes", axes);
          auto s = b.session();
          auto x = randomVec(rng, product(d));
          std::vector<bool> red(3, axes.empty());
          for (auto a : axes) red[a < 0 ? a + 3 : a] = true;
          std::vector<std::int64_t> od;
          for (int k = 0; k < 3; ++k)
            if (!red[k] || keep) od.push_back(red[k] ? 1 : d[k]);
          std::vector<std::int64_t> kd{red[0] ? 1 : d[0], red[1] ? 1 : d[1], red[2] ? 1 : d[2]};
          std::vector<double> acc(product(kd), std::string(op) == "ReduceMax" ? -1e30 : 0.0);
          std::vector<int> cnt(acc.size(), 0);
          for (std::int64_t i = 0; i < d[0]; ++i)
            for (std::int64_t j = 0; j < d[1]; ++j)
              for (std::int64_t k = 0; k < d[2]; ++k) {
                std::int64_t o = ((red[0] ? 0 : i) * kd[1] + (red[1] ? 0 : j)) * kd[2] + (red[2] ? 0 : k);
                double v = x[(i * d[1] + j) * d[2] + k];
                acc[o] = std::string(op) == "ReduceMax" ? std::max(acc[o], v) : acc[o] + v;
                ++cnt[o];
              }
          if (std::string(op) == "ReduceMean")
            for (std::size_t o = 0; o < acc.size(); ++o) acc[o] /= cnt[o];
          EXPECT_EQ(s.outputDims(0, 0), od) << op;
          expectClose(runFloat(s, {x})[0], acc, std::string(op) + " opset " + std::to_string(opset));
        }
      }
    }
  }
}

}  // namespace
}  // namespace e2e::test
