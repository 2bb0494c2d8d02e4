#include "e2e/simulation/Helix.hpp"

#include <cmath>
#include <initializer_list>
#include <numbers>

#include "e2e/simulation/Quadrature.hpp"

namespace e2e::sim {
namespace {
constexpr double kTwoPi = 2.0 * std::numbers::pi;
// GeV / (T cm): radius[cm] = pT / (kCurvatureConstant * B).
constexpr double kCurvatureConstant = 0.0029979246;
// Crossings closer than this are the surface the segment starts on.
constexpr double kMinStep = 1e-7;
}  // namespace

Helix::Helix(const TrackState& start, double charge, double bField) : m_start(start) {
  m_pt = quadrature(start.px, start.py);
  m_p = quadrature(m_pt, start.pz);
  m_sin0 = m_pt > 0.0 ? start.py / m_pt : 0.0;
  m_cos0 = m_pt > 0.0 ? start.px / m_pt : 1.0;
  // A positive charge in a field along +z turns clockwise: the direction angle decreases.
  m_kappa = (charge != 0.0 && bField != 0.0 && m_pt > 0.0) ? -charge * kCurvatureConstant * bField / m_pt : 0.0;
  if (m_kappa != 0.0) {
    m_cx = start.x - m_sin0 / m_kappa;
    m_cy = start.y + m_cos0 / m_kappa;
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
  const double d = quadrature(m_cx, m_cy);
  if (d < 1e-12 || d + rho < radius || std::abs(d - rho) > radius) return kNoCrossing;
  const double a = (radius * radius - rho * rho + d * d) / (2.0 * d);
  const double h = std::sqrt(std::max(0.0, radius * radius - a * a));
  const double ex = m_cx / d, ey = m_cy / d;
  const double sx = m_start.x - m_cx, sy = m_start.y - m_cy;  // from the centre to the start
  const double sense = m_kappa > 0.0 ? 1.0 : -1.0;
  const double rho2 = rho * rho;
  // Of the two crossings, the first one along the rotation: order them by a key monotonic in the turning angle
  // (1 - cos in the first half-turn, 3 + cos in the second), so that only the winner needs an atan2.
  double bestKey = 5.0, bestCross = 0.0, bestDot = 0.0;
  for (const double sign : {-1.0, 1.0}) {
    const double qx = a * ex - sign * h * ey - m_cx, qy = a * ey + sign * h * ex - m_cy;
    const double cross = sense * (sx * qy - sy * qx), dot = sx * qx + sy * qy;
    const double chord2 = (qx - sx) * (qx - sx) + (qy - sy) * (qy - sy);
    // The start point itself (a segment beginning on this cylinder) comes back only after a full turn.
    const double key = chord2 < kMinStep * kMinStep ? 4.0 : (cross >= 0.0 ? 1.0 - dot / rho2 : 3.0 + dot / rho2);
    if (key < bestKey) {
      bestKey = key;
      bestCross = cross;
      bestDot = dot;
    }
  }
  double angle = bestKey >= 4.0 ? kTwoPi : std::atan2(bestCross, bestDot);
  if (angle <= 0.0) angle += kTwoPi;
  return angle * rho * toPath;
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
  const double turn = m_kappa * arc;
  const double st = std::sin(turn), ct = std::cos(turn);
  const double sphi = m_sin0 * ct + m_cos0 * st, cphi = m_cos0 * ct - m_sin0 * st;
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
  const double phi0 = std::atan2(m_sin0, m_cos0);
  double arc = 0.0, x = 0.0, y = 0.0, phi = phi0;
  if (m_kappa == 0.0) {
    const double ux = m_start.px / m_pt, uy = m_start.py / m_pt;
    arc = -(m_start.x * ux + m_start.y * uy);
    x = m_start.x + arc * ux;
    y = m_start.y + arc * uy;
  } else {
    const double rho = 1.0 / std::abs(m_kappa);
    const double d = quadrature(m_cx, m_cy);
    // The circle point nearest the beam line lies on the line from the centre through the origin.
    const double scale = d > 1e-12 ? 1.0 - rho / d : 0.0;
    x = m_cx * scale;
    y = m_cy * scale;
    const double psi0 = std::atan2(m_start.y - m_cy, m_start.x - m_cx);
    double dpsi = std::atan2(y - m_cy, x - m_cx) - psi0;
    while (dpsi > std::numbers::pi) dpsi -= kTwoPi;
    while (dpsi <= -std::numbers::pi) dpsi += kTwoPi;
    arc = dpsi / m_kappa;
    phi = phi0 + m_kappa * arc;
  }
  out.phi = std::remainder(phi, kTwoPi);
  out.z0 = m_start.z + arc * m_start.pz / m_pt;
  out.d0 = -x * std::sin(phi) + y * std::cos(phi);
  return out;
}

}  // namespace e2e::sim
