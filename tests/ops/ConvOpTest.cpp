// Conv against a direct-loop reference: random channels, groups, kernels, strides, pads, dilations, auto_pad.
#include "OpTestUtil.hpp"

namespace e2e::test {
namespace {

struct ConvCase {
  std::int64_t n, c, h, w, m, group, kh, kw, sh, sw, dh, dw, pt, pl, pb, pr;
  bool bias;
};

std::vector<double> convRef(const ConvCase& k, const std::vector<float>& x, const std::vector<float>& wt,
                            const std::vector<float>& b, std::int64_t oh, std::int64_t ow) {
  std::vector<double> y(static_cast<std::size_t>(k.n * k.m * oh * ow));
  const std::int64_t cg = k.c / k.group, mg = k.m / k.group;
  for (std::int64_t n = 0; n < k.n; ++n)
    for (std::int64_t m = 0; m < k.m; ++m) {
      const std::int64_t g = m / mg;
      for (std::int64_t oy = 0; oy < oh; ++oy)
        for (std::int64_t ox = 0; ox < ow; ++ox) {
          double acc = k.bias ? b[m] : 0.0;
          for (std::int64_t ci = 0; ci < cg; ++ci)
            for (std::int64_t ky = 0; ky < k.kh; ++ky)
              for (std::int64_t kx = 0; kx < k.kw; ++kx) {
                std::int64_t iy = oy * k.sh - k.pt + ky * k.dh, ix = ox * k.sw - k.pl + kx * k.dw;
                if (iy < 0 || iy >= k.h || ix < 0 || ix >= k.w) continue;
                acc += static_cast<double>(x[((n * k.c + g * cg + ci) * k.h + iy) * k.w + ix]) *
                       wt[((m * cg + ci) * k.kh + ky) * k.kw + kx];
              }
          y[((n * k.m + m) * oh + oy) * ow + ox] = acc;
        }
    }
  return y;
}

void runConvCase(const ConvCase& k, Rng& rng, const std::string& autoPad = "") {
  OnnxBuilder b(13);
  const std::int64_t cg = k.c / k.group;
  auto wt = randomVec(rng, static_cast<std::size_t>(k.m * cg * k.kh * k.kw));
  auto bias = randomVec(rng, static_cast<std::size_t>(k.m));
  b.input("x", {-1, k.c, k.h, k.w}).output("y");
  b.initializer("w", {k.m, cg, k.kh, k.kw}, wt);
  std::vector<std::string> ins{"x", "w"};
  if (k.bias) {
    b.initializer("b", {k.m}, bias);
    ins.push_back("b");
  }
  auto& n = b.node("Conv", ins, {"y"});
  OnnxBuilder::attr(n, "group", k.group);
  OnnxBuilder::attrInts(n, "strides", {k.sh, k.sw});
  OnnxBuilder::attrInts(n, "dilations", {k.dh, k.dw});
  ConvCase r = k;
  if (autoPad.empty()) {
    OnnxBuilder::attrInts(n, "pads", {k.pt, k.pl, k.pb, k.pr});
  } else {
    OnnxBuilder::attrString(n, "auto_pad", autoPad);
    // Reference pads for SAME_UPPER: total = (ceil(in/s)-1)*s + eff_k - in, extra at the end.
    auto same = [](std::int64_t in, std::int64_t s, std::int64_t kk, std::int64_t d, std::int64_t& lo, std::int64_t& hi) {
      std::int64_t o = (in + s - 1) / s, total = std::max<std::int64_t>(0, (o - 1) * s + (kk - 1) * d + 1 - in);
      lo = total / 2;
      hi = total - lo;
    };
    same(k.h, k.sh, k.kh, k.dh, r.pt, r.pb);
    same(k.w, k.sw, k.kw, k.dw, r.pl, r.pr);
  }
  auto s = b.session();
  auto x = randomVec(rng, static_cast<std::size_t>(k.n * k.c * k.h * k.w));
  const std::int64_t oh = (k.h + r.pt + r.pb - ((k.kh - 1) * k.dh + 1)) / k.sh + 1;
  const std::int64_t ow = (k.w + r.pl + r.pr - ((k.kw - 1) * k.dw + 1)) / k.sw + 1;
  auto ref = convRef(r, x, wt, bias, oh, ow);
  for (int threads : {1, 2}) {
    auto y = runFloat(s, {x}, k.n, threads);
    expectClose(y[0], ref, "conv c" + std::to_string(k.c) + " m" + std::to_string(k.m) + " g" + std::to_string(k.group));
  }
}

TEST(ConvOp, RandomConfigurations) {
  Rng rng(101);
  for (int i = 0; i < 12; ++i) {
    ConvCase k{};
    k.group = randInt(rng, 1, 3) == 3 ? randInt(rng, 2, 4) : 1;
    k.n = randInt(rng, 1, 3);
    k.c = k.group * randInt(rng, 1, 6);
    k.m = k.group * randInt(rng, 1, 8);
    k.h = randInt(rng, 5, 14);
    k.w = randInt(rng, 5, 14);
    k.kh = randInt(rng, 1, 4);
    k.kw = randInt(rng, 1, 4);
    k.sh = randInt(rng, 1, 2);
    k.sw = randInt(rng, 1, 2);
    k.dh = randInt(rng, 1, 2);
    k.dw = randInt(rng, 1, 2);
    k.pt = randInt(rng, 0, 2);
    k.pl = randInt(rng, 0, 2);
    k.pb = randInt(rng, 0, 2);
    k.pr = randInt(rng, 0, 2);
    k.bias = rng.below(2) == 1;
    runConvCase(k, rng);
  }
}

TEST(ConvOp, WideChannelsBlockedLayout) {
  Rng rng(102);
  runConvCase({2, 32, 9, 9, 48, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, true}, rng);
  runConvCase({1, 32, 8, 8, 32, 32, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, true}, rng);  // depthwise
}

TEST(ConvOp, AutoPadSameUpper) {
  Rng rng(103);
  runConvCase({1, 3, 7, 8, 5, 1, 3, 2, 2, 1, 1, 1, 0, 0, 0, 0, true}, rng, "SAME_UPPER");
}

}  // namespace
}  // namespace e2e::test
