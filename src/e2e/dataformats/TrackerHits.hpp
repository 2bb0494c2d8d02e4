#pragma once
#include "e2e/dataformats/SoA.hpp"

namespace e2e {

enum class TrackerSubdet : std::uint8_t { BPIX = 0, TIB = 1, TOB = 2 };

// Measured hit positions in the barrel tracker layers. Units: cm.
struct TrackerHits : SoA<TrackerHits> {
  static constexpr const char* kType = "TrackerHits";
  Column<std::uint8_t> subdet;    // TrackerSubdet
  Column<std::uint8_t> layer;     // 1-based within the subdetector
  Column<float> x, y, z;          // measured (smeared) global position
  Column<std::int32_t> particle;  // generator row that made it (truth), -1 for noise

  template <class F, class... S>
  static void columns(F&& f, S&&... s) {
    f("subdet", s.subdet...);
    f("layer", s.layer...);
    f("x", s.x...);
    f("y", s.y...);
    f("z", s.z...);
    f("particle", s.particle...);
  }
  void add(TrackerSubdet sd, std::uint8_t l, float hx, float hy, float hz, std::int32_t p) {
    subdet.push_back(static_cast<std::uint8_t>(sd));
    layer.push_back(l);
    x.push_back(hx);
    y.push_back(hy);
    z.push_back(hz);
    particle.push_back(p);
  }
};

}  // namespace e2e
