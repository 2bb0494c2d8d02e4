// The graph-network operators: TopK (small and large K, ties, any axis), GatherElements and ScatterElements /
// ScatterND with every reduction, each against a straightforward reference.
#include <algorithm>
#include <numeric>

#include "TypedOpUtil.hpp"

namespace e2e::test {
namespace {

TEST(TopKOp, AxesLargestSmallestTiesAndLargeK) {
  Rng rng(631);
  for (int c = 0; c < 24; ++c) {
    Dims x = randomDims(rng, static_cast<std::size_t>(randInt(rng, 1, 3)), 1, 6);
    const auto rank = static_cast<std::int64_t>(x.size());
    const std::int64_t ax = randInt(rng, 0, rank - 1);
    if (c % 4 == 3) x[ax] = 150;  // K above the insertion-select limit takes the partial_sort path
    const std::int64_t len = x[ax], k = c % 4 == 3 ? randInt(rng, 65, len) : randInt(rng, 0, len);
    const bool largest = rng.accept(0.5);
    OnnxBuilder b(11);
    b.input("x", x).output("v").output("i", kInt64);
    addInitializerInt64(b, "k", {k});
    auto& n = b.node("TopK", {"x", "k"}, {"v", "i"});
    OnnxBuilder::attr(n, "axis", rng.accept(0.5) ? ax : ax - rank);
    if (!largest || rng.accept(0.3)) OnnxBuilder::attr(n, "largest", largest ? 1 : 0);
    auto s = b.session();
    // Few distinct values: many ties, which must resolve to the lower index.
    std::vector<float> xv(static_cast<std::size_t>(product(x)));
    for (auto& v : xv) v = static_cast<float>(randInt(rng, -4, 4)) * 0.5f;
    Dims yd = x;
    yd[ax] = k;
    ASSERT_EQ(s.outputDims(0, x[0]), yd);
    const Dims xs = stridesOf(x), ys = stridesOf(yd);
    std::vector<float> wantV(static_cast<std::size_t>(product(yd)));
    std::vector<std::int64_t> wantI(wantV.size());
    for (std::int64_t r = 0; r < product(x) / len; ++r) {
      Dims rowDims = x;
      rowDims[ax] = 1;
      const Dims idx = unravel(r, rowDims);
      std::int64_t base = 0, obase = 0;
      for (std::size_t d = 0; d < idx.size(); ++d) {
        base += idx[d] * xs[d];
        obase += idx[d] * ys[d];
      }
      std::vector<std::int64_t> order(static_cast<std::size_t>(len));
      std::iota(order.begin(), order.end(), 0);
      std::stable_sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t bb) {
        const float va = xv[base + a * xs[ax]], vb = xv[base + bb * xs[ax]];
        return largest ? va > vb : va < vb;
      });
      for (std::int64_t j = 0; j < k; ++j) {
        wantI[obase + j * ys[ax]] = order[j];
        wantV[obase + j * ys[ax]] = xv[base + order[j] * xs[ax]];
      }
    }
    auto out = runTyped(s, {HostTensor::of(x, xv)}, x[0]);
    EXPECT_EQ(out[0].as<float>(), wantV) << "case " << c;
    EXPECT_EQ(out[1].as<std::int64_t>(), wantI) << "case " << c;
  }
}

TEST(TopKOp, KnnRowsAcrossThreads) {
  // The EdgeConv pattern: 16 nearest of 256 per row, batched; results must not depend on the thread count.
  Rng rng(632);
  OnnxBuilder b(13);
  b.input("d", {-1, 256, 256}).output("v").output("i", kInt64);
  addInitializerInt64(b, "k", {16});
  OnnxBuilder::attr(b.node("TopK", {"d", "k"}, {"v", "i"}), "largest", 0);
  auto s = b.session();
  const std::int64_t batch = 3;
  const auto d = randomVec(rng, static_cast<std::size_t>(batch * 256 * 256), 0, 10);
  auto one = runTyped(s, {HostTensor::of({batch, 256, 256}, d)}, batch, 1);
  auto two = runTyped(s, {HostTensor::of({batch, 256, 256}, d)}, batch, 2);
  EXPECT_EQ(one[1].as<std::int64_t>(), two[1].as<std::int64_t>());
  const auto idx = one[1].as<std::int64_t>();
  for (std::int64_t r = 0; r < batch * 256; r += 97) {
    std::vector<std::int64_t> order(256);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto c) { return d[r * 256 + a] < d[r * 256 + c]; });
    EXPECT_TRUE(std::equal(order.begin(), order.begin() + 16, idx.begin() + r * 16)) << "row " << r;
  }
}

TEST(GatherElementsOp, AxesIndexTypesAndNegativeIndices) {
  Rng rng(633);
  for (int c = 0; c < 24; ++c) {
    const Dims x = randomDims(rng, static_cast<std::size_t>(randInt(rng, 1, 4)), 1, 6);
    const auto rank = static_cast<std::int64_t>(x.size());
    const std::int64_t ax = randInt(rng, 0, rank - 1);
    Dims id = x;
    for (std::int64_t d = 0; d < rank; ++d) id[d] = d == ax ? randInt(rng, 1, 8) : randInt(rng, 1, x[d]);
    const bool i32 = c % 2 == 1;
    OnnxBuilder b(13);
    b.input("x", x).input("i", id, i32 ? kInt32 : kInt64).output("y");
    OnnxBuilder::attr(b.node("GatherElements", {"x", "i"}, {"y"}), "axis", rng.accept(0.5) ? ax : ax - rank);
    auto s = b.session();
    const auto xv = randomVec(rng, static_cast<std::size_t>(product(x)));
    std::vector<std::int64_t> iv(static_cast<std::size_t>(product(id)));
    for (auto& v : iv) v = randInt(rng, -x[ax], x[ax] - 1);
    const Dims xs = stridesOf(x);
    std::vector<float> want(iv.size());
    for (std::size_t o = 0; o < want.size(); ++o) {
      Dims idx = unravel(static_cast<std::int64_t>(o), id);
      idx[ax] = iv[o] < 0 ? iv[o] + x[ax] : iv[o];
      std::int64_t off = 0;
      for (std::size_t d = 0; d < idx.size(); ++d) off += idx[d] * xs[d];
      want[o] = xv[off];
    }
    HostTensor it = i32 ? HostTensor::of(id, std::vector<std::int32_t>(iv.begin(), iv.end())) : HostTensor::of(id, iv);
    EXPECT_EQ(runTyped(s, {HostTensor::of(x, xv), it}, x[0])[0].as<float>(), want) << "case " << c;
  }
}

double reduceRef(const std::string& red, double a, double b) {
  if (red == "add") return a + b;
  if (red == "mul") return a * b;
  if (red == "max") return std::max(a, b);
  if (red == "min") return std::min(a, b);
  return b;
}

TEST(ScatterElementsOp, EveryReductionAnyAxis) {
  Rng rng(634);
  const char* reds[] = {"none", "add", "mul", "max", "min"};
  for (int c = 0; c < 25; ++c) {
    const std::string red = reds[c % 5];
    const Dims x = randomDims(rng, static_cast<std::size_t>(randInt(rng, 1, 3)), 2, 6);
    const auto rank = static_cast<std::int64_t>(x.size());
    const std::int64_t ax = randInt(rng, 0, rank - 1);
    Dims id = x;
    for (std::int64_t d = 0; d < rank; ++d) id[d] = randInt(rng, 1, x[d]);
    OnnxBuilder b(red == "max" || red == "min" ? 18 : 16);
    b.input("x", x).input("i", id, kInt64).input("u", id).output("y");
    auto& n = b.node("ScatterElements", {"x", "i", "u"}, {"y"});
    OnnxBuilder::attr(n, "axis", ax);
    if (red != "none" || rng.accept(0.5)) OnnxBuilder::attrString(n, "reduction", red);
    auto s = b.session();
    const auto xv = randomVec(rng, static_cast<std::size_t>(product(x)), 0.5, 1.5);
    const auto uv = randomVec(rng, static_cast<std::size_t>(product(id)), 0.5, 1.5);
    std::vector<std::int64_t> iv(uv.size());
    // Without a reduction, duplicate targets are undefined in ONNX: a permutation along the axis instead (7 is
    // coprime to every axis length drawn here).
    for (std::size_t o = 0; o < iv.size(); ++o) {
      const Dims idx = unravel(static_cast<std::int64_t>(o), id);
      iv[o] = red == "none" ? (idx[ax] * 7 + 3) % x[ax] : randInt(rng, -x[ax], x[ax] - 1);
    }
    const Dims xs = stridesOf(x);
    std::vector<double> want(xv.begin(), xv.end());
    for (std::size_t o = 0; o < iv.size(); ++o) {
      Dims idx = unravel(static_cast<std::int64_t>(o), id);
      idx[ax] = iv[o] < 0 ? iv[o] + x[ax] : iv[o];
      std::int64_t off = 0;
      for (std::size_t d = 0; d < idx.size(); ++d) off += idx[d] * xs[d];
      want[off] = reduceRef(red, want[off], uv[o]);
    }
    const auto got = runTyped(s, {HostTensor::of(x, xv), HostTensor::of(id, iv), HostTensor::of(id, uv)}, x[0])[0].as<float>();
    expectClose(got, want, "scatter elements " + red + " case " + std::to_string(c), 1e-5);
  }
}

TEST(ScatterNDOp, TupleLengthsAndReductions) {
  Rng rng(635);
  const char* reds[] = {"none", "add", "mul", "max", "min"};
  for (int c = 0; c < 20; ++c) {
    const std::string red = reds[c % 5];
    const Dims x = randomDims(rng, static_cast<std::size_t>(randInt(rng, 1, 4)), 2, 5);
    const auto rank = static_cast<std::int64_t>(x.size());
    const std::int64_t q = randInt(rng, 1, rank);
    std::int64_t tuples = randInt(rng, 1, 6);
    if (red == "none") tuples = std::min(tuples, product(Dims(x.begin(), x.begin() + q)));
    Dims id{tuples, q}, ud{tuples};
    ud.insert(ud.end(), x.begin() + q, x.end());
    OnnxBuilder b(red == "max" || red == "min" ? 18 : 16);
    b.input("x", x).input("i", id, kInt64).input("u", ud).output("y");
    auto& n = b.node("ScatterND", {"x", "i", "u"}, {"y"});
    if (red != "none") OnnxBuilder::attrString(n, "reduction", red);
    auto s = b.session();
    const auto xv = randomVec(rng, static_cast<std::size_t>(product(x)), 0.5, 1.5);
    const auto uv = randomVec(rng, static_cast<std::size_t>(product(ud)), 0.5, 1.5);
    std::vector<std::int64_t> iv;
    std::vector<Dims> used;
    for (std::int64_t t = 0; t < tuples; ++t) {
      Dims tup(static_cast<std::size_t>(q));
      // Without a reduction, targets must be distinct; with one, repeats test accumulation.
      do {
        for (std::int64_t d = 0; d < q; ++d) tup[d] = randInt(rng, -x[d], x[d] - 1);
      } while (red == "none" && std::any_of(used.begin(), used.end(), [&](const Dims& u) {
                 for (std::int64_t d = 0; d < q; ++d)
                   if ((u[d] + x[d]) % x[d] != (tup[d] + x[d]) % x[d]) return false;
                 return true;
               }));
      used.push_back(tup);
      iv.insert(iv.end(), tup.begin(), tup.end());
    }
    const Dims xs = stridesOf(x);
    const std::int64_t slice = product(Dims(x.begin() + q, x.end()));
    std::vector<double> want(xv.begin(), xv.end());
    for (std::int64_t t = 0; t < tuples; ++t) {
      std::int64_t off = 0;
      for (std::int64_t d = 0; d < q; ++d) off += ((iv[t * q + d] + x[d]) % x[d]) * xs[d];
      for (std::int64_t e = 0; e < slice; ++e) want[off + e] = reduceRef(red, want[off + e], uv[t * slice + e]);
    }
    const auto got = runTyped(s, {HostTensor::of(x, xv), HostTensor::of(id, iv), HostTensor::of(ud, uv)}, x[0])[0].as<float>();
    expectClose(got, want, "scatternd " + red + " case " + std::to_string(c), 1e-5);
  }
}

TEST(ScatterOps, ReductionNeedsItsOpset) {
  OnnxBuilder b(16);
  b.input("x", {4}).input("i", {2}, kInt64).input("u", {2}).output("y");
  OnnxBuilder::attrString(b.node("ScatterElements", {"x", "i", "u"}, {"y"}, "sc"), "reduction", "max");
  try {
    b.session();
    FAIL() << "max needs opset 18";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'sc' (ScatterElements, opset 16)"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace e2e::test
