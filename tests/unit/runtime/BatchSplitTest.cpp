// Cache-aware batching: a row-separable model runs large batches as chunks with unchanged results; a model that
// mixes rows is never split.
#include <gtest/gtest.h>

#include <cmath>

#include "TestModels.hpp"

namespace e2e::test {
namespace {

TEST(BatchSplit, ChunkedRunsMatchWholeBatch) {
  auto b = tinyResNet(21);
  auto split = b.session();
  runtime::SessionOptions whole;
  whole.splitBatch = false;
  auto ref = b.session(whole);
  ASSERT_GT(split.chunkRows(), 0);
  EXPECT_EQ(ref.chunkRows(), 0);
  const std::int64_t batch = split.chunkRows() * 3 + 5;  // several chunks and a remainder
  Rng rng(22);
  std::vector<float> x(static_cast<std::size_t>(batch * 4 * 16 * 16));
  for (auto& v : x) v = static_cast<float>(rng.uniform(-1, 1));
  auto want = run(ref, x, batch, 1);
  for (int threads : {1, 2}) {
    auto got = run(split, x, batch, threads);
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i)
      EXPECT_NEAR(got[i], want[i], 1e-5 * std::max(1.f, std::abs(want[i]))) << "row " << i / 3 << " threads " << threads;
  }
}

TEST(BatchSplit, RowMixingModelIsNotSplit) {
  OnnxBuilder b(13);
  b.input("x", {-1, 4}).output("y");
  b.initializerInt64("axes", {1}, {0});
  b.node("ReduceSum", {"x", "axes"}, {"y"});
  EXPECT_EQ(b.session().chunkRows(), 0);
  OnnxBuilder t(13);
  t.input("x", {-1, 4}).output("y");
  OnnxBuilder::attrInts(t.node("Transpose", {"x"}, {"y"}), "perm", {1, 0});
  EXPECT_EQ(t.session().chunkRows(), 0);
}

}  // namespace
}  // namespace e2e::test
