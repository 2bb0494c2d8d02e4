// Size, the logical ops (And, Or, Xor, Not), the variadic folds (Max, Min, Sum, Mean over n broadcast inputs)
// and ArgMax / ArgMin (axis, keepdims, select_last_index) against element-by-element references.
#include <functional>

#include "TypedOpUtil.hpp"

namespace e2e::test {
namespace {

Dims suffixWithOnes(Rng& rng, const Dims& out) {
  const std::size_t r = static_cast<std::size_t>(randInt(rng, 0, static_cast<std::int64_t>(out.size())));
  Dims d(out.end() - static_cast<std::ptrdiff_t>(r), out.end());
  for (auto& x : d)
    if (rng.accept(0.35)) x = 1;
  return d;
}

std::int64_t offsetFor(const Dims& d, const Dims& idx) {
  const Dims st = stridesOf(d);
  std::int64_t off = 0;
  for (std::size_t i = 0; i < d.size(); ++i) off += (d[i] == 1 ? 0 : idx[idx.size() - d.size() + i]) * st[i];
  return off;
}

TEST(SizeOp, CountsElementsOfBatchDependentShapes) {
  OnnxBuilder b(13);
  b.input("x", {-1, 3, 5}).output("n", kInt64);
  b.node("Size", {"x"}, {"n"});
  auto s = b.session();
  for (std::int64_t batch : {1, 7}) {
    auto out = runTyped(s, {HostTensor::of({batch, 3, 5}, std::vector<float>(static_cast<std::size_t>(batch * 15)))}, batch);
    EXPECT_EQ(out[0].dims, Dims{});
    EXPECT_EQ(out[0].as<std::int64_t>(), std::vector<std::int64_t>{batch * 15});
  }
}

TEST(LogicalOp, AndOrXorNotWithBroadcasting) {
  Rng rng(661);
  const std::vector<std::pair<std::string, std::function<bool(bool, bool)>>> ops = {
      {"And", [](bool a, bool b) { return a && b; }}, {"Or", [](bool a, bool b) { return a || b; }},
      {"Xor", [](bool a, bool b) { return a != b; }}, {"Not", [](bool a, bool) { return !a; }}};
  for (const auto& [op, f] : ops) {
    for (int c = 0; c < 4; ++c) {
      const Dims out = randomDims(rng, 3, 2, 5);
      const Dims da = op == "Not" ? out : suffixWithOnes(rng, out), db = suffixWithOnes(rng, out);
      OnnxBuilder b(13);
      b.input("a", da, kBool).output("y", kBool);
      if (op != "Not") b.input("b", db, kBool);
      b.node(op, op == "Not" ? std::vector<std::string>{"a"} : std::vector<std::string>{"a", "b"}, {"y"});
      auto s = b.session();
      std::vector<std::uint8_t> av(static_cast<std::size_t>(product(da))), bv(static_cast<std::size_t>(product(db)));
      for (auto& v : av) v = rng.accept(0.5);
      for (auto& v : bv) v = rng.accept(0.5);
      std::vector<HostTensor> in{HostTensor::of(da, av)};
      if (op != "Not") in.push_back(HostTensor::of(db, bv));
      const auto got = runTyped(s, in)[0];
      std::vector<std::uint8_t> want(static_cast<std::size_t>(product(got.dims)));
      for (std::size_t o = 0; o < want.size(); ++o) {
        const Dims idx = unravel(static_cast<std::int64_t>(o), got.dims);
        want[o] = f(av[offsetFor(da, idx)] != 0, op == "Not" ? false : bv[offsetFor(db, idx)] != 0);
      }
      EXPECT_EQ(got.as<std::uint8_t>(), want) << op;
    }
  }
}

TEST(VariadicOp, MaxMinSumMeanOverBroadcastInputs) {
  Rng rng(662);
  for (const std::string op : {"Max", "Min", "Sum", "Mean"}) {
    for (int c = 0; c < 4; ++c) {
      const Dims out = randomDims(rng, 3, 2, 5);
      const int n = static_cast<int>(randInt(rng, 1, 4));
      OnnxBuilder b(13);
      std::vector<Dims> shapes;
      std::vector<std::string> names;
      for (int k = 0; k < n; ++k) {
        shapes.push_back(k == 0 ? out : suffixWithOnes(rng, out));
        names.push_back(indexedName("x", static_cast<std::size_t>(k)));
        b.input(names.back(), shapes.back());
      }
      b.output("y");
      b.node(op, names, {"y"});
      auto s = b.session();
      std::vector<std::vector<float>> xs;
      for (const auto& d : shapes) xs.push_back(randomVec(rng, static_cast<std::size_t>(product(d))));
      std::vector<double> want(static_cast<std::size_t>(product(out)));
      for (std::size_t o = 0; o < want.size(); ++o) {
        const Dims idx = unravel(static_cast<std::int64_t>(o), out);
        double acc = xs[0][offsetFor(shapes[0], idx)];
        for (int k = 1; k < n; ++k) {
          const double v = xs[k][offsetFor(shapes[k], idx)];
          acc = op == "Max" ? std::max(acc, v) : op == "Min" ? std::min(acc, v) : acc + v;
        }
        want[o] = op == "Mean" ? acc / n : acc;
      }
      expectClose(runFloat(s, xs, out[0])[0], want, op + " of " + std::to_string(n));
    }
  }
}

TEST(ArgReduceOp, AxesKeepdimsAndTieRules) {
  Rng rng(663);
  for (int c = 0; c < 24; ++c) {
    const bool isMax = c % 2 == 0, keep = (c / 2) % 2 == 0, last = (c / 4) % 2 == 0;
    const Dims x = randomDims(rng, static_cast<std::size_t>(randInt(rng, 1, 4)), 1, 6);
    const auto rank = static_cast<std::int64_t>(x.size());
    const std::int64_t ax = randInt(rng, 0, rank - 1);
    OnnxBuilder b(13);
    b.input("x", x).output("y", kInt64);
    auto& n = b.node(isMax ? "ArgMax" : "ArgMin", {"x"}, {"y"});
    OnnxBuilder::attr(n, "axis", rng.accept(0.5) ? ax : ax - rank);
    OnnxBuilder::attr(n, "keepdims", keep);
    OnnxBuilder::attr(n, "select_last_index", last);
    auto s = b.session();
    std::vector<float> xv(static_cast<std::size_t>(product(x)));
    for (auto& v : xv) v = static_cast<float>(randInt(rng, -2, 2));  // many ties
    Dims red = x;
    red[ax] = 1;
    std::vector<std::int64_t> want(static_cast<std::size_t>(product(red)));
    const Dims xs = stridesOf(x);
    for (std::size_t o = 0; o < want.size(); ++o) {
      const Dims idx = unravel(static_cast<std::int64_t>(o), red);
      std::int64_t base = 0;
      for (std::size_t d = 0; d < idx.size(); ++d) base += idx[d] * xs[d];
      std::int64_t best = 0;
      for (std::int64_t i = 1; i < x[ax]; ++i) {
        const float v = xv[base + i * xs[ax]], bv = xv[base + best * xs[ax]];
        if ((isMax ? v > bv : v < bv) || (last && v == bv)) best = i;
      }
      want[o] = best;
    }
    Dims yd;
    for (std::int64_t d = 0; d < rank; ++d)
      if (d != ax || keep) yd.push_back(d == ax ? 1 : x[d]);
    const auto got = runTyped(s, {HostTensor::of(x, xv)}, x[0])[0];
    EXPECT_EQ(got.dims, yd);
    EXPECT_EQ(got.as<std::int64_t>(), want) << "case " << c;
  }
}

TEST(ReduceOp, ContiguousAxesWhereOneDnnHasOnlyReference) {
  // The EdgeConv neighbour max ([B, N, k, F] over k) and other runs of adjacent axes: oneDNN 2.6 only has its
  // reference kernel for these, so the engine uses its own loops; the values must still match.
  Rng rng(664);
  struct Case {
    Dims x;
    std::vector<std::int64_t> axes;
  };
  const std::vector<Case> cases = {{{3, 5, 16, 8}, {2}}, {{2, 4, 6, 5}, {1, 2}}, {{4, 7, 9}, {2}}, {{2, 3, 1, 4}, {1, 2}}};
  for (const auto& c : cases) {
    for (const std::string op : {"ReduceMax", "ReduceSum", "ReduceMean"}) {
      OnnxBuilder b(13);
      b.input("x", c.x).output("y");
      auto& n = b.node(op, op == "ReduceSum" ? std::vector<std::string>{"x", "axes"} : std::vector<std::string>{"x"}, {"y"});
      if (op == "ReduceSum") addInitializerInt64(b, "axes", c.axes);
      else OnnxBuilder::attrInts(n, "axes", c.axes);
      OnnxBuilder::attr(n, "keepdims", 0);
      auto s = b.session();
      const auto x = randomVec(rng, static_cast<std::size_t>(product(c.x)));
      Dims keep = c.x;
      for (auto a : c.axes) keep[a] = 1;
      std::vector<double> want(static_cast<std::size_t>(product(keep)), op == "ReduceMax" ? -1e30 : 0.0);
      const Dims ks = stridesOf(keep);
      for (std::size_t i = 0; i < x.size(); ++i) {
        Dims idx = unravel(static_cast<std::int64_t>(i), c.x);
        for (auto a : c.axes) idx[a] = 0;
        std::int64_t o = 0;
        for (std::size_t d = 0; d < idx.size(); ++d) o += idx[d] * ks[d];
        want[o] = op == "ReduceMax" ? std::max<double>(want[o], x[i]) : want[o] + x[i];
      }
      if (op == "ReduceMean")
        for (auto& w : want) w /= static_cast<double>(product(c.x) / product(keep));
      expectClose(runFloat(s, {x}, c.x[0])[0], want, op + " " + runtime::dimsToString(c.x));
    }
  }
}

}  // namespace
}  // namespace e2e::test
