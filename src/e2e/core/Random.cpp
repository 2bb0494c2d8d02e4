#include "e2e/core/Random.hpp"

#include <numbers>

namespace e2e {
namespace {
std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

Rng::Rng(std::uint64_t seed, std::uint64_t eventIndex, Stream stream)
    : Rng(mix64(mix64(seed) ^ mix64(eventIndex * 0x632be59bd9b4e019ULL + static_cast<std::uint64_t>(stream)))) {}

Rng::Rng(std::uint64_t rawSeed) {
  std::uint64_t x = rawSeed;
  for (auto& s : m_s) {
    x += 0x9e3779b97f4a7c15ULL;
    s = mix64(x);
  }
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
  const std::uint64_t t = m_s[1] << 17;
  m_s[2] ^= m_s[0];
  m_s[3] ^= m_s[1];
  m_s[1] ^= m_s[2];
  m_s[0] ^= m_s[3];
  m_s[2] ^= t;
  m_s[3] = rotl(m_s[3], 45);
  return result;
}

std::uint64_t Rng::below(std::uint64_t n) {
  // Lemire's multiply-shift; the bias for n << 2^64 is negligible for simulation use.
  return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
}

double Rng::gauss() {
  if (m_hasSpare) {
    m_hasSpare = false;
    return m_spareGauss;
  }
  double u, v, s;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double f = std::sqrt(-2.0 * std::log(s) / s);
  m_spareGauss = v * f;
  m_hasSpare = true;
  return u * f;
}

double Rng::gamma(double k) {
  if (k < 1.0) {
    // Boost: Gamma(k) = Gamma(k + 1) * U^(1/k).
    return gamma(k + 1.0) * std::pow(uniformOpen(), 1.0 / k);
  }
  const double d = k - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x, v;
    do {
      x = gauss();
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = uniformOpen();
    if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

unsigned Rng::poisson(double mu) {
  if (mu <= 0.0) return 0;
  if (mu < 30.0) {
    const double limit = std::exp(-mu);
    double p = uniform();
    unsigned n = 0;
    while (p > limit) {
      p *= uniform();
      ++n;
    }
    return n;
  }
  // Large mu: PTRS transformed rejection (Hormann 1993).
  const double smu = std::sqrt(mu);
  const double b = 0.931 + 2.53 * smu;
  const double a = -0.059 + 0.02483 * b;
  const double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const double vr = 0.9277 - 3.6224 / (b - 2.0);
  for (;;) {
    const double u = uniform() - 0.5;
    const double v = uniformOpen();
    const double us = 0.5 - std::abs(u);
    const double k = std::floor((2.0 * a / us + b) * u + mu + 0.43);
    if (k < 0) continue;
    if (us >= 0.07 && v <= vr) return static_cast<unsigned>(k);
    if (us < 0.013 && v > us) continue;
    if (std::log(v * invAlpha / (a / (us * us) + b)) <= -mu + k * std::log(mu) - std::lgamma(k + 1.0))
      return static_cast<unsigned>(k);
  }
}

}  // namespace e2e
