#include "e2e/io/EventFile.hpp"

#include <cstdio>
#include <filesystem>

namespace e2e::io {
namespace {
constexpr std::uint64_t kFlushEvents = 2048;

std::string producerName() { return std::string("e2e ") + E2E_VERSION; }
}  // namespace

EventWriter::EventWriter(std::string path, Provenance provenance, bool overwrite)
    : m_path(std::move(path)), m_tmpPath(m_path + ".tmp"), m_provenance(std::move(provenance)) {
  quietHdf5();
  if (!overwrite && std::filesystem::exists(m_path)) fail(m_path, ": already exists (use --force to overwrite)");
  const auto parent = std::filesystem::path(m_path).parent_path();
  if (!parent.empty() && !std::filesystem::is_directory(parent)) fail(m_path, ": directory ", parent.string(), " does not exist");
  if (m_provenance.producer.empty()) m_provenance.producer = producerName();
  m_file = std::make_unique<H5File>();
  m_file->path = m_tmpPath;
  m_file->handle = H5Handle(H5Fcreate(m_tmpPath.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
  if (!m_file->handle) fail(m_path, ": cannot create ", m_tmpPath);
  const hid_t root = m_file->handle.get();
  writeUInt64Attr(root, "schema_version", kSchemaVersion);
  writeStringAttr(root, "producer", m_provenance.producer);
  writeStringAttr(root, "command", m_provenance.command);
  writeStringAttr(root, "config", m_provenance.config);
}

EventWriter::~EventWriter() {
  if (m_closed) return;
  m_sets.clear();
  m_file.reset();
  std::error_code ec;
  std::filesystem::remove(m_tmpPath, ec);
}

ColumnSet& EventWriter::columnSet(const std::string& label, const char* type) {
  for (auto& s : m_sets) {
    if (s->label != label) continue;
    if (s->type != type) fail(m_path, ": label '", label, "' holds ", s->type, ", cannot also hold ", type);
    return *s;
  }
  auto set = std::make_unique<ColumnSet>();
  set->label = label;
  set->type = type;
  set->group = createGroup(m_file->handle.get(), label);
  if (!set->group) fail(m_path, ": cannot create collection '", label, "'");
  writeStringAttr(set->group.get(), "type", type);
  set->offsetsDset = createColumnDataset(set->group.get(), "offsets", H5T_NATIVE_UINT64);
  // Events written before this label first appeared have no rows of it.
  set->offsets.assign(m_events + 1, 0);
  m_sets.push_back(std::move(set));
  return *m_sets.back();
}

void EventWriter::endEvent() {
  for (auto& s : m_sets) {
    s->bufferedRows += s->pendingRows;
    s->pendingRows = 0;
    s->offsets.push_back(s->writtenRows + s->bufferedRows);
  }
  ++m_events;
  if (m_events % kFlushEvents == 0) flush();
}

void EventWriter::flush() {
  for (auto& s : m_sets) {
    const std::string what = m_path + ": " + s->label;
    for (auto& c : s->columns) c->flush(s->group.get(), s->writtenRows, what);
    s->writtenRows += s->bufferedRows;
    s->bufferedRows = 0;
    appendToDataset(s->offsetsDset.get(), H5T_NATIVE_UINT64, s->writtenOffsets, s->offsets.data(), s->offsets.size(),
                    what + "/offsets");
    s->writtenOffsets += s->offsets.size();
    s->offsets.clear();
  }
}

void EventWriter::close() {
  if (m_closed) return;
  for (auto& s : m_sets)
    if (s->pendingRows) fail(m_path, ": collection '", s->label, "' has rows for an event that was never ended");
  flush();
  writeUInt64Attr(m_file->handle.get(), "events", m_events);
  m_sets.clear();
  if (H5Fflush(m_file->handle.get(), H5F_SCOPE_GLOBAL) < 0) fail(m_path, ": flush failed (disk full?)");
  m_file.reset();
  std::error_code ec;
  std::filesystem::rename(m_tmpPath, m_path, ec);
  if (ec) fail(m_path, ": cannot rename ", m_tmpPath, ": ", ec.message());
  m_closed = true;
}

EventReader::EventReader(std::string path) : m_path(std::move(path)) {
  quietHdf5();
  if (!std::filesystem::exists(m_path)) fail(m_path, ": no such file");
  if (H5Fis_hdf5(m_path.c_str()) <= 0) fail(m_path, ": not an HDF5 file (or truncated)");
  m_file = std::make_unique<H5File>();
  m_file->path = m_path;
  m_file->handle = H5Handle(H5Fopen(m_path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!m_file->handle) fail(m_path, ": cannot open (truncated or corrupt HDF5 file)");
  const hid_t root = m_file->handle.get();
  if (!hasAttr(root, "schema_version")) fail(m_path, ": not an e2e event file (no schema_version attribute)");
  const auto version = readUInt64Attr(root, "schema_version", m_path);
  if (version != kSchemaVersion)
    fail(m_path, ": schema version ", version, ", this e2e reads version ", kSchemaVersion);
  if (!hasAttr(root, "events")) fail(m_path, ": incomplete file (no event count: its writer did not finish)");
  m_events = readUInt64Attr(root, "events", m_path);
  m_provenance.producer = readStringAttr(root, "producer", m_path);
  m_provenance.command = readStringAttr(root, "command", m_path);
  m_provenance.config = readStringAttr(root, "config", m_path);

  H5G_info_t info;
  if (H5Gget_info(root, &info) < 0) fail(m_path, ": cannot list collections (corrupt file)");
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    char name[256];
    if (H5Lget_name_by_idx(root, ".", H5_INDEX_NAME, H5_ITER_INC, i, name, sizeof name, H5P_DEFAULT) < 0)
      fail(m_path, ": cannot list collections (corrupt file)");
    auto r = std::make_unique<ColumnSetReader>(root, name, m_path, m_events);
    m_infos.push_back({r->label(), r->type(), r->totalRows()});
    m_readers.push_back(std::move(r));
  }
}

EventReader::~EventReader() = default;

bool EventReader::has(const std::string& label) const {
  for (const auto& i : m_infos)
    if (i.label == label) return true;
  return false;
}

ColumnSetReader& EventReader::reader(const std::string& label, const char* type) {
  for (auto& r : m_readers) {
    if (r->label() != label) continue;
    if (r->type() != type) fail(m_path, ": collection '", label, "' is ", r->type(), ", not ", type);
    return *r;
  }
  fail(m_path, ": no collection '", label, "' (", type, ")");
}

std::uint64_t EventReader::rows(const std::string& label, std::uint64_t event) {
  for (auto& r : m_readers)
    if (r->label() == label) return r->rows(event).second;
  fail(m_path, ": no collection '", label, "'");
}

}  // namespace e2e::io
