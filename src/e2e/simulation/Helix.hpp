#pragma once
// One trajectory segment in the uniform solenoid field: a helix for charged particles, a straight line for
// neutral ones (or when B = 0). Everything is analytic: crossings with cylinders around the beam line and with
// planes of constant z are solved in closed form, so a particle moves from surface to surface in one step.
// Units: cm, GeV, ns, T. The path parameter is the 3-D path length.
#include <limits>

namespace e2e::sim {

inline constexpr double kSpeedOfLight = 29.9792458;  // cm / ns
inline constexpr double kNoCrossing = std::numeric_limits<double>::infinity();

struct TrackState {
  double x = 0, y = 0, z = 0;     // cm
  double px = 0, py = 0, pz = 0;  // GeV
  double energy = 0;              // GeV (sets the speed)
  double t = 0;                   // ns
};

// Helix parameters at the point of closest approach to the beam line (x = y = 0).
struct Perigee {
  double d0 = 0;   // signed transverse impact parameter, CMS dxy = (-x py + y px) / pT at the PCA
  double z0 = 0;   // z at the PCA
  double phi = 0;  // momentum direction at the PCA
};

class Helix {
public:
  Helix(const TrackState& start, double charge, double bField);

  // Path length to the first crossing of the cylinder r = radius (further than a tiny step), or kNoCrossing.
  double pathToCylinder(double radius) const;
  // Path length to the plane z = zPlane if the particle moves towards it, else kNoCrossing.
  double pathToPlane(double zPlane) const;
  TrackState at(double path) const;
  Perigee perigee() const;

  const TrackState& start() const { return m_start; }
  double pt() const { return m_pt; }
  double p() const { return m_p; }
  // Signed curvature of the transverse direction angle per unit transverse path, 1/cm (0 for straight lines).
  double curvature() const { return m_kappa; }

private:
  TrackState m_start;
  double m_pt, m_p;
  double m_sin0, m_cos0;  // initial transverse direction
  double m_kappa;
  double m_cx = 0, m_cy = 0;  // circle centre (helix only)
};

}  // namespace e2e::sim
