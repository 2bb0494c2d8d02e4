#pragma once
// Standard normal deviates by the Marsaglia-Tsang ziggurat (128 layers) on top of e2e::Rng's bits: ~98.8% of the
// draws cost one 64-bit word, a compare and a multiply, where the polar method takes a logarithm and a square
// root. The simulation draws a dozen normals per particle and one per calorimeter cell, so this matters.
#include "e2e/core/Random.hpp"

namespace e2e::sim {

class Ziggurat {
public:
  static double normal(Rng& rng);
  static double normal(Rng& rng, double mean, double sigma) { return mean + sigma * normal(rng); }
};

}  // namespace e2e::sim
