#pragma once
// A Lorentz four-vector (px, py, pz, E) in GeV with metric (+,-,-,-). Header-only: it sits in the inner loops of
// the shower, the fragmentation and the decays.
#include <cmath>
#include <numbers>

namespace e2e::gen {

struct Vec4 {
  double px = 0, py = 0, pz = 0, e = 0;

  constexpr Vec4() = default;
  constexpr Vec4(double x, double y, double z, double t) : px(x), py(y), pz(z), e(t) {}

  static Vec4 fromMassive(double x, double y, double z, double m) { return {x, y, z, std::sqrt(x * x + y * y + z * z + m * m)}; }
  // From transverse momentum, rapidity, azimuth and mass.
  static Vec4 fromPtYPhiM(double pt, double y, double phi, double m) {
    const double mt = std::sqrt(pt * pt + m * m);
    return {pt * std::cos(phi), pt * std::sin(phi), mt * std::sinh(y), mt * std::cosh(y)};
  }
  static Vec4 fromPtEtaPhiM(double pt, double eta, double phi, double m) {
    const double pz = pt * std::sinh(eta);
    return fromMassive(pt * std::cos(phi), pt * std::sin(phi), pz, m);
  }

  Vec4& operator+=(const Vec4& o) {
    px += o.px;
    py += o.py;
    pz += o.pz;
    e += o.e;
    return *this;
  }
  Vec4& operator-=(const Vec4& o) {
    px -= o.px;
    py -= o.py;
    pz -= o.pz;
    e -= o.e;
    return *this;
  }
  Vec4& operator*=(double s) {
    px *= s;
    py *= s;
    pz *= s;
    e *= s;
    return *this;
  }
  friend Vec4 operator+(Vec4 a, const Vec4& b) { return a += b; }
  friend Vec4 operator-(Vec4 a, const Vec4& b) { return a -= b; }
  friend Vec4 operator*(Vec4 a, double s) { return a *= s; }
  friend Vec4 operator*(double s, Vec4 a) { return a *= s; }
  friend Vec4 operator-(const Vec4& a) { return {-a.px, -a.py, -a.pz, -a.e}; }

  double p2() const { return px * px + py * py + pz * pz; }
  double p() const { return std::sqrt(p2()); }
  double pt2() const { return px * px + py * py; }
  double pt() const { return std::sqrt(pt2()); }
  double m2() const { return e * e - p2(); }
  // Signed mass: negative for space-like vectors (rounding on massless ones).
  double m() const {
    const double s = m2();
    return s >= 0 ? std::sqrt(s) : -std::sqrt(-s);
  }
  double phi() const { return (px == 0 && py == 0) ? 0.0 : std::atan2(py, px); }
  double eta() const {
    const double ptv = pt();
    if (ptv == 0) return pz >= 0 ? 1e9 : -1e9;
    return std::asinh(pz / ptv);
  }
  double rapidity() const { return 0.5 * std::log((e + pz) / (e - pz)); }

  // Boost by velocity (bx, by, bz): a vector at rest in a frame moving with that velocity goes to the lab.
  void boost(double bx, double by, double bz) {
    const double b2 = bx * bx + by * by + bz * bz;
    if (b2 <= 0) return;
    const double gamma = 1.0 / std::sqrt(1.0 - b2);
    const double bp = bx * px + by * py + bz * pz;
    const double gamma2 = (gamma - 1.0) / b2;
    px += gamma2 * bp * bx + gamma * bx * e;
    py += gamma2 * bp * by + gamma * by * e;
    pz += gamma2 * bp * bz + gamma * bz * e;
    e = gamma * (e + bp);
  }
  // Boost into the rest frame of `frame` (timelike), or out of it.
  void boostToRestOf(const Vec4& frame) { boost(-frame.px / frame.e, -frame.py / frame.e, -frame.pz / frame.e); }
  void boostFromRestOf(const Vec4& frame) { boost(frame.px / frame.e, frame.py / frame.e, frame.pz / frame.e); }
};

inline double dot(const Vec4& a, const Vec4& b) { return a.e * b.e - a.px * b.px - a.py * b.py - a.pz * b.pz; }

inline double deltaPhi(double a, double b) {
  double d = a - b;
  while (d > std::numbers::pi) d -= 2 * std::numbers::pi;
  while (d < -std::numbers::pi) d += 2 * std::numbers::pi;
  return d;
}

inline double deltaR(const Vec4& a, const Vec4& b) {
  const double de = a.eta() - b.eta();
  const double dp = deltaPhi(a.phi(), b.phi());
  return std::sqrt(de * de + dp * dp);
}

// A unit 3-vector and two unit vectors orthogonal to it and to each other: the frame of a parton or a decay axis.
struct Frame3 {
  double n[3], u[3], v[3];
  explicit Frame3(double x, double y, double z) {
    const double len = std::sqrt(x * x + y * y + z * z);
    n[0] = x / len;
    n[1] = y / len;
    n[2] = z / len;
    // Start u from the axis least aligned with n, for numerical safety.
    double a[3] = {0, 0, 0};
    const double ax = std::abs(n[0]), ay = std::abs(n[1]), az = std::abs(n[2]);
    a[(ax <= ay && ax <= az) ? 0 : (ay <= az ? 1 : 2)] = 1.0;
    const double d = a[0] * n[0] + a[1] * n[1] + a[2] * n[2];
    double ul = 0;
    for (int i = 0; i < 3; ++i) {
      u[i] = a[i] - d * n[i];
      ul += u[i] * u[i];
    }
    ul = std::sqrt(ul);
    for (double& c : u) c /= ul;
    v[0] = n[1] * u[2] - n[2] * u[1];
    v[1] = n[2] * u[0] - n[0] * u[2];
    v[2] = n[0] * u[1] - n[1] * u[0];
  }
  // Momentum with components (along n, along u, along v) and energy e.
  Vec4 toLab(double along, double tu, double tv, double e) const {
    return {along * n[0] + tu * u[0] + tv * v[0], along * n[1] + tu * u[1] + tv * v[1],
            along * n[2] + tu * u[2] + tv * v[2], e};
  }
};

}  // namespace e2e::gen
