#include "e2e/runtime/Deviation.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "e2e/core/Error.hpp"

namespace e2e::runtime {

OutputDeviation compareOutputs(std::span<const float> test, std::span<const float> reference) {
  if (test.size() != reference.size()) fail("compareOutputs: ", test.size(), " values vs ", reference.size());
  double scale = 0;
  for (float r : reference) scale = std::max(scale, std::abs(static_cast<double>(r)));
  OutputDeviation d;
  for (std::size_t i = 0; i < test.size(); ++i) {
    const double diff = std::abs(static_cast<double>(test[i]) - reference[i]);
    d.maxAbs = std::isnan(diff) || std::isnan(d.maxAbs) ? NAN : std::max(d.maxAbs, diff);
  }
  d.maxRel = scale > 0 ? d.maxAbs / scale : (d.maxAbs > 0 ? INFINITY : 0.0);
  return d;
}

OutputDeviation worst(const OutputDeviation& a, const OutputDeviation& b) {
  return {std::max(a.maxAbs, b.maxAbs), std::max(a.maxRel, b.maxRel)};
}

OutputDeviation compareSessions(const Session& test, const Session& reference, std::span<const void* const> inputs,
                                std::int64_t batch) {
  if (test.outputs().size() != reference.outputs().size()) fail("compareSessions: the sessions' outputs differ");
  const std::size_t n = test.outputs().size();
  std::vector<std::vector<float>> a(n), b(n);
  std::vector<void*> pa, pb;
  for (std::size_t i = 0; i < n; ++i) {
    // Non-float outputs are compared as raw words only to size the buffers; they are skipped below.
    const std::size_t words = static_cast<std::size_t>(test.outputElements(i, batch)) *
                              ((dtypeSize(test.outputs()[i].dtype) + sizeof(float) - 1) / sizeof(float));
    a[i].resize(words);
    b[i].resize(words);
    pa.push_back(a[i].data());
    pb.push_back(b[i].data());
  }
  test.run(inputs, pa, batch);
  reference.run(inputs, pb, batch);
  OutputDeviation d;
  for (std::size_t i = 0; i < n; ++i)
    if (test.outputs()[i].dtype == DType::Float32) d = worst(d, compareOutputs(a[i], b[i]));
  return d;
}

}  // namespace e2e::runtime
