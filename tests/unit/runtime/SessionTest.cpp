// Session behaviour: dynamic batch, determinism, thread counts, concurrent run() calls.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <thread>

#include "TestModels.hpp"
#include "e2e/core/Error.hpp"

namespace e2e::test {
namespace {

std::vector<float> input(std::int64_t batch, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<float> x(static_cast<std::size_t>(batch * 4 * 16 * 16));
  for (auto& v : x) v = static_cast<float>(rng.uniform(-1, 1));
  return x;
}

TEST(Session, BatchRowsMatchSingleRuns) {
  auto s = tinyResNet(3).session();
  const std::int64_t batch = 6;
  auto x = input(batch, 11);
  auto all = run(s, x, batch);
  const std::size_t per = 4 * 16 * 16;
  for (std::int64_t i = 0; i < batch; ++i) {
    std::vector<float> xi(x.begin() + i * per, x.begin() + (i + 1) * per);
    auto yi = run(s, xi, 1);
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(yi[k], all[i * 3 + k], 1e-5 * std::max(1.f, std::abs(yi[k])));
  }
}

TEST(Session, DeterministicForSameThreads) {
  auto s = tinyResNet(4).session();
  auto x = input(9, 12);
  for (int threads : {1, 2}) {
    auto a = run(s, x, 9, threads), b = run(s, x, 9, threads);
    EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)), 0) << threads << " threads";
  }
  auto one = run(s, x, 9, 1), two = run(s, x, 9, 2);
  for (std::size_t i = 0; i < one.size(); ++i) EXPECT_NEAR(one[i], two[i], 1e-5 * std::max(1.f, std::abs(one[i])));
}

TEST(Session, ConcurrentRunsAgreeWithSerial) {
  auto s = tinyResNet(5).session();
  const std::vector<std::int64_t> batches{1, 3, 8, 3};
  std::vector<std::vector<float>> xs, expected;
  for (std::size_t t = 0; t < batches.size(); ++t) {
    xs.push_back(input(batches[t], 100 + t));
    expected.push_back(run(s, xs[t], batches[t], 1));
  }
  std::vector<std::vector<float>> got(batches.size());
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < batches.size(); ++t)
    pool.emplace_back([&, t] {
      for (int rep = 0; rep < 20; ++rep) got[t] = run(s, xs[t], batches[t], 1);
    });
  for (auto& th : pool) th.join();
  for (std::size_t t = 0; t < batches.size(); ++t)
    EXPECT_EQ(std::memcmp(got[t].data(), expected[t].data(), got[t].size() * sizeof(float)), 0) << "thread " << t;
}

TEST(Session, RunMistakesAreErrors) {
  auto s = tinyResNet(6).session();
  std::vector<float> x(4 * 16 * 16), y(3);
  const void* in[] = {x.data()};
  void* out[] = {y.data()};
  EXPECT_THROW(s.run({}, out, 1), Error);
  EXPECT_THROW(s.run(in, out, 0), Error);
  EXPECT_THROW(runtime::Session::load("/nonexistent.onnx"), Error);
}

TEST(Session, PlanReportsFlops) {
  auto s = tinyResNet(6).session();
  // Stem 4->16 7x7 at 16x16, two 3x3 16->16 at 16x16, stride-2 3x3 16->32 at 8x8, 3x3 32->32, 1x1 16->32, fc 32->3.
  const double expect = 2.0 * (16 * 256 * 4 * 49 + 2 * 16 * 256 * 16 * 9 + 32 * 64 * 16 * 9 + 32 * 64 * 32 * 9 +
                               32 * 64 * 16 + 3 * 32);
  EXPECT_DOUBLE_EQ(s.flops(1), expect);
  EXPECT_DOUBLE_EQ(s.flops(4), 4 * expect);
}

}  // namespace
}  // namespace e2e::test
