#include "e2e/simulation/LateralTable.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace e2e::sim {
namespace {

// Offset nodes crowd towards the crystal edge, where a narrow core's share of a crystal changes fastest:
// node k sits at u = 0.5 (1 - (1 - k / (n - 1))^2), i.e. uniform in v = 1 - sqrt(1 - 2u).
double offsetCoordinate(double o) { return (1.0 - std::sqrt(std::max(0.0, 1.0 - 2.0 * std::min(std::abs(o), 0.5)))) * (LateralTable::kOffsets - 1); }
double offsetOfNode(int k) {
  const double v = 1.0 - static_cast<double>(k) / (LateralTable::kOffsets - 1);
  return 0.5 * (1.0 - v * v);
}
const double kLogSpan = std::log(LateralTable::kMaxRadius / LateralTable::kMinRadius);

int nearestOffsetNode(double o) {
  return std::min(static_cast<int>(offsetCoordinate(o) + 0.5), LateralTable::kOffsets - 1);
}

// Integral of the density over [0, x] x [0, y] for x, y >= 0.
double quadrant(double x, double y, double radius) {
  const double sx = std::sqrt(x * x + radius * radius);
  const double sy = std::sqrt(y * y + radius * radius);
  return (x / sx * std::atan(y / sx) + y / sy * std::atan(x / sy)) / (2.0 * std::numbers::pi);
}

double corner(double x, double y, double radius) {
  const double v = quadrant(std::abs(x), std::abs(y), radius);
  return ((x < 0) != (y < 0)) ? -v : v;
}

}  // namespace

double LateralTable::rectangle(double x0, double x1, double y0, double y1, double radius) {
  return corner(x1, y1, radius) - corner(x0, y1, radius) - corner(x1, y0, radius) + corner(x0, y0, radius);
}

double LateralTable::radiusNode(double radius) {
  if (!(radius > kMinRadius)) return 0.0;
  const double u = std::log(radius / kMinRadius) / kLogSpan * (kRadii - 1);
  return std::min(u, static_cast<double>(kRadii - 1));
}

double LateralTable::nodeRadius(int node) { return kMinRadius * std::exp(kLogSpan * node / (kRadii - 1)); }

const LateralTable& LateralTable::instance() {
  static const LateralTable table;
  return table;
}

LateralTable::LateralTable() : m_data(static_cast<std::size_t>(kRadii) * kOffsets * kOffsets * kStride, 0.0f) {
  std::array<double, kSide + 1> xs{}, ys{};
  std::array<double, (kSide + 1) * (kSide + 1)> corners{};
  for (int r = 0; r < kRadii; ++r) {
    const double radius = nodeRadius(r);
    for (int ix = 0; ix < kOffsets; ++ix) {
      for (int iy = 0; iy < kOffsets; ++iy) {
        for (int k = 0; k <= kSide; ++k) {
          xs[static_cast<std::size_t>(k)] = (k - kHalf - 0.5) - offsetOfNode(ix);
          ys[static_cast<std::size_t>(k)] = (k - kHalf - 0.5) - offsetOfNode(iy);
        }
        for (int l = 0; l <= kSide; ++l)
          for (int k = 0; k <= kSide; ++k)
            corners[static_cast<std::size_t>(l * (kSide + 1) + k)] =
                corner(xs[static_cast<std::size_t>(k)], ys[static_cast<std::size_t>(l)], radius);
        float* out = &m_data[((static_cast<std::size_t>(r) * kOffsets + static_cast<std::size_t>(ix)) * kOffsets +
                              static_cast<std::size_t>(iy)) * kStride];
        for (int j = 0; j < kSide; ++j)
          for (int i = 0; i < kSide; ++i) {
            auto c = [&](int a, int b) { return corners[static_cast<std::size_t>(b * (kSide + 1) + a)]; };
            out[j * kSide + i] = static_cast<float>(c(i + 1, j + 1) - c(i, j + 1) - c(i + 1, j) + c(i, j));
          }
      }
    }
  }
}

void LateralSum::clear() {
  for (int r = m_lo; r <= m_hi; ++r) m_weights[static_cast<std::size_t>(r)] = 0.0;
  m_lo = LateralTable::kRadii;
  m_hi = -1;
  m_total = 0.0;
}

void LateralSum::add(double radius, double weight) {
  if (!(weight > 0.0)) return;
  const double u = LateralTable::radiusNode(radius);
  const int i0 = std::min(static_cast<int>(u), LateralTable::kRadii - 1);
  const int i1 = std::min(i0 + 1, LateralTable::kRadii - 1);
  const double f = u - i0;
  m_weights[static_cast<std::size_t>(i0)] += weight * (1.0 - f);
  m_weights[static_cast<std::size_t>(i1)] += weight * f;
  m_lo = std::min(m_lo, i0);
  m_hi = std::max(m_hi, i1);
  m_total += weight;
}

void LateralSum::evaluate(double ox, double oy, std::array<float, LateralTable::kCells>& out) const {
  const LateralTable& table = LateralTable::instance();
  auto node = [](double o, int& i0, float& t) {
    // Linear in the offset between the two nodes around it.
    const double f = offsetCoordinate(o);
    i0 = std::min(static_cast<int>(f), LateralTable::kOffsets - 2);
    const double u0 = offsetOfNode(i0), u1 = offsetOfNode(i0 + 1);
    t = static_cast<float>(std::clamp((std::min(std::abs(o), 0.5) - u0) / (u1 - u0), 0.0, 1.0));
  };
  int ix, iy;
  float tx, ty;
  node(ox, ix, tx);
  node(oy, iy, ty);
  alignas(64) float acc[LateralTable::kStride] = {};
  for (int r = m_lo; r <= m_hi; ++r) {
    const float w = static_cast<float>(m_weights[static_cast<std::size_t>(r)]);
    if (w == 0.0f) continue;
    const float w00 = w * (1 - tx) * (1 - ty), w10 = w * tx * (1 - ty), w01 = w * (1 - tx) * ty, w11 = w * tx * ty;
    const float* __restrict a = table.row(r, ix, iy);
    const float* __restrict b = table.row(r, ix + 1, iy);
    const float* __restrict c = table.row(r, ix, iy + 1);
    const float* __restrict d = table.row(r, ix + 1, iy + 1);
    for (int k = 0; k < LateralTable::kStride; ++k) acc[k] += w00 * a[k] + w10 * b[k] + w01 * c[k] + w11 * d[k];
  }
  mirrorWindow(acc, ox < 0.0, oy < 0.0, out);
}

void LateralSum::evaluateNearest(double ox, double oy, std::array<float, LateralTable::kCells>& out) const {
  const LateralTable& table = LateralTable::instance();
  const int ix = nearestOffsetNode(ox), iy = nearestOffsetNode(oy);
  alignas(64) float acc[LateralTable::kStride] = {};
  for (int r = m_lo; r <= m_hi; ++r) {
    const float w = static_cast<float>(m_weights[static_cast<std::size_t>(r)]);
    if (w == 0.0f) continue;
    const float* __restrict a = table.row(r, ix, iy);
    for (int k = 0; k < LateralTable::kStride; ++k) acc[k] += w * a[k];
  }
  mirrorWindow(acc, ox < 0.0, oy < 0.0, out);
}

void mirrorWindow(const float* acc, bool flipX, bool flipY, std::array<float, LateralTable::kCells>& out) {
  using Permutation = std::array<std::uint8_t, LateralTable::kCells>;
  // Source cell of every window cell for the four flip combinations, built once.
  static const std::array<Permutation, 4> kPermutations = [] {
    std::array<Permutation, 4> p{};
    constexpr int n = LateralTable::kSide;
    for (int flips = 0; flips < 4; ++flips)
      for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
          const int si = (flips & 1) ? n - 1 - i : i, sj = (flips & 2) ? n - 1 - j : j;
          p[static_cast<std::size_t>(flips)][static_cast<std::size_t>(j * n + i)] = static_cast<std::uint8_t>(sj * n + si);
        }
    return p;
  }();
  const Permutation& perm = kPermutations[static_cast<std::size_t>((flipX ? 1 : 0) | (flipY ? 2 : 0))];
  for (std::size_t c = 0; c < perm.size(); ++c) out[c] = acc[perm[c]];
}

void ProfileGrid::build(const LateralSum& sum) {
  m_rows.assign(static_cast<std::size_t>(kNodes * kNodes * LateralTable::kCells), 0.0f);
  std::array<float, LateralTable::kCells> window{};
  const double step = 0.5 / (kNodes - 1);
  for (int ix = 0; ix < kNodes; ++ix)
    for (int iy = 0; iy < kNodes; ++iy) {
      sum.evaluate(ix * step, iy * step, window);
      std::copy(window.begin(), window.end(), m_rows.begin() + static_cast<std::ptrdiff_t>((ix * kNodes + iy) * LateralTable::kCells));
    }
}

void ProfileGrid::evaluate(double ox, double oy, std::array<float, LateralTable::kCells>& out) const {
  auto node = [](double o) { return std::min(static_cast<int>(std::min(std::abs(o), 0.5) * (kNodes - 1) / 0.5 + 0.5), kNodes - 1); };
  const int ix = node(ox), iy = node(oy);
  mirrorWindow(&m_rows[static_cast<std::size_t>((ix * kNodes + iy) * LateralTable::kCells)], ox < 0.0, oy < 0.0, out);
}

}  // namespace e2e::sim
