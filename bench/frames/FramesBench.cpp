// frames_bench [--quick] [--json] [--only CASE] [--events N]: the crop benchmark without the CLI (same numbers as `e2e bench frames`).
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "e2e/frames/CropBenchmark.hpp"

int main(int argc, char** argv) {
  e2e::frames::CropBenchOptions o;
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) o.quick = true;
    else if (std::strcmp(argv[i], "--json") == 0) json = true;
    else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) o.only = argv[++i];
    else if (std::strcmp(argv[i], "--events") == 0 && i + 1 < argc) o.events = std::atoi(argv[++i]);
    else {
      std::fprintf(stderr, "usage: frames_bench [--quick] [--json] [--only CASE] [--events N]\n");
      return 2;
    }
  }
  std::fputs(e2e::frames::formatCropBenchmark(e2e::frames::runCropBenchmark(o), json).c_str(), stdout);
  return 0;
}
