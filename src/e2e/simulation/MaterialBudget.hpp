#pragma once
// Material between the beam and the ECAL (SPEC.md section 1: ~0.4 X0 at eta 0, ~2 X0 near |eta| 1.4, falling
// beyond). The budget is a smooth function t(|eta|) of ours; it is split over nested closed shells (a cylinder
// r = R capped by discs at |z| = R * kShellAspect), so that a straight line from the origin crosses every shell once
// and collects exactly t(eta). Shells sit at the tracker layers and at the service volumes between them:
// conversions and bremsstrahlung happen where real material is. Particles that only scatter (muons, hadrons) see
// the same budget lumped into three stations (pixels, inner strips, outer strips and services): multiple
// scattering needs no finer steps, and every station costs a helix re-fit.
#include <array>
#include <span>

namespace e2e::sim {

struct MaterialShell {
  double radius;      // cm
  double halfLength;  // cm: the shell's end caps
  double weight;      // fraction of t(eta) carried by this shell (the weights sum to 1)
};

class MaterialBudget {
public:
  // The caps follow the aspect ratio of the field volume (r 129 cm, |z| 300 cm).
  static constexpr double kShellAspect = 300.0 / 129.0;

  explicit MaterialBudget(double scale = 1.0);

  // Material crossed along a straight line from the origin, in X0.
  double total(double eta) const;
  // The same as a function of |cos theta| of the line (a table: no asinh in the transport loop).
  double totalAtCosTheta(double cosTheta) const;
  std::span<const MaterialShell> shells() const { return m_shells; }
  std::span<const MaterialShell> stations() const { return m_stations; }
  // Thickness in X0 crossed at `shell` at position (x, y, z) with direction (ux, uy, uz) (unit vector).
  // Obliquely crossing particles (loopers, displaced decays) see more material than radial ones.
  double thickness(const MaterialShell& shell, double x, double y, double z, double ux, double uy, double uz) const;
  // Index of the first of `set` that contains the point (the next one a particle starting there crosses).
  static int firstAround(std::span<const MaterialShell> set, double x, double y, double z);

  static constexpr int kShells = 12;
  static constexpr int kStations = 3;

private:
  std::array<MaterialShell, kShells> m_shells;
  std::array<MaterialShell, kStations> m_stations;
  static constexpr int kCosTableSize = 2048;
  std::array<double, kCosTableSize + 1> m_byCosTheta{};
  double m_scale;
};

}  // namespace e2e::sim
