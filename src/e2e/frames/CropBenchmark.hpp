#pragma once
// The crop benchmark behind `e2e bench frames`: crops per second on one core for 1 x 32 x 32 photons and
// 8 x 125 x 125 jets, sparse path (and the full-frame path and hit graphs for comparison), on synthetic events with
// a realistic hit count, plus this machine's single-core memory write bandwidth to put the numbers in proportion.
#include <cstdint>
#include <string>
#include <vector>

namespace e2e::frames {

struct CropBenchOptions {
  int events = 2000;        // distinct synthetic events per case (cycled)
  double minSeconds = 1.0;  // per case, per repetition
  int repeats = 3;          // the median is reported
  bool quick = false;       // tests: tiny sizes, a fraction of a second in all
  std::string only;         // run only the cases whose name contains this
};

struct CropBenchResult {
  std::string name;         // e.g. "photon 1x32x32 sparse"
  std::int64_t crops = 0;   // crops timed (last repetition)
  double cropsPerSecond = 0;
  double microsPerCrop = 0;
  double bytesPerCrop = 0;  // image bytes written per crop
  double gbPerSecond = 0;   // image bytes written per second
  double bandwidthFraction = 0;  // of the measured single-core write bandwidth
};

struct CropBenchReport {
  double writeBandwidthGBs = 0;  // single core, large buffer (DRAM), memset-style stores
  std::vector<CropBenchResult> results;
};

CropBenchReport runCropBenchmark(const CropBenchOptions& options);
std::string formatCropBenchmark(const CropBenchReport& report, bool json);

}  // namespace e2e::frames
