#include "e2e/simulation/MaterialBudget.hpp"

#include <algorithm>
#include <cmath>

#include "e2e/simulation/Quadrature.hpp"

namespace e2e::sim {
namespace {

// t(|eta|) in X0, piecewise linear (our choice, shaped after the CMS tracker material plots).
constexpr std::array<double, 11> kEtaNodes{0.0, 0.3, 0.6, 0.9, 1.2, 1.4, 1.6, 1.9, 2.2, 2.5, 3.0};
constexpr std::array<double, 11> kBudget{0.40, 0.45, 0.60, 0.90, 1.45, 1.95, 1.85, 1.45, 1.10, 0.85, 0.70};

// Radius and share of the budget: beam pipe, pixel layers, pixel services, TIB, TIB/TOB services, TOB, outer
// services (support tube, cables, cooling) which carry the largest share, as in CMS.
constexpr std::array<std::array<double, 2>, MaterialBudget::kShells> kLayout{{
    {2.2, 0.04},
    {2.9, 0.035},
    {6.8, 0.035},
    {10.9, 0.035},
    {16.0, 0.035},
    {21.0, 0.07},
    {29.7, 0.10},
    {45.9, 0.10},
    {55.0, 0.09},
    {65.0, 0.10},
    {91.6, 0.12},
    {115.0, 0.24},
}};

constexpr double kMaxObliquity = 5.0;

// Stations: the shells before 18 cm, before 60 cm and the rest, each at its groups' weighted mean radius.
constexpr std::array<double, MaterialBudget::kStations> kStationEnds{18.0, 60.0, 1e9};

}  // namespace

MaterialBudget::MaterialBudget(double scale) : m_scale(scale) {
  double sum = 0.0;
  for (const auto& l : kLayout) sum += l[1];
  for (int i = 0; i < kShells; ++i) {
    const auto& l = kLayout[static_cast<std::size_t>(i)];
    m_shells[static_cast<std::size_t>(i)] = {l[0], l[0] * kShellAspect, l[1] / sum};
  }
  std::size_t shell = 0;
  for (std::size_t st = 0; st < kStations; ++st) {
    double w = 0.0, wr = 0.0;
    for (; shell < m_shells.size() && m_shells[shell].radius < kStationEnds[st]; ++shell) {
      w += m_shells[shell].weight;
      wr += m_shells[shell].weight * m_shells[shell].radius;
    }
    const double radius = w > 0.0 ? wr / w : 1.0;
    m_stations[st] = {radius, radius * kShellAspect, w};
  }
  for (int i = 0; i <= kCosTableSize; ++i)
    m_byCosTheta[static_cast<std::size_t>(i)] = total(std::atanh(std::min(static_cast<double>(i) / kCosTableSize, 1.0 - 1e-12)));
}

double MaterialBudget::totalAtCosTheta(double cosTheta) const {
  const double u = std::min(cosTheta, 1.0) * kCosTableSize;
  const auto i = std::min(static_cast<std::size_t>(u), static_cast<std::size_t>(kCosTableSize - 1));
  const double f = u - static_cast<double>(i);
  return m_byCosTheta[i] + f * (m_byCosTheta[i + 1] - m_byCosTheta[i]);
}

double MaterialBudget::total(double eta) const {
  const double a = std::min(std::abs(eta), kEtaNodes.back());
  const auto it = std::upper_bound(kEtaNodes.begin(), kEtaNodes.end(), a);
  const std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(it - kEtaNodes.begin()), kEtaNodes.size() - 1);
  const double f = (a - kEtaNodes[i - 1]) / (kEtaNodes[i] - kEtaNodes[i - 1]);
  return m_scale * (kBudget[i - 1] + f * (kBudget[i] - kBudget[i - 1]));
}

double MaterialBudget::thickness(const MaterialShell& s, double x, double y, double z, double ux, double uy, double uz) const {
  const double r = quadrature(x, y);
  const double dist = quadrature(r, z);
  if (dist <= 0.0) return 0.0;
  // Cosine between the shell normal and a radial ray from the origin, and the same for the actual direction.
  double radialCos, actualCos;
  if (std::abs(z) < s.halfLength * (1.0 - 1e-9) || r >= s.radius * (1.0 - 1e-9)) {
    radialCos = r / dist;
    actualCos = r > 0.0 ? std::abs(ux * x + uy * y) / r : 0.0;
  } else {
    radialCos = std::abs(z) / dist;
    actualCos = std::abs(uz);
  }
  const double obliquity = actualCos > radialCos / kMaxObliquity ? radialCos / actualCos : kMaxObliquity;
  return s.weight * totalAtCosTheta(std::abs(z) / dist) * obliquity;
}

int MaterialBudget::firstAround(std::span<const MaterialShell> set, double x, double y, double z) {
  const double r = quadrature(x, y), az = std::abs(z);
  for (std::size_t i = 0; i < set.size(); ++i)
    if (r < set[i].radius * (1.0 - 1e-9) && az < set[i].halfLength * (1.0 - 1e-9)) return static_cast<int>(i);
  return static_cast<int>(set.size());
}

}  // namespace e2e::sim
