#pragma once
// Crystal integrals of the radial profile 2 r R^2 / (r^2 + R^2)^2, tabulated once. The 2-D density
// R^2 / (pi (x^2 + y^2 + R^2)^2) has a closed-form integral over a rectangle, so each entry is exact; at run time
// a shower only interpolates: linearly in log R (radius in crystal widths) and bilinearly in the offset of the
// shower axis from the centre of its crystal. A shower's lateral profile is a sum of such terms (core and tail at
// every depth), so depositing it costs a few table rows instead of thousands of energy spots.
#include <array>
#include <cstddef>
#include <vector>

namespace e2e::sim {

class LateralTable {
public:
  static constexpr int kHalf = 5;                    // window of 11 x 11 crystals around the axis crystal
  static constexpr int kSide = 2 * kHalf + 1;
  static constexpr int kCells = kSide * kSide;
  static constexpr int kStride = 128;                // padded row (SIMD friendly)
  static constexpr int kRadii = 48;
  static constexpr double kMinRadius = 0.02;         // crystal widths
  static constexpr double kMaxRadius = 10.0;
  static constexpr int kOffsets = 14;                // axis offsets 0 .. 0.5 crystal (mirrored for < 0)

  // The shared instance (built on first use, thread-safe).
  static const LateralTable& instance();

  // Fractional node index of a radius, clamped to the table.
  static double radiusNode(double radius);
  static double nodeRadius(int node);
  // Fractions for radius node `r` at offset nodes (ix, iy); cell (i, j) (i along x, j along y, both 0..10) at
  // index j * kSide + i.
  const float* row(int r, int ix, int iy) const {
    return &m_data[((static_cast<std::size_t>(r) * kOffsets + static_cast<std::size_t>(ix)) * kOffsets +
                    static_cast<std::size_t>(iy)) * kStride];
  }
  // Closed-form integral of the unit profile of radius R over [x0, x1] x [y0, y1].
  static double rectangle(double x0, double x1, double y0, double y1, double radius);

private:
  LateralTable();
  std::vector<float> m_data;
};

// A weighted sum of radial terms with a common axis, deposited into the 11 x 11 window.
class LateralSum {
public:
  void clear();
  // Adds `weight` of a term of radius `radius` (crystal widths).
  void add(double radius, double weight);
  // Window fractions (cell (i, j) at j * kSide + i, axis offsets ox, oy in [-0.5, 0.5] crystal widths).
  void evaluate(double ox, double oy, std::array<float, LateralTable::kCells>& out) const;
  // The same with the offsets rounded to the nearest table node (steps of 0.07 crystal at the centre down to
  // 0.003 at the edge): a quarter of the work, for small showers.
  void evaluateNearest(double ox, double oy, std::array<float, LateralTable::kCells>& out) const;
  double totalWeight() const { return m_total; }

private:
  std::array<double, LateralTable::kRadii> m_weights{};
  int m_lo = LateralTable::kRadii, m_hi = -1;
  double m_total = 0;
};

// A fixed lateral sum evaluated once for every offset node: showers that share a profile (small EM showers of one
// energy bin, hadronic deposits in the ECAL) then cost a lookup.
// A coarse offset grid (nearest node, steps of 0.07 crystal) keeps the tables small enough to stay in cache.
class ProfileGrid {
public:
  static constexpr int kNodes = 8;  // offsets 0 .. 0.5 crystal

  void build(const LateralSum& sum);
  void evaluate(double ox, double oy, std::array<float, LateralTable::kCells>& out) const;

private:
  std::vector<float> m_rows;  // kNodes x kNodes rows of kCells fractions
};

// Copies a window computed for non-negative offsets, flipped for negative ones.
void mirrorWindow(const float* window, bool flipX, bool flipY, std::array<float, LateralTable::kCells>& out);

}  // namespace e2e::sim
