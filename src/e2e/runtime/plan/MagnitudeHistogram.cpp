#include "e2e/runtime/plan/MagnitudeHistogram.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace e2e::runtime {
namespace {
// 16 bins per octave: the float's exponent and the top 4 bits of its mantissa (linear within an octave).
constexpr int kPerOctave = 16;
constexpr int kMinExp = -24, kMaxExp = 24;  // bins cover [2^-24, 2^24); smaller and larger land in the end bins
constexpr int kBins = (kMaxExp - kMinExp) * kPerOctave;

int binOf(float a) {
  const auto bits = std::bit_cast<std::uint32_t>(a);
  const int b = (static_cast<int>(bits >> 23) - 127 - kMinExp) * kPerOctave + static_cast<int>((bits >> 19) & 15u);
  return std::clamp(b, 0, kBins - 1);
}
double binAt(int b, double fraction) {  // the value `fraction` of the way through bin b
  return std::ldexp(1.0 + (b % kPerOctave + fraction) / kPerOctave, kMinExp + b / kPerOctave);
}
double binLow(int b) { return binAt(b, 0.0); }
double binCentre(int b) { return binAt(b, 0.5); }
}  // namespace

MagnitudeHistogram::MagnitudeHistogram() : m_counts(kBins, 0) {}

void MagnitudeHistogram::add(const float* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const float a = std::abs(x[i]);
    if (!(a > 0.f)) continue;  // zeros (and NaN) carry no rounding error
    ++m_counts[static_cast<std::size_t>(binOf(a))];
    m_max = std::max(m_max, a);
  }
}

double MagnitudeHistogram::squaredError(double clip, int levels) const {
  const double step = clip / levels;
  const int top = m_max > 0.f ? binOf(m_max) : -1;
  double error = 0;
  for (int b = 0; b <= top; ++b) {
    const auto n = m_counts[static_cast<std::size_t>(b)];
    if (!n) continue;
    const double v = std::min(binCentre(b), static_cast<double>(m_max));
    // Clipped beyond the range; inside it, values under half a step round to zero, others by step^2/12 on average.
    const double e = v > clip ? (v - clip) * (v - clip) : (v < step / 2 ? v * v : step * step / 12);
    error += e * static_cast<double>(n);
  }
  return error;
}

float MagnitudeHistogram::bestClip(int levels) const {
  if (m_max <= 0.f) return 0.f;
  const int top = binOf(m_max);
  // Candidates: the lower edge of every bin up to the maximum's, and the maximum itself (no clipping).
  double best = m_max, bestError = squaredError(m_max, levels);
  for (int c = 0; c <= top; ++c) {
    const double error = squaredError(binLow(c), levels);
    if (error < bestError) {
      bestError = error;
      best = binLow(c);
    }
  }
  return static_cast<float>(best);
}

}  // namespace e2e::runtime
