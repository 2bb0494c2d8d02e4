// e2e info FILE [--json]: what an e2e event file or dataset holds.
#include <algorithm>
#include <cstdio>
#include <string>

#include "Commands.hpp"
#include "e2e/core/JsonWriter.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/io/DatasetFile.hpp"
#include "e2e/io/EventFile.hpp"

namespace e2e::cli {
namespace {

struct RowStats {
  std::uint64_t total = 0, min = 0, max = 0;
  double mean = 0;
};

RowStats rowStats(io::EventReader& r, const std::string& label) {
  RowStats s;
  const std::uint64_t n = r.events();
  for (std::uint64_t i = 0; i < n; ++i) {
    const std::uint64_t k = r.rows(label, i);
    s.total += k;
    s.min = i == 0 ? k : std::min(s.min, k);
    s.max = std::max(s.max, k);
  }
  s.mean = n ? static_cast<double>(s.total) / static_cast<double>(n) : 0.0;
  return s;
}

void printEventFile(const std::string& path, bool json) {
  io::EventReader r(path);
  if (json) {
    JsonWriter j;
    j.beginObject();
    j.field("file", path).field("kind", "events").field("schema_version", io::kSchemaVersion);
    j.field("events", r.events()).field("producer", r.provenance().producer).field("command", r.provenance().command);
    j.key("collections").beginArray();
    for (const auto& c : r.collections()) {
      const RowStats s = rowStats(r, c.label);
      j.beginObject().field("label", c.label).field("type", c.type).field("rows", s.total);
      j.field("mean_per_event", s.mean).field("min_per_event", s.min).field("max_per_event", s.max).endObject();
    }
    j.endArray().endObject();
    std::printf("%s\n", j.str().c_str());
    return;
  }
  std::printf("%s: e2e event file (schema %d), %llu events\n", path.c_str(), io::kSchemaVersion,
              static_cast<unsigned long long>(r.events()));
  std::printf("  made by   %s\n  command   %s\n", r.provenance().producer.c_str(), r.provenance().command.c_str());
  std::printf("  %-14s %-12s %12s %10s %8s %8s\n", "collection", "type", "rows", "per event", "min", "max");
  for (const auto& c : r.collections()) {
    const RowStats s = rowStats(r, c.label);
    std::printf("  %-14s %-12s %12llu %10.1f %8llu %8llu\n", c.label.c_str(), c.type.c_str(),
                static_cast<unsigned long long>(s.total), s.mean, static_cast<unsigned long long>(s.min),
                static_cast<unsigned long long>(s.max));
  }
  std::printf("%s", describeGeneratedEvents(r).c_str());
}

}  // namespace

void registerInfo(CLI::App& app, GlobalOptions&) {
  struct Options {
    std::string path;
    bool json = false;
  };
  static Options opt;
  auto* sub = app.add_subcommand("info", "Describe an e2e event file (events, collections, rows per event, provenance) or dataset");
  sub->add_option("file", opt.path, "Event file or dataset (.h5)")->required();
  sub->add_flag("--json", opt.json, "Machine-readable output");
  sub->callback([] {
    // Datasets (e2e, e/gamma and jet layouts) are described by the io layer; everything else is read as events.
    if (io::isDatasetFile(opt.path)) {
      std::printf("%s\n", io::describeDataset(opt.path, opt.json).c_str());
      return;
    }
    printEventFile(opt.path, opt.json);
  });
}

}  // namespace e2e::cli
