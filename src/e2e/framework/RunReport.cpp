#include "e2e/framework/RunReport.hpp"

#include <cstdio>

#include "e2e/core/JsonWriter.hpp"

namespace e2e::fw {
namespace {

std::string format(const char* fmt, auto... args) {
  char buf[256];
  std::snprintf(buf, sizeof buf, fmt, args...);
  return buf;
}

}  // namespace

std::uint64_t RunReport::objects() const {
  std::uint64_t n = 0;
  for (const auto& m : modules)
    if (m.batching) n += m.items;
  return n;
}

double RunReport::moduleSeconds() const {
  double s = 0;
  for (const auto& m : modules) s += m.seconds;
  return s;
}

double RunReport::categorySeconds(Category c) const {
  double s = 0;
  for (const auto& m : modules)
    if (m.category == c) s += m.seconds;
  return s;
}

double RunReport::taggerShare() const {
  const double total = moduleSeconds();
  double tag = 0;
  for (const auto& m : modules)
    if (m.batching) tag += m.seconds;
  return total > 0 ? tag / total : 0.0;
}

std::string RunReport::table() const {
  const double perEvent = events ? 1e3 / static_cast<double>(events) : 0.0;
  const double total = moduleSeconds();
  std::string out = format("%-20s %-22s %-16s %10s %7s %9s %10s %10s\n", "module", "type", "category", "ms/event", "share",
                           "objects", "objects/s", "avg batch");
  for (const auto& m : modules) {
    out += format("%-20s %-22s %-16s %10.3f %6.1f%%", m.name.c_str(), m.type.c_str(), categoryName(m.category),
                  m.seconds * perEvent, total > 0 ? 100.0 * m.seconds / total : 0.0);
    if (m.batching) {
      out += format(" %9llu %10.1f %10.1f", static_cast<unsigned long long>(m.items),
                    wallSeconds > 0 ? static_cast<double>(m.items) / wallSeconds : 0.0,
                    m.batches ? static_cast<double>(m.items) / static_cast<double>(m.batches) : 0.0);
    }
    out += "\n";
  }
  out += format("%-20s %-22s %-16s %10.3f %6.1f%%\n", "all modules", "", "", total * perEvent, 100.0);
  out += "\nby category (ms/event, share of module time):\n";
  for (int c = 0; c < kCategories; ++c) {
    const double s = categorySeconds(static_cast<Category>(c));
    if (s <= 0) continue;
    out += format("  %-16s %10.3f %6.1f%%\n", categoryName(static_cast<Category>(c)), s * perEvent,
                  total > 0 ? 100.0 * s / total : 0.0);
  }
  bool anyResults = false;
  for (const auto& m : modules) {
    if (m.results.empty()) continue;
    if (!anyResults) out += "\nresults:\n";
    anyResults = true;
    out += "  " + m.name + ":";
    for (const auto& r : m.results) out += format(" %s %.4g", r.name.c_str(), r.value);
    out += "\n";
  }
  out += format("\nthroughput: %llu events in %.3f s wall with %d thread%s: %.2f events/s", static_cast<unsigned long long>(events),
                wallSeconds, threads, threads == 1 ? "" : "s", eventsPerSecond());
  if (objects() > 0)
    out += format(", %.2f objects/s (%llu objects)", wallSeconds > 0 ? static_cast<double>(objects()) / wallSeconds : 0.0,
                  static_cast<unsigned long long>(objects()));
  out += "\n";
  if (interrupted)
    out += format("interrupted: %llu of %llu events processed\n", static_cast<unsigned long long>(events),
                  static_cast<unsigned long long>(requestedEvents));
  return out;
}

std::string RunReport::json() const {
  JsonWriter j;
  const double perEvent = events ? 1e3 / static_cast<double>(events) : 0.0;
  j.beginObject();
  j.field("config", title).field("events", events).field("requested_events", requestedEvents);
  j.field("threads", threads).field("wall_seconds", wallSeconds).field("events_per_second", eventsPerSecond());
  j.field("objects", objects());
  j.field("objects_per_second", wallSeconds > 0 ? static_cast<double>(objects()) / wallSeconds : 0.0);
  j.field("tagger_share", taggerShare()).field("interrupted", interrupted);
  j.key("modules").beginArray();
  for (const auto& m : modules) {
    j.beginObject().field("name", m.name).field("type", m.type).field("category", categoryName(m.category));
    j.field("seconds", m.seconds).field("ms_per_event", m.seconds * perEvent).field("calls", m.calls);
    if (m.batching) {
      j.field("objects", m.items).field("batches", m.batches);
      j.field("objects_per_second", wallSeconds > 0 ? static_cast<double>(m.items) / wallSeconds : 0.0);
    }
    if (!m.results.empty()) {
      j.key("results").beginObject();
      for (const auto& r : m.results) j.field(r.name, r.value);
      j.endObject();
    }
    j.endObject();
  }
  j.endArray();
  j.key("categories").beginArray();
  for (int c = 0; c < kCategories; ++c) {
    const double s = categorySeconds(static_cast<Category>(c));
    if (s <= 0) continue;
    j.beginObject().field("category", categoryName(static_cast<Category>(c))).field("seconds", s);
    j.field("ms_per_event", s * perEvent).endObject();
  }
  j.endArray().endObject();
  return j.str() + "\n";
}

}  // namespace e2e::fw
