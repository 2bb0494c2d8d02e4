#pragma once
// Shared helpers of the operator conformance cases: random data, running a one-node model, comparing against a
// naive double-precision reference.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "../support/OnnxBuilder.hpp"
#include "e2e/core/Random.hpp"

namespace e2e::test {

inline std::vector<float> randomVec(Rng& rng, std::size_t n, double lo = -1.0, double hi = 1.0) {
  std::vector<float> v(n);
  for (auto& x : v) x = static_cast<float>(rng.uniform(lo, hi));
  return v;
}

inline std::int64_t randInt(Rng& rng, std::int64_t lo, std::int64_t hi) {
  return lo + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(hi - lo + 1)));
}

inline std::int64_t product(const std::vector<std::int64_t>& d) {
  std::int64_t n = 1;
  for (auto x : d) n *= x;
  return n;
}

// Runs a loaded session on float inputs and returns its float outputs.
inline std::vector<std::vector<float>> runFloat(const runtime::Session& s, const std::vector<std::vector<float>>& inputs,
                                               std::int64_t batch = 0, int threads = 0) {
  std::vector<const void*> in;
  for (const auto& v : inputs) in.push_back(v.data());
  if (batch == 0) batch = s.dynamicBatch() ? 1 : s.staticBatch();
  std::vector<std::vector<float>> out(s.outputs().size());
  std::vector<void*> outPtr;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].resize(static_cast<std::size_t>(s.outputElements(i, batch)));
    outPtr.push_back(out[i].data());
  }
  runtime::RunOptions ro;
  ro.threads = threads;
  s.run(in, outPtr, batch, ro);
  return out;
}

// Tolerance: 1e-4 relative to each reference value, with a floor of 1e-6 of the tensor's largest magnitude
// (values that cancel to near zero carry the absolute rounding of their inputs).
inline void expectClose(const std::vector<float>& got, const std::vector<double>& ref, const std::string& what,
                        double rtol = 1e-4) {
  ASSERT_EQ(got.size(), ref.size()) << what;
  double maxAbs = 0;
  for (double r : ref) maxAbs = std::max(maxAbs, std::abs(r));
  std::size_t bad = 0;
  for (std::size_t i = 0; i < ref.size(); ++i) {
    double tol = rtol * std::max(std::abs(ref[i]), 1e-2 * maxAbs) + 1e-7;
    if (!(std::abs(got[i] - ref[i]) <= tol)) {
      if (bad++ < 5) ADD_FAILURE() << what << ": element " << i << " got " << got[i] << " want " << ref[i];
    }
  }
  EXPECT_EQ(bad, 0u) << what;
}

}  // namespace e2e::test
