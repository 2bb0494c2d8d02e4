#pragma once
// Branch-free float math that the compiler vectorises inside `#pragma omp simd` loops (libm calls do not).
#include <cstdint>
#include <cstring>

namespace e2e::runtime::cpu {

// exp(x) to ~2 ulp for x in [-87, 88]: 2^n * p(r) with r = x - n ln2 in [-ln2/2, ln2/2].
inline float vexp(float x) {
  x = x < -87.f ? -87.f : (x > 88.f ? 88.f : x);
  // Round to nearest with the 1.5 * 2^23 shift: roundf() is a libm call that stops vectorisation.
  const float n = (x * 1.44269504f + 12582912.f) - 12582912.f;
  const float r = (x - n * 0.693145752f) - n * 1.42860677e-6f;  // ln2 split in two for exact reduction
  // Taylor terms to r^7: the remainder is below 1e-8 relative on this range.
  float p = 1.f / 5040.f;
  p = p * r + 1.f / 720.f;
  p = p * r + 1.f / 120.f;
  p = p * r + 1.f / 24.f;
  p = p * r + 1.f / 6.f;
  p = p * r + 0.5f;
  p = p * r + 1.f;
  p = p * r + 1.f;
  const std::int32_t bits = (static_cast<std::int32_t>(n) + 127) << 23;
  float scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

// erf(x), branch-free so that `omp simd` loops vectorise (a series with a data-dependent inner loop did not).
// |x| < 0.8: the Maclaurin series to x^19 (remainder < 3e-9, no cancellation near 0, so tiny x keep their
// relative precision); beyond: 1 - erfc(|x|) with the Chebyshev-fitted erfc of Numerical Recipes (6.2), whose
// relative error is below 1.2e-7, i.e. < 4e-8 of erf there. Both are evaluated and blended.
inline float verf(float x) {
  const float ax = x < 0 ? -x : x;
  const float s = ax < 0.8f ? ax : 0.8f;  // keeps the unused series branch finite
  const float s2 = s * s;
  // 2/sqrt(pi) * (-1)^n / (n! (2n + 1)), n = 0..9, Horner in s^2.
  float series = -1.6365845e-07f;
  series = series * s2 + 1.6462114e-06f;
  series = series * s2 - 1.4925650e-05f;
  series = series * s2 + 1.2055333e-04f;
  series = series * s2 - 8.5483270e-04f;
  series = series * s2 + 5.2239776e-03f;
  series = series * s2 - 2.6866171e-02f;
  series = series * s2 + 1.1283792e-01f;
  series = series * s2 - 3.7612639e-01f;
  series = series * s2 + 1.1283792e+00f;
  series *= s;
  const float t = 1.f / (1.f + 0.5f * ax);
  float q = 0.17087277f;
  q = q * t - 0.82215223f;
  q = q * t + 1.48851587f;
  q = q * t - 1.13520398f;
  q = q * t + 0.27886807f;
  q = q * t - 0.18628806f;
  q = q * t + 0.09678418f;
  q = q * t + 0.37409196f;
  q = q * t + 1.00002368f;
  q = q * t - 1.26551223f;
  const float erfc = t * vexp(-ax * ax + q);
  const float r = ax < 0.8f ? series : 1.f - erfc;
  return x < 0 ? -r : r;
}

}  // namespace e2e::runtime::cpu
