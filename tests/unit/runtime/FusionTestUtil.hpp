#pragma once
// Pattern-fusion tests: one model run optimised and unoptimised (SessionOptions::optimize = false) on the same
// random inputs; the fused graph must give the unfused results.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../../ops/OpTestUtil.hpp"

namespace e2e::test {

struct FusionResult {
  std::string graph;  // the optimised graph's dump
  std::vector<std::vector<float>> fused, plain;
};

// `rows`: per-input element count of one batch row (inputs are [N, ...]).
inline FusionResult runFusedAndPlain(const OnnxBuilder& b, const std::vector<std::int64_t>& rows, std::int64_t batch,
                                     std::uint64_t seed, int threads = 1) {
  runtime::SessionOptions plainOptions;
  plainOptions.optimize = false;
  const auto fused = b.session();
  const auto plain = b.session(plainOptions);
  Rng rng(seed);
  std::vector<std::vector<float>> inputs;
  for (auto r : rows) inputs.push_back(randomVec(rng, static_cast<std::size_t>(r * batch), -2.0, 2.0));
  return {fused.dumpGraph(), runFloat(fused, inputs, batch, threads), runFloat(plain, inputs, batch, threads)};
}

inline void expectSameResults(const FusionResult& r, const std::string& what, double rtol = 1e-5) {
  ASSERT_EQ(r.fused.size(), r.plain.size());
  for (std::size_t o = 0; o < r.fused.size(); ++o)
    expectClose(r.fused[o], std::vector<double>(r.plain[o].begin(), r.plain[o].end()), what + " output " + std::to_string(o), rtol);
}

inline bool contains(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace e2e::test
