// Gemm and MatMul against triple-loop references (transposes, alpha/beta, C broadcast, batched, 1-D operands).
#include "OpTestUtil.hpp"

namespace e2e::test {
namespace {

TEST(GemmOp, TransposesAlphaBetaBias) {
  Rng rng(201);
  for (int i = 0; i < 10; ++i) {
    const std::int64_t m = randInt(rng, 1, 9), k = randInt(rng, 1, 40), n = randInt(rng, 1, 33);
    const bool ta = rng.below(2), tb = rng.below(2), constB = rng.below(3) != 0;
    const float alpha = constB ? static_cast<float>(rng.uniform(0.5, 2.0)) : 1.f;
    const float beta = static_cast<float>(rng.uniform(0.5, 2.0));
    const int cKind = static_cast<int>(rng.below(4));  // 0 none, 1 [N], 2 [1,N], 3 [M,N]
    auto a = randomVec(rng, m * k), bw = randomVec(rng, k * n);
    std::vector<std::int64_t> cd = cKind == 1 ? std::vector<std::int64_t>{n} : cKind == 2 ? std::vector<std::int64_t>{1, n}
                                                                                          : std::vector<std::int64_t>{m, n};
    auto c = randomVec(rng, product(cd));
    OnnxBuilder b(13);
    b.input("a", ta ? std::vector<std::int64_t>{k, m} : std::vector<std::int64_t>{m, k}).output("y");
    std::vector<std::int64_t> bd = tb ? std::vector<std::int64_t>{n, k} : std::vector<std::int64_t>{k, n};
    if (constB) b.initializer("b", bd, bw);
    else b.input("b", bd);
    std::vector<std::string> ins{"a", "b"};
    if (cKind) {
      b.initializer("c", cd, c);
      ins.push_back("c");
    }
    auto& node = b.node("Gemm", ins, {"y"});
    OnnxBuilder::attr(node, "transA", ta);
    OnnxBuilder::attr(node, "transB", tb);
    OnnxBuilder::attrFloat(node, "alpha", alpha);
    OnnxBuilder::attrFloat(node, "beta", beta);
    auto s = b.session();
    std::vector<double> ref(m * n);
    for (std::int64_t r = 0; r < m; ++r)
      for (std::int64_t col = 0; col < n; ++col) {
        double acc = 0;
        for (std::int64_t j = 0; j < k; ++j)
          acc += static_cast<double>(ta ? a[j * m + r] : a[r * k + j]) * (tb ? bw[col * k + j] : bw[j * n + col]);
        double cv = cKind == 0 ? 0.0 : cKind == 3 ? c[r * n + col] : c[col];
        ref[r * n + col] = alpha * acc + beta * cv;
      }
    std::vector<std::vector<float>> inputs{a};
    if (!constB) inputs.push_back(bw);
    expectClose(runFloat(s, inputs)[0], ref, "gemm case " + std::to_string(i));
  }
}

std::vector<double> matmulRef(const std::vector<float>& a, const std::vector<std::int64_t>& ad, const std::vector<float>& b,
                              const std::vector<std::int64_t>& bd, std::vector<std::int64_t>& yd) {
  // Batch dims broadcast; both operands already at least 2-D here.
  const std::size_t r = std::max(ad.size(), bd.size());
  std::vector<std::int64_t> pa(r, 1), pb(r, 1);
  std::copy(ad.begin(), ad.end(), pa.begin() + (r - ad.size()));
  std::copy(bd.begin(), bd.end(), pb.begin() + (r - bd.size()));
  yd.assign(r, 0);
  for (std::size_t i = 0; i + 2 < r; ++i) yd[i] = std::max(pa[i], pb[i]);
  const std::int64_t m = pa[r - 2], k = pa[r - 1], n = pb[r - 1];
  yd[r - 2] = m;
  yd[r - 1] = n;
  std::int64_t batches = 1;
  for (std::size_t i = 0; i + 2 < r; ++i) batches *= yd[i];
  std::vector<double> y(batches * m * n);
  for (std::int64_t bi = 0; bi < batches; ++bi) {
    std::int64_t rem = bi, oa = 0, ob = 0, sa = m * k, sb = k * n;
    for (std::size_t d = r - 2; d-- > 0;) {
      std::int64_t idx = rem % yd[d];
      rem /= yd[d];
      oa += (pa[d] == 1 ? 0 : idx) * sa;
      ob += (pb[d] == 1 ? 0 : idx) * sb;
      sa *= pa[d];
      sb *= pb[d];
    }
    for (std::int64_t i = 0; i < m; ++i)
      for (std::int64_t j = 0; j < n; ++j) {
        double acc = 0;
        for (std::int64_t q = 0; q < k; ++q) acc += static_cast<double>(a[oa + i * k + q]) * b[ob + q * n + j];
        y[(bi * m + i) * n + j] = acc;
      }
  }
  return y;
}

TEST(MatMulOp, BatchedAndBroadcast) {
  Rng rng(202);
  for (int i = 0; i < 10; ++i) {
    const std::int64_t m = randInt(rng, 1, 7), k = randInt(rng, 1, 20), n = randInt(rng, 1, 17);
    std::vector<std::int64_t> ad, bd;
    const int kind = static_cast<int>(rng.below(4));
    if (kind == 0) { ad = {m, k}; bd = {k, n}; }
    else if (kind == 1) { ad = {3, m, k}; bd = {k, n}; }
    else if (kind == 2) { ad = {2, 3, m, k}; bd = {2, 3, k, n}; }
    else { ad = {2, 1, m, k}; bd = {3, k, n}; }
    auto a = randomVec(rng, product(ad)), bw = randomVec(rng, product(bd));
    const bool constB = rng.below(2);
    OnnxBuilder b(13);
    b.input("a", ad).output("y");
    if (constB) b.initializer("b", bd, bw);
    else b.input("b", bd);
    b.node("MatMul", {"a", "b"}, {"y"});
    auto s = b.session();
    std::vector<std::int64_t> yd;
    auto ref = matmulRef(a, ad, bw, bd, yd);
    EXPECT_EQ(s.outputDims(0, 0), yd);
    std::vector<std::vector<float>> inputs{a};
    if (!constB) inputs.push_back(bw);
    expectClose(runFloat(s, inputs)[0], ref, "matmul case " + std::to_string(i));
  }
}

TEST(MatMulOp, VectorOperands) {
  Rng rng(203);
  auto a = randomVec(rng, 5), w = randomVec(rng, 5 * 4);
  OnnxBuilder b(13);
  b.input("a", {5}).output("y");
  b.initializer("w", {5, 4}, w);
  b.node("MatMul", {"a", "w"}, {"y"});
  auto s = b.session();
  EXPECT_EQ(s.outputDims(0, 0), (std::vector<std::int64_t>{4}));
  std::vector<double> ref(4, 0.0);
  for (int j = 0; j < 4; ++j)
    for (int q = 0; q < 5; ++q) ref[j] += static_cast<double>(a[q]) * w[q * 4 + j];
  expectClose(runFloat(s, {a})[0], ref, "vector x matrix");
}

}  // namespace
}  // namespace e2e::test
