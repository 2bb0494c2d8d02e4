#pragma once
// Distribution of |x| of one activation over calibration data, and the int8 clipping range that minimises the
// expected squared quantisation error (rounding inside the range, clipping beyond it).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace e2e::runtime {

class MagnitudeHistogram {
public:
  MagnitudeHistogram();
  void add(const float* x, std::size_t n);
  float maxAbs() const { return m_max; }
  // The range T (values are clipped to [-T, T], or [0, T]) with `levels` steps above zero (127 for s8, 255 for
  // u8) that minimises the summed squared error over the recorded values. Zeros are exact at any T.
  float bestClip(int levels) const;
  // The summed squared error of quantising the recorded values with range `clip` and `levels` steps.
  double squaredError(double clip, int levels) const;

private:
  std::vector<std::uint64_t> m_counts;  // log-spaced bins of |x| > 0
  float m_max = 0.f;
};

}  // namespace e2e::runtime
