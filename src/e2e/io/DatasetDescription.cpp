// describeDataset: what `e2e info` prints for a dataset file.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "e2e/io/DatasetFile.hpp"

namespace e2e::io {
namespace {
struct Stats {
  bool present = false;
  double min = 0, max = 0, mean = 0;
  bool integral = true;
  std::map<long, std::uint64_t> counts;  // when every value is a small integer (class labels)
};

Stats columnStats(DatasetReader& r, const std::string& name) {
  Stats s;
  std::vector<float> v;
  constexpr std::uint64_t kBlock = 1 << 16;
  double sum = 0;
  for (std::uint64_t first = 0; first < r.size(); first += kBlock) {
    const auto n = std::min(kBlock, r.size() - first);
    if (!r.readColumn(name, first, n, v)) return s;
    for (float x : v) {
      if (!s.present) s.min = s.max = x;
      s.present = true;
      s.min = std::min<double>(s.min, x);
      s.max = std::max<double>(s.max, x);
      sum += x;
      if (s.integral && (x != std::floor(x) || std::abs(x) > 1000)) s.integral = false;
      if (s.integral) ++s.counts[static_cast<long>(x)];
    }
  }
  if (r.size() == 0 && r.readColumn(name, 0, 0, v)) s.present = true;
  if (!s.integral) s.counts.clear();
  s.mean = r.size() ? sum / static_cast<double>(r.size()) : 0;
  return s;
}

std::string jsonString(const std::string& s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\', o += c;
    else if (c == '\n') o += "\\n";
    else if (static_cast<unsigned char>(c) < 0x20) o += ' ';
    else o += c;
  }
  return o + "\"";
}

std::string num(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%.6g", x);
  return b;
}
}  // namespace

std::string describeDataset(const std::string& path, bool json) {
  DatasetReader r(path);
  const char* columns[] = {"y", "pt", "eta", "phi", "m", "ieta", "iphi", "truth_mass"};
  std::vector<std::pair<std::string, Stats>> stats;
  for (const char* c : columns) {
    Stats s = columnStats(r, c);
    if (s.present) stats.emplace_back(c, std::move(s));
  }
  double nodes = 0;
  if (r.hasGraphs() && r.size()) {
    std::vector<float> n;
    std::vector<std::int32_t> e;
    const std::uint64_t sample = std::min<std::uint64_t>(r.size(), 1000);
    for (std::uint64_t i = 0; i < sample; ++i) {
      r.readGraph(i, n, e);
      nodes += static_cast<double>(n.size()) / static_cast<double>(r.graphFeatures().size());
    }
    nodes /= static_cast<double>(sample);
  }
  std::ostringstream o;
  if (json) {
    o << "{\"path\": " << jsonString(path) << ", \"kind\": \"dataset\", \"layout\": \"" << layoutName(r.layout())
      << "\", \"rows\": " << r.size();
    if (r.hasImages()) {
      o << ", \"image\": {\"channels\": [";
      for (std::size_t i = 0; i < r.channels().size(); ++i) o << (i ? ", " : "") << jsonString(r.channels()[i]);
      o << "], \"scales\": [";
      for (std::size_t i = 0; i < r.scales().size(); ++i) o << (i ? ", " : "") << num(r.scales()[i]);
      o << "], \"height\": " << r.height() << ", \"width\": " << r.width() << "}";
    }
    o << ", \"columns\": {";
    for (std::size_t i = 0; i < stats.size(); ++i) {
      const auto& [name, s] = stats[i];
      o << (i ? ", " : "") << jsonString(name) << ": {\"min\": " << num(s.min) << ", \"max\": " << num(s.max)
        << ", \"mean\": " << num(s.mean);
      if (!s.counts.empty()) {
        o << ", \"counts\": {";
        bool first = true;
        for (const auto& [k, n] : s.counts) o << (first ? "" : ", ") << "\"" << k << "\": " << n, first = false;
        o << "}";
      }
      o << "}";
    }
    o << "}";
    if (r.hasGraphs()) {
      o << ", \"graphs\": {\"features\": [";
      for (std::size_t i = 0; i < r.graphFeatures().size(); ++i) o << (i ? ", " : "") << jsonString(r.graphFeatures()[i]);
      o << "], \"mean_nodes\": " << num(nodes) << "}";
    }
    o << ", \"provenance\": {\"producer\": " << jsonString(r.provenance().producer) << ", \"command\": "
      << jsonString(r.provenance().command) << "}}\n";
    return o.str();
  }
  o << path << ": dataset, layout " << layoutName(r.layout()) << ", " << r.size() << " objects\n";
  if (r.hasImages()) {
    o << "  images: " << r.channels().size() << " x " << r.height() << " x " << r.width()
      << (r.layout() == DatasetLayout::E2E ? " (channels first)" : " (stored channels last)") << "\n  channels:";
    for (std::size_t i = 0; i < r.channels().size(); ++i) {
      o << " " << r.channels()[i];
      if (r.scales()[i] != 1.0f) o << " (x" << num(r.scales()[i]) << ")";
    }
    o << "\n";
  }
  for (const auto& [name, s] : stats) {
    o << "  " << name << ": ";
    if (!s.counts.empty() && s.counts.size() <= 30) {
      bool first = true;
      for (const auto& [k, n] : s.counts) o << (first ? "" : ", ") << k << ": " << n, first = false;
    } else {
      o << "min " << num(s.min) << ", mean " << num(s.mean) << ", max " << num(s.max);
    }
    o << "\n";
  }
  if (r.hasGraphs()) {
    o << "  graphs: " << num(nodes) << " nodes on average; features:";
    for (const auto& f : r.graphFeatures()) o << " " << f;
    o << "\n";
  }
  if (!r.provenance().command.empty()) o << "  made by: " << r.provenance().command << "\n";
  if (!r.provenance().producer.empty()) o << "  producer: " << r.provenance().producer << "\n";
  return o.str();
}

}  // namespace e2e::io
