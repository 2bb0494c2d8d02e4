#pragma once
// Branch-free float math that the compiler vectorises inside `#pragma omp simd` loops (libm calls do not).
#include <cstdint>
#include <cstring>

namespace e2e::runtime::cpu {

// exp(x) to ~2 ulp for x in [-87, 88]: 2^n * p(r) with r = x - n ln2 in [-ln2/2, ln2/2].
inline float vexp(float x) {
  x = x < -87.f ? -87.f : (x > 88.f ? 88.f : x);
  const float n = __builtin_roundf(x * 1.44269504f);
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

// erf(x) = 2/sqrt(pi) x e^{-x^2} sum_n (2x^2)^n / (2n+1)!!: every term positive, so no cancellation near 0;
// 48 terms converge to float precision for |x| <= 3.9, beyond which erf is +-1 in float.
inline float verf(float x) {
  const float ax = x < 0 ? -x : x;
  const float c = ax > 3.9f ? 3.9f : ax;
  const float y = 2.f * c * c;
  float term = 1.f, sum = 1.f;
  for (int n = 1; n < 48; ++n) {
    term *= y / static_cast<float>(2 * n + 1);
    sum += term;
  }
  float r = 1.1283791671f * c * vexp(-c * c) * sum;
  r = r > 1.f ? 1.f : r;
  r = ax > 3.9f ? 1.f : r;
  return x < 0 ? -r : r;
}

}  // namespace e2e::runtime::cpu
