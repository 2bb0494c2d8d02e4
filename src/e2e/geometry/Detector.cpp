#include "e2e/geometry/Detector.hpp"

namespace e2e::geo {

const std::array<double, kHcalRingsPerSide + 1> kHcalEtaEdges = [] {
  std::array<double, kHcalRingsPerSide + 1> e{};
  for (int i = 0; i <= 20; ++i) e[static_cast<std::size_t>(i)] = 0.087 * i;
  // 17 rings of 0.087 end exactly at the EB edge; use the exact value so EB and HCAL edges coincide.
  e[17] = kEBEtaMax;
  const double wide[] = {1.83, 1.93, 2.043, 2.172, 2.322, 2.5, 2.65, 3.0};
  for (int i = 0; i < 8; ++i) e[static_cast<std::size_t>(21 + i)] = wide[i];
  return e;
}();

}  // namespace e2e::geo
