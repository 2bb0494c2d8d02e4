// Precision modes: bf16 and int8 runs of small models stay close to fp32, differ from it (the low-precision
// kernels ran), and misuse fails at load with one clear error.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "TestModels.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/runtime/Deviation.hpp"
#include "e2e/runtime/plan/MagnitudeHistogram.hpp"

namespace e2e::test {
namespace {

using runtime::Precision;

std::vector<float> randomInput(std::size_t n, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<float> x(n);
  for (auto& v : x) v = static_cast<float>(rng.uniform(-1, 1));
  return x;
}

bool cpuHasBf16() { return __builtin_cpu_supports("avx512bf16"); }
bool cpuHasVnni() { return __builtin_cpu_supports("avx512vnni") || __builtin_cpu_supports("avxvnni"); }

#define REQUIRE_CPU(precision)                                                                    \
  do {                                                                                            \
    if ((precision) == Precision::Bf16 && !cpuHasBf16())                                          \
      GTEST_SKIP() << "this CPU has no avx512_bf16: oneDNN has no fast bf16 kernels here";        \
    if ((precision) == Precision::Int8 && !cpuHasVnni())                                          \
      GTEST_SKIP() << "this CPU has no VNNI: oneDNN has no fast int8 kernels here";               \
  } while (0)

// A two-layer perceptron on [N, 24]: MatMul + bias + Relu, then Gemm (transB) + bias.
OnnxBuilder tinyMlp(std::uint64_t seed) {
  Rng rng(seed);
  OnnxBuilder b(13);
  b.input("x", {-1, 24}).output("y");
  b.initializer("w1", {24, 32}, randomWeights(rng, 24 * 32, 0.3));
  b.initializer("b1", {32}, randomWeights(rng, 32, 0.1));
  b.node("MatMul", {"x", "w1"}, {"h0"}, "mm1");
  b.node("Add", {"h0", "b1"}, {"h1"}, "add1");
  b.node("Relu", {"h1"}, {"h2"}, "relu1");
  b.initializer("w2", {5, 32}, randomWeights(rng, 5 * 32, 0.3));
  b.initializer("b2", {5}, randomWeights(rng, 5, 0.1));
  OnnxBuilder::attr(b.node("Gemm", {"h2", "w2", "b2"}, {"y"}, "fc2"), "transB", 1);
  return b;
}

// A grouped 3x3 conv (8 -> 8 channels in 4 groups) + ReLU, reshaped to [N, 8, 100] and multiplied by a constant
// [100, 12]: per-channel scales of grouped weights, and a MatMul whose leading dims fold into M.
OnnxBuilder groupedConvBatchedMatMul(std::uint64_t seed) {
  Rng rng(seed);
  OnnxBuilder b(13);
  b.input("x", {-1, 8, 10, 10}).output("y");
  b.initializer("w", {8, 2, 3, 3}, randomWeights(rng, 8 * 2 * 9, 0.4));
  b.initializer("bias", {8}, randomWeights(rng, 8, 0.1));
  auto& conv = b.node("Conv", {"x", "w", "bias"}, {"c"}, "gconv");
  OnnxBuilder::attr(conv, "group", 4);
  OnnxBuilder::attrInts(conv, "pads", {1, 1, 1, 1});
  b.node("Relu", {"c"}, {"r"}, "relu");
  b.initializerInt64("shape", {3}, {-1, 8, 100});
  b.node("Reshape", {"r", "shape"}, {"flat"}, "reshape");
  b.initializer("m", {100, 12}, randomWeights(rng, 100 * 12, 0.2));
  b.node("MatMul", {"flat", "m"}, {"y"}, "mm");
  return b;
}

struct Case {
  OnnxBuilder model;
  std::size_t rowElements;
};

Case resnetCase() { return {tinyResNet(21), 4 * 16 * 16}; }
Case mlpCase() { return {tinyMlp(22), 24}; }
Case groupedCase() { return {groupedConvBatchedMatMul(23), 8 * 10 * 10}; }

struct Loaded {
  runtime::Session fp32, low;
};

// Calibration: two batches of 16 random rows (seeds 1, 2); tests then run on other rows.
Loaded load(const Case& c, Precision p, const runtime::Int8Options& int8 = {}) {
  const auto cal1 = randomInput(16 * c.rowElements, 1), cal2 = randomInput(16 * c.rowElements, 2);
  std::vector<runtime::CalibrationBatch> cal{{{cal1.data()}, 16}, {{cal2.data()}, 16}};
  runtime::SessionOptions o;
  o.precision = p;
  o.int8 = int8;
  if (p == Precision::Int8) o.calibration = cal;
  return {c.model.session(), c.model.session(o)};
}

runtime::OutputDeviation deviation(const Loaded& s, const Case& c, std::int64_t batch, std::uint64_t seed) {
  const auto x = randomInput(static_cast<std::size_t>(batch) * c.rowElements, seed);
  const void* in[] = {x.data()};
  return runtime::compareSessions(s.low, s.fp32, in, batch);
}

void expectCloseButNotIdentical(const Case& c, Precision p, double maxRel, const char* kernelName,
                                const runtime::Int8Options& int8 = {}) {
  const Loaded s = load(c, p, int8);
  EXPECT_EQ(s.low.precision(), p);
  for (std::int64_t batch : {1, 7, 64}) {
    const auto d = deviation(s, c, batch, 100 + static_cast<std::uint64_t>(batch));
    EXPECT_LT(d.maxRel, maxRel) << runtime::precisionName(p) << " batch " << batch << " max abs " << d.maxAbs;
    EXPECT_GT(d.maxAbs, 0.0) << runtime::precisionName(p) << " batch " << batch
                             << ": bit-identical to fp32, the low-precision path did not run";
    ::testing::Test::RecordProperty(std::string(runtime::precisionName(p)) + "_maxRel_batch" + std::to_string(batch), std::to_string(d.maxRel));
  }
  // The plan names oneDNN's implementation of each step: a low-precision kernel (by its ISA) must be among them.
  const std::string plan = s.low.dumpPlan(7);
  EXPECT_NE(plan.find(kernelName), std::string::npos) << plan;
  EXPECT_EQ(plan.find("ref:"), std::string::npos) << "a reference (slow) kernel was chosen:\n" << plan;
}

TEST(Precision, Bf16ConvNetCloseToFp32) {
  REQUIRE_CPU(Precision::Bf16);
  expectCloseButNotIdentical(resnetCase(), Precision::Bf16, 1.5e-2, "bf16");
}

TEST(Precision, Int8ConvNetCloseToFp32) {
  REQUIRE_CPU(Precision::Int8);
  expectCloseButNotIdentical(resnetCase(), Precision::Int8, 4e-2, "vnni");
}

TEST(Precision, Int8EverywhereCloseToFp32) {
  REQUIRE_CPU(Precision::Int8);
  runtime::Int8Options all;
  all.quantiseModelInputs = true;
  all.range = runtime::CalibrationRange::MaxAbs;
  expectCloseButNotIdentical(resnetCase(), Precision::Int8, 4e-2, "vnni", all);
  expectCloseButNotIdentical(mlpCase(), Precision::Int8, 4e-2, "vnni", all);
}

TEST(Precision, GroupedConvAndBatchedMatMul) {
  REQUIRE_CPU(Precision::Bf16);
  REQUIRE_CPU(Precision::Int8);
  runtime::Int8Options all;
  all.quantiseModelInputs = true;
  expectCloseButNotIdentical(groupedCase(), Precision::Bf16, 1.5e-2, "bf16");
  expectCloseButNotIdentical(groupedCase(), Precision::Int8, 4e-2, "vnni", all);
}

TEST(Precision, Bf16MatMulGemmCloseToFp32) {
  REQUIRE_CPU(Precision::Bf16);
  expectCloseButNotIdentical(mlpCase(), Precision::Bf16, 1.5e-2, "bf16");
}

TEST(Precision, Int8MatMulGemmCloseToFp32) {
  REQUIRE_CPU(Precision::Int8);
  expectCloseButNotIdentical(mlpCase(), Precision::Int8, 4e-2, "vnni");
}

TEST(Precision, Int8UsesUnsignedInputsAfterRelu) {
  REQUIRE_CPU(Precision::Int8);
  runtime::Int8Options all;
  all.quantiseModelInputs = true;
  const std::string g = load(resnetCase(), Precision::Int8, all).low.dumpGraph();
  // The stem sees the signed model input; every later conv and the head follow a ReLU (or a pool of one).
  EXPECT_NE(g.find("stem: Conv+Relu [s8s8]"), std::string::npos) << g;
  EXPECT_NE(g.find("b1c1: Conv+Relu [u8s8]"), std::string::npos) << g;
  EXPECT_NE(g.find("fc: Gemm [u8s8]"), std::string::npos) << g;
}

TEST(Precision, Int8KeepsModelInputOpsInBf16) {
  REQUIRE_CPU(Precision::Int8);
  const std::string g = load(resnetCase(), Precision::Int8).low.dumpGraph();
  // By default the op reading the raw model input is not quantised (bf16 where native, else fp32).
  EXPECT_NE(g.find(cpuHasBf16() ? "stem: Conv+Relu [bf16]" : "stem: Conv+Relu("), std::string::npos) << g;
  EXPECT_NE(g.find("b1c1: Conv+Relu [u8s8]"), std::string::npos) << g;
}

TEST(Precision, CalibrationClipMinimisesError) {
  runtime::MagnitudeHistogram uniform, gauss;
  Rng rng(3);
  std::vector<float> u(100000), g(100000);
  for (auto& v : u) v = static_cast<float>(rng.uniform(-1, 1));
  for (std::size_t i = 0; i + 1 < g.size(); i += 2) {  // Box-Muller
    const double r = std::sqrt(-2 * std::log(1 - rng.uniform(0, 1))), a = 6.283185307 * rng.uniform(0, 1);
    g[i] = static_cast<float>(r * std::cos(a));
    g[i + 1] = static_cast<float>(r * std::sin(a));
  }
  uniform.add(u.data(), u.size());
  gauss.add(g.data(), g.size());
  EXPECT_NEAR(uniform.bestClip(127), 1.0, 0.1);  // nothing to gain from clipping a uniform distribution
  // A Gaussian's rare extremes cost less clipped than the coarser steps they would force on everything else.
  const float best = gauss.bestClip(127);
  EXPECT_LT(best, 0.9f * gauss.maxAbs());
  EXPECT_GT(best, 2.5f);
  for (double t : {1.0, 2.0, 3.0, 4.0, 5.0, static_cast<double>(gauss.maxAbs())})
    EXPECT_LE(gauss.squaredError(best, 127), gauss.squaredError(t, 127)) << "clip " << t;
}

TEST(Precision, LowPrecisionRunsAreDeterministic) {
  REQUIRE_CPU(Precision::Int8);
  const Case c = resnetCase();
  const Loaded s = load(c, Precision::Int8);
  const auto x = randomInput(9 * c.rowElements, 5);
  std::vector<float> a(static_cast<std::size_t>(s.low.outputElements(0, 9))), b(a.size());
  const void* in[] = {x.data()};
  void* outA[] = {a.data()};
  void* outB[] = {b.data()};
  s.low.run(in, outA, 9);
  s.low.run(in, outB, 9);
  EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)), 0);
}

std::string loadError(const OnnxBuilder& m, const runtime::SessionOptions& o) {
  try {
    m.session(o);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Precision, Int8WithoutCalibrationFails) {
  runtime::SessionOptions o;
  o.precision = Precision::Int8;
  const std::string e = loadError(tinyResNet(1), o);
  EXPECT_NE(e.find("int8 precision needs calibration data"), std::string::npos) << e;
}

TEST(Precision, CalibrationWithoutInt8Fails) {
  const auto x = randomInput(4 * 16 * 16, 1);
  std::vector<runtime::CalibrationBatch> cal{{{x.data()}, 1}};
  runtime::SessionOptions o;
  o.precision = Precision::Bf16;
  o.calibration = cal;
  const std::string e = loadError(tinyResNet(1), o);
  EXPECT_NE(e.find("calibration data is only used by int8"), std::string::npos) << e;
}

TEST(Precision, CalibrationBatchMustMatchInputs) {
  const auto x = randomInput(4 * 16 * 16, 1);
  std::vector<runtime::CalibrationBatch> cal{{{x.data(), x.data()}, 1}};
  runtime::SessionOptions o;
  o.precision = Precision::Int8;
  o.calibration = cal;
  const std::string e = loadError(tinyResNet(1), o);
  EXPECT_NE(e.find("calibration batch has 2 inputs, the model has 1"), std::string::npos) << e;
}

TEST(Precision, ModelWithoutHeavyOpsFails) {
  OnnxBuilder b(13);
  b.input("x", {-1, 8}).output("y");
  b.node("Relu", {"x"}, {"y"}, "relu");
  runtime::SessionOptions o;
  o.precision = Precision::Bf16;
  const std::string e = loadError(b, o);
  EXPECT_NE(e.find("no Conv, Gemm or MatMul with constant weights"), std::string::npos) << e;
}

TEST(Precision, NamesRoundTrip) {
  for (Precision p : {Precision::Fp32, Precision::Bf16, Precision::Int8})
    EXPECT_EQ(runtime::parsePrecision(runtime::precisionName(p)), p);
  EXPECT_THROW(runtime::parsePrecision("fp16"), Error);
}

TEST(Precision, DeviationMeasures) {
  const std::vector<float> ref{1.f, -2.f, 0.f, 4.f}, got{1.f, -2.5f, 0.005f, 4.f};
  const auto d = runtime::compareOutputs(got, ref);
  EXPECT_FLOAT_EQ(static_cast<float>(d.maxAbs), 0.5f);
  EXPECT_FLOAT_EQ(static_cast<float>(d.maxRel), 0.125f);  // relative to the output's largest magnitude, 4
}

}  // namespace
}  // namespace e2e::test
