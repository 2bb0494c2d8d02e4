#pragma once
// Small models for the engine's unit tests, built with the ONNX protobuf API.
#include "../../support/OnnxBuilder.hpp"
#include "e2e/core/Random.hpp"

namespace e2e::test {

// One run of a single-input, single-output session; threads 0: the session's default.
inline std::vector<float> run(const runtime::Session& s, const std::vector<float>& x, std::int64_t batch, int threads = 0) {
  std::vector<float> y(static_cast<std::size_t>(s.outputElements(0, batch)));
  const void* in[] = {x.data()};
  void* out[] = {y.data()};
  runtime::RunOptions o;
  o.threads = threads;
  s.run(in, out, batch, o);
  return y;
}

inline std::vector<float> randomWeights(Rng& rng, std::size_t n, double scale) {
  std::vector<float> v(n);
  for (auto& x : v) x = static_cast<float>(rng.uniform(-scale, scale));
  return v;
}

// Adds "Conv(+bias)" named `name` from `in` to `out`.
inline void addConv(OnnxBuilder& b, Rng& rng, const std::string& name, const std::string& in, const std::string& out,
                    std::int64_t cin, std::int64_t cout, std::int64_t k, std::int64_t stride) {
  const double scale = 1.0 / std::sqrt(static_cast<double>(cin * k * k));
  b.initializer(name + ".w", {cout, cin, k, k}, randomWeights(rng, static_cast<std::size_t>(cout * cin * k * k), scale));
  b.initializer(name + ".b", {cout}, randomWeights(rng, static_cast<std::size_t>(cout), 0.1));
  auto& n = b.node("Conv", {in, name + ".w", name + ".b"}, {out}, name);
  const std::int64_t p = k / 2;
  OnnxBuilder::attrInts(n, "pads", {p, p, p, p});
  OnnxBuilder::attrInts(n, "strides", {stride, stride});
  OnnxBuilder::attrInts(n, "kernel_shape", {k, k});
}

inline void addBatchNorm(OnnxBuilder& b, Rng& rng, const std::string& name, const std::string& in, const std::string& out,
                         std::int64_t c) {
  std::vector<float> scale(c), shift(c), mean(c), var(c);
  for (std::int64_t i = 0; i < c; ++i) {
    scale[i] = static_cast<float>(rng.uniform(0.5, 1.5));
    shift[i] = static_cast<float>(rng.uniform(-0.2, 0.2));
    mean[i] = static_cast<float>(rng.uniform(-0.2, 0.2));
    var[i] = static_cast<float>(rng.uniform(0.5, 2.0));
  }
  b.initializer(name + ".s", {c}, scale).initializer(name + ".t", {c}, shift);
  b.initializer(name + ".m", {c}, mean).initializer(name + ".v", {c}, var);
  b.node("BatchNormalization", {in, name + ".s", name + ".t", name + ".m", name + ".v"}, {out}, name);
}

// A ResNet-15-shaped network in miniature: stem conv, an identity residual block (with BatchNorm), a stride-2
// block with a 1x1 shortcut, global max pool, flatten with the exported dynamic-shape chain, linear head.
inline OnnxBuilder tinyResNet(std::uint64_t seed, std::int64_t channels = 4, std::int64_t size = 16) {
  Rng rng(seed);
  OnnxBuilder b(13);
  b.input("x", {-1, channels, size, size}).output("logit");
  addConv(b, rng, "stem", "x", "s0", channels, 16, 7, 1);
  b.node("Relu", {"s0"}, {"s1"}, "stem_relu");
  addConv(b, rng, "b1c1", "s1", "b1a", 16, 16, 3, 1);
  addBatchNorm(b, rng, "b1bn", "b1a", "b1b", 16);
  b.node("Relu", {"b1b"}, {"b1c"}, "b1r1");
  addConv(b, rng, "b1c2", "b1c", "b1d", 16, 16, 3, 1);
  b.node("Add", {"b1d", "s1"}, {"b1e"}, "b1add");
  b.node("Relu", {"b1e"}, {"b1f"}, "b1r2");
  addConv(b, rng, "b2c1", "b1f", "b2a", 16, 32, 3, 2);
  b.node("Relu", {"b2a"}, {"b2b"}, "b2r1");
  addConv(b, rng, "b2c2", "b2b", "b2c", 32, 32, 3, 1);
  addConv(b, rng, "b2sc", "b1f", "b2s", 16, 32, 1, 2);
  b.node("Add", {"b2c", "b2s"}, {"b2d"}, "b2add");
  b.node("Relu", {"b2d"}, {"b2e"}, "b2r2");
  b.node("GlobalMaxPool", {"b2e"}, {"pool"}, "pool");
  b.initializerInt64("zero", {}, {0});
  b.initializerInt64("axes0", {1}, {0});
  b.initializerInt64("minus1", {1}, {-1});
  b.node("Shape", {"pool"}, {"shp"}, "shape");
  OnnxBuilder::attr(b.node("Gather", {"shp", "zero"}, {"nb"}, "gather"), "axis", 0);
  b.node("Unsqueeze", {"nb", "axes0"}, {"nb1"}, "unsq");
  OnnxBuilder::attr(b.node("Concat", {"nb1", "minus1"}, {"tgt"}, "concat"), "axis", 0);
  b.node("Reshape", {"pool", "tgt"}, {"flat"}, "reshape");
  b.initializer("fc.w", {3, 32}, randomWeights(rng, 96, 0.2));
  b.initializer("fc.b", {3}, randomWeights(rng, 3, 0.1));
  auto& fc = b.node("Gemm", {"flat", "fc.w", "fc.b"}, {"logit"}, "fc");
  OnnxBuilder::attr(fc, "transB", 1);
  return b;
}

}  // namespace e2e::test
