// onnx_conformance: runs the ONNX backend node tests (Debian's libonnx-testdata) through the engine and prints
// passed / failed / unsupported counts. Exit 1 when any test of a supported operator fails; 77 (ctest: skipped)
// when the test data is not installed.
//
//   onnx_conformance [--data DIR] [--filter SUBSTRING] [--threads T] [--verbose]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "ConformanceCase.hpp"

namespace fs = std::filesystem;
using namespace e2e::conformance;

namespace {

constexpr const char* kDefaultData = "/usr/share/libonnx-testdata/data/node";

struct Args {
  std::string data = kDefaultData, filter;
  int threads = 1;
  bool verbose = false;
};

bool parseArgs(int argc, char** argv, Args& a) {
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    const bool hasValue = i + 1 < argc;
    if (k == "--data" && hasValue) a.data = argv[++i];
    else if (k == "--filter" && hasValue) a.filter = argv[++i];
    else if (k == "--threads" && hasValue) a.threads = std::atoi(argv[++i]);
    else if (k == "--verbose") a.verbose = true;
    else return false;
  }
  return a.threads > 0;
}

const char* outcomeName(Outcome o) {
  switch (o) {
    case Outcome::Passed: return "passed";
    case Outcome::Failed: return "FAILED";
    case Outcome::UnsupportedOp: return "unsupported op";
    case Outcome::UnsupportedAttribute: return "unsupported attribute/dtype";
    case Outcome::UnsupportedModel: return "unsupported model form";
  }
  return "?";
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!parseArgs(argc, argv, args)) {
    std::fprintf(stderr, "usage: onnx_conformance [--data DIR] [--filter SUBSTRING] [--threads T] [--verbose]\n");
    return 2;
  }
  if (!fs::is_directory(args.data)) {
    std::printf("onnx_conformance: skipped: %s does not exist (install libonnx-testdata)\n", args.data.c_str());
    return 77;
  }
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(args.data))
    if (e.is_directory() && fs::exists(e.path() / "model.onnx") &&
        (args.filter.empty() || e.path().filename().string().find(args.filter) != std::string::npos))
      dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());

  const auto t0 = std::chrono::steady_clock::now();
  std::map<Outcome, int> counts;
  std::map<std::string, int> missingOps;
  std::vector<std::string> failures;
  int baked = 0;
  for (const auto& d : dirs) {
    const std::string name = d.filename().string();
    CaseResult r = runCase(d, CaseOptions{args.threads});
    ++counts[r.outcome];
    if (r.outcome == Outcome::Passed && r.baked) ++baked;
    if (r.outcome == Outcome::UnsupportedOp) ++missingOps[r.detail];
    if (r.outcome == Outcome::Failed) failures.push_back(name + ": " + r.detail);
    if (args.verbose || r.outcome == Outcome::Failed)
      std::printf("%-60s %-28s %s%s\n", name.c_str(), outcomeName(r.outcome), r.baked ? "[inputs baked] " : "",
                  r.outcome == Outcome::Passed ? "" : r.detail.c_str());
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  const int unsupported = counts[Outcome::UnsupportedOp] + counts[Outcome::UnsupportedAttribute] + counts[Outcome::UnsupportedModel];
  std::printf("\nONNX backend node tests in %s: %zu in %.1f s\n", args.data.c_str(), dirs.size(), seconds);
  std::printf("  passed       %4d  (%d with plan-time inputs such as shapes or K given as initialisers)\n",
              counts[Outcome::Passed], baked);
  std::printf("  failed       %4d\n", counts[Outcome::Failed]);
  std::printf("  unsupported  %4d  = op not in the kernel table %d + attribute or dtype refused at load %d"
              " + model form %d (opset outside 11-18, non-tensor I/O)\n",
              unsupported, counts[Outcome::UnsupportedOp], counts[Outcome::UnsupportedAttribute],
              counts[Outcome::UnsupportedModel]);
  if (args.verbose) {
    std::printf("  missing ops:");
    for (const auto& [op, n] : missingOps) std::printf(" %s(%d)", op.c_str(), n);
    std::printf("\n");
  }
  for (const auto& f : failures) std::printf("  FAILED %s\n", f.c_str());
  return failures.empty() ? 0 : 1;
}
