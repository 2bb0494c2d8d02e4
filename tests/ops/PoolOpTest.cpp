// MaxPool / AveragePool (pads, strides, ceil_mode, count_include_pad, dilations) and the global pools.
#include <limits>

#include "OpTestUtil.hpp"

namespace e2e::test {
namespace {

struct PoolCase {
  std::int64_t n, c, h, w, kh, kw, sh, sw, pt, pl, pb, pr, dh = 1, dw = 1;
  bool max, ceil, includePad;
};

std::int64_t outSize(std::int64_t in, std::int64_t k, std::int64_t s, std::int64_t p0, std::int64_t p1, std::int64_t d, bool ceil) {
  std::int64_t span = in + p0 + p1 - ((k - 1) * d + 1);
  std::int64_t o = ceil ? (span + s - 1) / s + 1 : span / s + 1;
  if (ceil && (o - 1) * s >= in + p0) --o;
  return o;
}

void runPool(const PoolCase& k, Rng& rng) {
  OnnxBuilder b(13);
  b.input("x", {-1, k.c, k.h, k.w}).output("y");
  auto& n = b.node(k.max ? "MaxPool" : "AveragePool", {"x"}, {"y"});
  OnnxBuilder::attrInts(n, "kernel_shape", {k.kh, k.kw});
  OnnxBuilder::attrInts(n, "strides", {k.sh, k.sw});
  OnnxBuilder::attrInts(n, "pads", {k.pt, k.pl, k.pb, k.pr});
  OnnxBuilder::attr(n, "ceil_mode", k.ceil);
  if (k.max) OnnxBuilder::attrInts(n, "dilations", {k.dh, k.dw});
  else OnnxBuilder::attr(n, "count_include_pad", k.includePad);
  auto s = b.session();
  auto x = randomVec(rng, k.n * k.c * k.h * k.w);
  const std::int64_t oh = outSize(k.h, k.kh, k.sh, k.pt, k.pb, k.dh, k.ceil), ow = outSize(k.w, k.kw, k.sw, k.pl, k.pr, k.dw, k.ceil);
  std::vector<double> ref(k.n * k.c * oh * ow);
  for (std::int64_t nc = 0; nc < k.n * k.c; ++nc)
    for (std::int64_t oy = 0; oy < oh; ++oy)
      for (std::int64_t ox = 0; ox < ow; ++ox) {
        double acc = k.max ? -std::numeric_limits<double>::infinity() : 0.0;
        std::int64_t count = 0;
        for (std::int64_t ky = 0; ky < k.kh; ++ky)
          for (std::int64_t kx = 0; kx < k.kw; ++kx) {
            std::int64_t iy = oy * k.sh - k.pt + ky * k.dh, ix = ox * k.sw - k.pl + kx * k.dw;
            // Windows are clipped to the padded extent (ceil mode may run past it).
            if (iy >= k.h + k.pb || ix >= k.w + k.pr) continue;
            bool inside = iy >= 0 && iy < k.h && ix >= 0 && ix < k.w;
            if (inside || k.includePad) ++count;
            if (!inside) continue;
            double v = x[(nc * k.h + iy) * k.w + ix];
            acc = k.max ? std::max(acc, v) : acc + v;
          }
        ref[(nc * oh + oy) * ow + ox] = k.max ? acc : acc / static_cast<double>(count);
      }
  expectClose(runFloat(s, {x}, k.n)[0], ref, k.max ? "maxpool" : "avgpool");
}

TEST(PoolOp, MaxAndAverage) {
  Rng rng(301);
  for (int i = 0; i < 16; ++i) {
    PoolCase k{};
    k.max = i % 2 == 0;
    k.n = randInt(rng, 1, 2);
    k.c = randInt(rng, 1, 20);
    k.h = randInt(rng, 4, 12);
    k.w = randInt(rng, 4, 12);
    k.kh = randInt(rng, 1, 3);
    k.kw = randInt(rng, 1, 3);
    k.sh = randInt(rng, 1, 3);
    k.sw = randInt(rng, 1, 3);
    k.pt = randInt(rng, 0, k.kh - 1);
    k.pl = randInt(rng, 0, k.kw - 1);
    k.pb = randInt(rng, 0, k.kh - 1);
    k.pr = randInt(rng, 0, k.kw - 1);
    k.ceil = i % 4 >= 2 && (k.max || !k.includePad);
    k.includePad = !k.max && !k.ceil && rng.below(2);
    if (k.max) {
      k.dh = randInt(rng, 1, 2);
      k.dw = randInt(rng, 1, 2);
    }
    runPool(k, rng);
  }
}

TEST(PoolOp, GlobalPools) {
  Rng rng(302);
  for (bool max : {true, false}) {
    const std::int64_t n = 2, c = 19, h = 7, w = 5;
    OnnxBuilder b(13);
    b.input("x", {-1, c, h, w}).output("y");
    b.node(max ? "GlobalMaxPool" : "GlobalAveragePool", {"x"}, {"y"});
    auto s = b.session();
    auto x = randomVec(rng, n * c * h * w);
    std::vector<double> ref(n * c);
    for (std::int64_t i = 0; i < n * c; ++i) {
      double acc = max ? -1e30 : 0.0;
      for (std::int64_t j = 0; j < h * w; ++j) acc = max ? std::max<double>(acc, x[i * h * w + j]) : acc + x[i * h * w + j];
      ref[i] = max ? acc : acc / (h * w);
    }
    EXPECT_EQ(s.outputDims(0, n), (std::vector<std::int64_t>{n, c, 1, 1}));
    expectClose(runFloat(s, {x}, n)[0], ref, max ? "globalmax" : "globalavg");
  }
}

}  // namespace
}  // namespace e2e::test
