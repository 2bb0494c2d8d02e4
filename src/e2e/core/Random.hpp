#pragma once
// Reproducible random streams. Every stream is derived from (run seed, event index, stream id) alone, so an
// event's random numbers do not depend on which thread runs it or in what order: outputs are byte-identical
// for any thread count. The generator is xoshiro256** seeded through SplitMix64; the distributions are our
// own (the standard library's are implementation-defined and would break cross-platform reproducibility).
#include <cmath>
#include <cstdint>

namespace e2e {

// Named stream ids keep the stages of one event independent of each other.
enum class Stream : std::uint64_t { Generator = 1, Pileup = 2, Simulation = 3, Reconstruction = 4, Noise = 5, Misc = 6 };

class Rng {
public:
  Rng(std::uint64_t seed, std::uint64_t eventIndex, Stream stream = Stream::Misc);
  explicit Rng(std::uint64_t rawSeed);

  std::uint64_t next();
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in (0, 1]: safe for log().
  double uniformOpen() { return 1.0 - uniform(); }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Integer in [0, n).
  std::uint64_t below(std::uint64_t n);
  double gauss();
  double gauss(double mean, double sigma) { return mean + sigma * gauss(); }
  double exponential(double mean) { return -mean * std::log(uniformOpen()); }
  // Gamma(shape k, scale 1), Marsaglia-Tsang.
  double gamma(double k);
  unsigned poisson(double mu);
  bool accept(double probability) { return uniform() < probability; }

private:
  std::uint64_t m_s[4];
  double m_spareGauss = 0.0;
  bool m_hasSpare = false;
};

// SplitMix64 finaliser: a good 64-bit mix used to derive seeds.
std::uint64_t mix64(std::uint64_t x);

}  // namespace e2e
