// Cache-aware batching with the transformer and graph-network operators: a model made of them is recognised as
// row-separable (large batches run as chunks, one per thread) and its rows come out exactly as when each sample
// runs alone.
#include "TypedOpUtil.hpp"

namespace e2e::test {
namespace {

OnnxBuilder rowwiseModel(Rng& rng) {
  OnnxBuilder b(18);
  b.input("x", {-1, 8, 16}).output("y").output("idx", kInt64).output("first");
  b.initializer("s", {16}, randomVec(rng, 16, 0.5, 1.5)).initializer("b", {16}, randomVec(rng, 16));
  b.node("LayerNormalization", {"x", "s", "b"}, {"ln"});
  addInitializerInt64(b, "k", {4});
  b.node("TopK", {"ln", "k"}, {"v", "idx"});
  OnnxBuilder::attr(b.node("GatherElements", {"ln", "idx"}, {"g"}), "axis", 2);
  b.node("Greater", {"g", "v"}, {"gt"});
  b.node("Where", {"gt", "g", "v"}, {"w"});
  addInitializerInt64(b, "st", {1});
  addInitializerInt64(b, "en", {7});
  addInitializerInt64(b, "ax", {1});
  b.node("Slice", {"w", "st", "en", "ax"}, {"sl"});
  auto& sp = b.node("Split", {"sl"}, {"first", "rest"});
  OnnxBuilder::attr(sp, "axis", 2);
  OnnxBuilder::attr(sp, "num_outputs", 2);
  b.node("Max", {"first", "rest"}, {"y"});
  return b;
}

TEST(BatchChunking, GraphOperatorsKeepRowsIndependent) {
  Rng rng(671);
  auto s = rowwiseModel(rng).session();
  ASSERT_GT(s.chunkRows(), 0) << "the model should be recognised as row-separable";
  const std::int64_t batch = 3 * s.chunkRows() + 1;  // several chunks and a partial one
  const auto x = randomVec(rng, static_cast<std::size_t>(batch * 8 * 16));
  for (int threads : {1, 2}) {
    const auto all = runTyped(s, {HostTensor::of({batch, 8, 16}, x)}, batch, threads);
    for (std::int64_t r = 0; r < batch; r += 5) {
      const std::vector<float> row(x.begin() + r * 128, x.begin() + (r + 1) * 128);
      const auto one = runTyped(s, {HostTensor::of({1, 8, 16}, row)}, 1, 1);
      for (std::size_t o = 0; o < one.size(); ++o) {
        const std::size_t rowBytes = one[o].bytes.size();
        const std::vector<std::byte> slice(all[o].bytes.begin() + static_cast<std::ptrdiff_t>(r * rowBytes),
                                           all[o].bytes.begin() + static_cast<std::ptrdiff_t>((r + 1) * rowBytes));
        EXPECT_EQ(slice, one[o].bytes) << "output " << o << " row " << r << " threads " << threads;
      }
    }
  }
}

TEST(BatchChunking, SlicingTheBatchAxisIsNotSeparable) {
  // Reversing the batch keeps every dim a row dim, yet output row i is input row N-1-i: chunks would be wrong.
  OnnxBuilder b(13);
  b.input("x", {-1, 4}).output("y");
  addInitializerInt64(b, "st", {-1});
  addInitializerInt64(b, "en", {INT64_MIN});
  addInitializerInt64(b, "ax", {0});
  addInitializerInt64(b, "sp", {-1});
  b.node("Slice", {"x", "st", "en", "ax", "sp"}, {"y"});
  auto s = b.session();
  EXPECT_EQ(s.chunkRows(), 0);
  const std::int64_t batch = 130;
  std::vector<float> x(static_cast<std::size_t>(batch * 4));
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(i);
  const auto y = runFloat(s, {x}, batch)[0];
  for (std::int64_t r = 0; r < batch; ++r) EXPECT_EQ(y[r * 4], x[(batch - 1 - r) * 4]) << r;
}

}  // namespace
}  // namespace e2e::test
