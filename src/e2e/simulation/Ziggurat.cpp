#include "e2e/simulation/Ziggurat.hpp"

#include <array>
#include <cmath>
#include <cstdint>

namespace e2e::sim {
namespace {

constexpr int kLayers = 128;
constexpr double kR = 3.442619855899;       // start of the tail
constexpr double kArea = 9.91256303526217e-3;  // area of each layer
constexpr double kScale = 2147483648.0;     // 2^31: the signed 32-bit draw

struct Tables {
  std::array<std::uint32_t, kLayers> k{};  // acceptance bounds on |draw|
  std::array<double, kLayers> w{};         // draw -> x
  std::array<double, kLayers> f{};         // density at the layer edges
};

const Tables kTables = [] {
  Tables t;
  double dn = kR, tn = kR;
  const double q = kArea / std::exp(-0.5 * dn * dn);
  t.k[0] = static_cast<std::uint32_t>(dn / q * kScale);
  t.k[1] = 0;
  t.w[0] = q / kScale;
  t.w[kLayers - 1] = dn / kScale;
  t.f[0] = 1.0;
  t.f[kLayers - 1] = std::exp(-0.5 * dn * dn);
  for (int i = kLayers - 2; i >= 1; --i) {
    dn = std::sqrt(-2.0 * std::log(kArea / dn + std::exp(-0.5 * dn * dn)));
    t.k[static_cast<std::size_t>(i + 1)] = static_cast<std::uint32_t>(dn / tn * kScale);
    tn = dn;
    t.f[static_cast<std::size_t>(i)] = std::exp(-0.5 * dn * dn);
    t.w[static_cast<std::size_t>(i)] = dn / kScale;
  }
  return t;
}();

}  // namespace

double Ziggurat::normal(Rng& rng) {
  for (;;) {
    const std::uint64_t bits = rng.next();
    const auto hz = static_cast<std::int32_t>(static_cast<std::uint32_t>(bits >> 32));
    const auto iz = static_cast<std::size_t>(bits & (kLayers - 1));
    const std::uint32_t mag = hz < 0 ? 0u - static_cast<std::uint32_t>(hz) : static_cast<std::uint32_t>(hz);
    const double x = hz * kTables.w[iz];
    if (mag < kTables.k[iz]) return x;
    if (iz == 0) {
      // Beyond kR: the exponential-rejection tail.
      double tx, ty;
      do {
        tx = -std::log(rng.uniformOpen()) / kR;
        ty = -std::log(rng.uniformOpen());
      } while (ty + ty < tx * tx);
      return hz > 0 ? kR + tx : -(kR + tx);
    }
    if (kTables.f[iz] + rng.uniform() * (kTables.f[iz - 1] - kTables.f[iz]) < std::exp(-0.5 * x * x)) return x;
  }
}

}  // namespace e2e::sim
