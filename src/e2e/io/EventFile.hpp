#pragma once
// HDF5 event files: columnar and ragged. Layout (schema version 1):
//   /                      attrs: schema_version, producer, command, config, events
//   /<label>/              attr: type (collection type name, e.g. "EcalHits")
//   /<label>/offsets       uint64 [events + 1]: rows of event i are [offsets[i], offsets[i+1])
//   /<label>/<column>      one 1-D dataset per column, chunked and compressed
// Writers write to "<path>.tmp" and rename on close(), so a crash never leaves a file that looks complete.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "e2e/io/ColumnIO.hpp"

namespace e2e::io {

inline constexpr int kSchemaVersion = 1;

struct Provenance {
  std::string command;  // the command line that made the file
  std::string config;   // the configuration, as text (TOML or key = value lines)
  std::string producer; // "e2e <version>"; filled by the writer when empty
};

struct CollectionInfo {
  std::string label;
  std::string type;
  std::uint64_t rows = 0;
};

class EventWriter {
public:
  // Refuses to overwrite an existing file unless `overwrite`.
  EventWriter(std::string path, Provenance provenance, bool overwrite = false);
  ~EventWriter();  // without close(): the temporary file is removed
  EventWriter(const EventWriter&) = delete;
  EventWriter& operator=(const EventWriter&) = delete;

  // Adds the rows of `coll` to the current event under `label`. A label missing from an event has 0 rows there.
  template <class T>
  void put(const std::string& label, const T& coll) {
    ColumnSet& set = columnSet(label, T::kType);
    T::columns([&](const char* name, const auto& col) { set.column(name, col).append(col); }, coll);
    set.pendingRows += coll.size();
  }
  void endEvent();
  // Flushes, writes the event count and renames to the final path.
  void close();
  std::uint64_t events() const { return m_events; }
  const std::string& path() const { return m_path; }

private:
  ColumnSet& columnSet(const std::string& label, const char* type);
  void flush();

  std::string m_path, m_tmpPath;
  Provenance m_provenance;
  std::unique_ptr<H5File> m_file;
  std::vector<std::unique_ptr<ColumnSet>> m_sets;
  std::uint64_t m_events = 0;
  bool m_closed = false;
};

class EventReader {
public:
  explicit EventReader(std::string path);
  ~EventReader();
  EventReader(const EventReader&) = delete;
  EventReader& operator=(const EventReader&) = delete;

  std::uint64_t events() const { return m_events; }
  const Provenance& provenance() const { return m_provenance; }
  const std::vector<CollectionInfo>& collections() const { return m_infos; }
  bool has(const std::string& label) const;
  const std::string& path() const { return m_path; }

  // Reads the rows of event `event` of collection `label` into `out` (replacing its content; capacity reused).
  template <class T>
  void get(const std::string& label, std::uint64_t event, T& out) {
    ColumnSetReader& set = reader(label, T::kType);
    const auto [first, count] = set.rows(event);
    T::columns([&](const char* name, auto& col) { set.column(name).read(first, count, col); }, out);
  }
  // Rows of event `event` of `label` without reading the columns.
  std::uint64_t rows(const std::string& label, std::uint64_t event);

private:
  ColumnSetReader& reader(const std::string& label, const char* type);

  std::string m_path;
  std::unique_ptr<H5File> m_file;
  Provenance m_provenance;
  std::uint64_t m_events = 0;
  std::vector<CollectionInfo> m_infos;
  std::vector<std::unique_ptr<ColumnSetReader>> m_readers;
};

}  // namespace e2e::io
