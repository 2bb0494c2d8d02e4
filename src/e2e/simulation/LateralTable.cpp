#include "e2e/simulation/LateralTable.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace e2e::sim {
namespace {

constexpr double kOffsetStep = 0.5 / (LateralTable::kOffsets - 1);
const double kLogSpan = std::log(LateralTable::kMaxRadius / LateralTable::kMinRadius);

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
          xs[static_cast<std::size_t>(k)] = (k - kHalf - 0.5) - ix * kOffsetStep;
          ys[static_cast<std::size_t>(k)] = (k - kHalf - 0.5) - iy * kOffsetStep;
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
    const double f = std::min(std::abs(o), 0.5) / kOffsetStep;
    i0 = std::min(static_cast<int>(f), LateralTable::kOffsets - 2);
    t = static_cast<float>(f - i0);
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
    const float* a = table.row(r, ix, iy);
    const float* b = table.row(r, ix + 1, iy);
    const float* c = table.row(r, ix, iy + 1);
    const float* d = table.row(r, ix + 1, iy + 1);
    for (int k = 0; k < LateralTable::kStride; ++k) acc[k] += w00 * a[k] + w10 * b[k] + w01 * c[k] + w11 * d[k];
  }
  const bool flipX = ox < 0.0, flipY = oy < 0.0;
  constexpr int n = LateralTable::kSide;
  for (int j = 0; j < n; ++j) {
    const int sj = flipY ? n - 1 - j : j;
    for (int i = 0; i < n; ++i) {
      const int si = flipX ? n - 1 - i : i;
      out[static_cast<std::size_t>(j * n + i)] = acc[sj * n + si];
    }
  }
}

}  // namespace e2e::sim
