#include "e2e/simulation/Helix.hpp"

#include <cmath>
#include <initializer_list>
#include <numbers>

namespace e2e::sim {
namespace {
constexpr double kTwoPi = 2.0 * std::numbers::pi;
// GeV / (T cm): radius[cm] = pT / (kCurvatureConstant * B).
constexpr double kCurvatureConstant = 0.0029979246;
// Crossings closer than this are the surface the segment starts on.
constexpr double kMinStep = 1e-7;
}  // namespace

Helix::Helix(const TrackState& start, double charge, double bField) : m_start(start) {
  m_pt = std::hypot(start.px, start.py);
  m_p = std::hypot(m_pt, start.pz);
  m_phi0 = std::atan2(start.py, start.px);
  // A positive charge in a field along +z turns clockwise: the direction angle decreases.
  m_kappa = (charge != 0.0 && bField != 0.0 && m_pt > 0.0) ? -charge * kCurvatureConstant * bField / m_pt : 0.0;
  if (m_kappa != 0.0) {
    m_cx = start.x - std::sin(m_phi0) / m_kappa;
    m_cy = start.y + std::cos(m_phi0) / m_kappa;
  }
}

double Helix::pathToCylinder(double radius) const {
  if (m_pt <= 0.0) return kNoCrossing;
  const double toPath = m_p / m_pt;  // transverse arc -> 3-D path
  if (m_kappa == 0.0) {
    const double ux = m_start.px / m_pt, uy = m_start.py / m_pt;
    const double b = m_start.x * ux + m_start.y * uy;
    const double c = m_start.x * m_start.x + m_start.y * m_start.y - radius * radius;
    const double disc = b * b - c;
    if (disc < 0.0) return kNoCrossing;
    const double root = std::sqrt(disc);
    double s = -b - root;
    if (s <= kMinStep) s = -b + root;
    return s > kMinStep ? s * toPath : kNoCrossing;
  }
  const double rho = 1.0 / std::abs(m_kappa);
  const double d = std::hypot(m_cx, m_cy);
  if (d < 1e-12 || d + rho < radius || std::abs(d - rho) > radius) return kNoCrossing;
  const double a = (radius * radius - rho * rho + d * d) / (2.0 * d);
  const double h = std::sqrt(std::max(0.0, radius * radius - a * a));
  const double ex = m_cx / d, ey = m_cy / d;
  const double psi0 = std::atan2(m_start.y - m_cy, m_start.x - m_cx);
  double best = kNoCrossing;
  for (const double sign : {-1.0, 1.0}) {
    const double px = a * ex - sign * h * ey, py = a * ey + sign * h * ex;
    double dpsi = std::atan2(py - m_cy, px - m_cx) - psi0;
    // Move along the rotation sense only: the arc to a point ahead is in (0, 2 pi].
    if (m_kappa > 0.0) {
      while (dpsi <= 0.0) dpsi += kTwoPi;
      while (dpsi > kTwoPi) dpsi -= kTwoPi;
    } else {
      while (dpsi >= 0.0) dpsi -= kTwoPi;
      while (dpsi < -kTwoPi) dpsi += kTwoPi;
    }
    double s = dpsi / m_kappa;
    if (s <= kMinStep) s += kTwoPi * rho;  // the starting point itself: next time round
    if (s < best) best = s;
  }
  return best == kNoCrossing ? kNoCrossing : best * toPath;
}

double Helix::pathToPlane(double zPlane) const {
  const double dz = zPlane - m_start.z;
  if (m_start.pz == 0.0 || dz * m_start.pz <= 0.0) return kNoCrossing;
  const double path = dz * m_p / m_start.pz;
  return path > kMinStep ? path : kNoCrossing;
}

TrackState Helix::at(double path) const {
  TrackState s = m_start;
  const double u = path / m_p;  // fraction of momentum per unit path
  s.z += m_start.pz * u;
  const double beta = m_start.energy > 0.0 ? m_p / m_start.energy : 1.0;
  s.t += path / (beta * kSpeedOfLight);
  if (m_kappa == 0.0) {
    s.x += m_start.px * u;
    s.y += m_start.py * u;
    return s;
  }
  const double arc = path * m_pt / m_p;
  const double phi = m_phi0 + m_kappa * arc;
  const double sphi = std::sin(phi), cphi = std::cos(phi);
  s.x = m_cx + sphi / m_kappa;
  s.y = m_cy - cphi / m_kappa;
  s.px = m_pt * cphi;
  s.py = m_pt * sphi;
  return s;
}

Perigee Helix::perigee() const {
  Perigee out;
  if (m_pt <= 0.0) {
    out.z0 = m_start.z;
    return out;
  }
  double arc = 0.0, x = 0.0, y = 0.0, phi = m_phi0;
  if (m_kappa == 0.0) {
    const double ux = m_start.px / m_pt, uy = m_start.py / m_pt;
    arc = -(m_start.x * ux + m_start.y * uy);
    x = m_start.x + arc * ux;
    y = m_start.y + arc * uy;
  } else {
    const double rho = 1.0 / std::abs(m_kappa);
    const double d = std::hypot(m_cx, m_cy);
    // The circle point nearest the beam line lies on the line from the centre through the origin.
    const double scale = d > 1e-12 ? 1.0 - rho / d : 0.0;
    x = m_cx * scale;
    y = m_cy * scale;
    const double psi0 = std::atan2(m_start.y - m_cy, m_start.x - m_cx);
    double dpsi = std::atan2(y - m_cy, x - m_cx) - psi0;
    while (dpsi > std::numbers::pi) dpsi -= kTwoPi;
    while (dpsi <= -std::numbers::pi) dpsi += kTwoPi;
    arc = dpsi / m_kappa;
    phi = m_phi0 + m_kappa * arc;
  }
  out.phi = std::remainder(phi, kTwoPi);
  out.z0 = m_start.z + arc * m_start.pz / m_pt;
  out.d0 = -x * std::sin(phi) + y * std::cos(phi);
  return out;
}

}  // namespace e2e::sim
