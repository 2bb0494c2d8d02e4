#include "e2e/io/ColumnIO.hpp"

#include <algorithm>

namespace e2e::io {
namespace {
constexpr hsize_t kChunkRows = 1 << 14;
}

void quietHdf5() {
  static const bool done = [] {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    return true;
  }();
  (void)done;
}

void writeStringAttr(hid_t obj, const char* name, const std::string& value) {
  H5Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(type.get(), std::max<std::size_t>(value.size(), 1));
  H5Tset_cset(type.get(), H5T_CSET_UTF8);
  H5Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  if (H5Aexists(obj, name) > 0) H5Adelete(obj, name);
  H5Handle attr(H5Acreate2(obj, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  std::string padded = value.empty() ? std::string(1, '\0') : value;
  if (!attr || H5Awrite(attr.get(), type.get(), padded.data()) < 0) fail("cannot write attribute ", name);
}

bool hasAttr(hid_t obj, const char* name) { return H5Aexists(obj, name) > 0; }

std::string readStringAttr(hid_t obj, const char* name, const std::string& what) {
  if (!hasAttr(obj, name)) fail(what, ": missing attribute '", name, "'");
  H5Handle attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
  H5Handle ftype(H5Aget_type(attr.get()), H5Tclose);
  if (H5Tget_class(ftype.get()) != H5T_STRING) fail(what, ": attribute '", name, "' is not a string");
  if (H5Tis_variable_str(ftype.get()) > 0) {
    H5Handle mtype(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(mtype.get(), H5T_VARIABLE);
    char* s = nullptr;
    if (H5Aread(attr.get(), mtype.get(), &s) < 0) fail(what, ": cannot read attribute '", name, "'");
    std::string out = s ? s : "";
    H5free_memory(s);
    return out;
  }
  const std::size_t size = H5Tget_size(ftype.get());
  std::string out(size, '\0');
  if (H5Aread(attr.get(), ftype.get(), out.data()) < 0) fail(what, ": cannot read attribute '", name, "'");
  out.resize(std::strlen(out.c_str()));
  return out;
}

void writeUInt64Attr(hid_t obj, const char* name, std::uint64_t value) {
  H5Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  if (H5Aexists(obj, name) > 0) H5Adelete(obj, name);
  H5Handle attr(H5Acreate2(obj, name, H5T_STD_U64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  if (!attr || H5Awrite(attr.get(), H5T_NATIVE_UINT64, &value) < 0) fail("cannot write attribute ", name);
}

std::uint64_t readUInt64Attr(hid_t obj, const char* name, const std::string& what) {
  if (!hasAttr(obj, name)) fail(what, ": missing attribute '", name, "'");
  H5Handle attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
  std::uint64_t v = 0;
  if (H5Aread(attr.get(), H5T_NATIVE_UINT64, &v) < 0) fail(what, ": cannot read attribute '", name, "'");
  return v;
}

H5Handle createGroup(hid_t parent, const std::string& name) {
  H5Handle plist(H5Pcreate(H5P_GROUP_CREATE), H5Pclose);
  H5Pset_obj_track_times(plist.get(), false);
  return H5Handle(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, plist.get(), H5P_DEFAULT), H5Gclose);
}

H5Handle createColumnDataset(hid_t group, const std::string& name, hid_t type) {
  hsize_t dims[1] = {0}, maxDims[1] = {H5S_UNLIMITED}, chunk[1] = {kChunkRows};
  H5Handle space(H5Screate_simple(1, dims, maxDims), H5Sclose);
  H5Handle plist(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  H5Pset_chunk(plist.get(), 1, chunk);
  H5Pset_shuffle(plist.get());
  H5Pset_deflate(plist.get(), 1);
  H5Pset_obj_track_times(plist.get(), false);  // no timestamps: same input -> byte-identical file
  H5Handle dset(H5Dcreate2(group, name.c_str(), type, space.get(), H5P_DEFAULT, plist.get(), H5P_DEFAULT), H5Dclose);
  if (!dset) fail("cannot create dataset ", name);
  return dset;
}

std::uint64_t datasetLength(hid_t dset) {
  H5Handle space(H5Dget_space(dset), H5Sclose);
  if (H5Sget_simple_extent_ndims(space.get()) != 1) return 0;
  hsize_t dims[1] = {0};
  H5Sget_simple_extent_dims(space.get(), dims, nullptr);
  return dims[0];
}

void appendToDataset(hid_t dset, hid_t type, std::uint64_t length, const void* data, std::uint64_t count,
                     const std::string& what) {
  if (count == 0) return;
  hsize_t newDims[1] = {length + count};
  if (H5Dset_extent(dset, newDims) < 0) fail(what, ": cannot extend dataset");
  H5Handle fspace(H5Dget_space(dset), H5Sclose);
  hsize_t start[1] = {length}, cnt[1] = {count};
  H5Sselect_hyperslab(fspace.get(), H5S_SELECT_SET, start, nullptr, cnt, nullptr);
  H5Handle mspace(H5Screate_simple(1, cnt, nullptr), H5Sclose);
  if (H5Dwrite(dset, type, mspace.get(), fspace.get(), H5P_DEFAULT, data) < 0) fail(what, ": write failed (disk full?)");
}

void readFromDataset(hid_t dset, hid_t type, std::uint64_t first, std::uint64_t count, void* out, const std::string& what) {
  if (count == 0) return;
  H5Handle fspace(H5Dget_space(dset), H5Sclose);
  hsize_t start[1] = {first}, cnt[1] = {count};
  H5Sselect_hyperslab(fspace.get(), H5S_SELECT_SET, start, nullptr, cnt, nullptr);
  H5Handle mspace(H5Screate_simple(1, cnt, nullptr), H5Sclose);
  if (H5Dread(dset, type, mspace.get(), fspace.get(), H5P_DEFAULT, out) < 0)
    fail(what, ": read failed (file corrupt or truncated)");
}

void ColumnWriter::flush(hid_t group, std::uint64_t rowsBefore, const std::string& what) {
  if (!m_dset) m_dset = createColumnDataset(group, m_name, m_type);
  const std::uint64_t count = m_buffer.size() / m_elemSize;
  appendToDataset(m_dset.get(), m_type, rowsBefore, m_buffer.data(), count, what + "/" + m_name);
  m_buffer.clear();
}

ColumnSetReader::ColumnSetReader(hid_t file, std::string label, std::string filePath, std::uint64_t events)
    : m_label(std::move(label)), m_filePath(std::move(filePath)) {
  const std::string what = m_filePath + ": collection '" + m_label + "'";
  m_group = H5Handle(H5Gopen2(file, m_label.c_str(), H5P_DEFAULT), H5Gclose);
  if (!m_group) fail(what, ": cannot open group");
  m_type = readStringAttr(m_group.get(), "type", what);
  H5Handle off(H5Dopen2(m_group.get(), "offsets", H5P_DEFAULT), H5Dclose);
  if (!off) fail(what, ": missing offsets dataset");
  const std::uint64_t n = datasetLength(off.get());
  if (n != events + 1) fail(what, ": offsets has ", n, " entries, expected ", events + 1, " (file truncated?)");
  m_offsets.resize(n);
  readFromDataset(off.get(), H5T_NATIVE_UINT64, 0, n, m_offsets.data(), what + "/offsets");
  if (m_offsets.front() != 0 || !std::is_sorted(m_offsets.begin(), m_offsets.end()))
    fail(what, ": offsets are not a non-decreasing sequence from 0 (file corrupt)");
}

std::pair<std::uint64_t, std::uint64_t> ColumnSetReader::rows(std::uint64_t event) const {
  if (event + 1 >= m_offsets.size()) fail(m_filePath, ": event ", event, " out of range (", m_offsets.size() - 1, " events)");
  return {m_offsets[event], m_offsets[event + 1] - m_offsets[event]};
}

ColumnReader& ColumnSetReader::column(const char* name) {
  for (auto& [n, c] : m_columns)
    if (n == name) return *c;
  const std::string what = m_filePath + ": " + m_label + "/" + name;
  H5Handle dset(H5Dopen2(m_group.get(), name, H5P_DEFAULT), H5Dclose);
  if (!dset) fail(what, ": missing column");
  if (datasetLength(dset.get()) < totalRows()) fail(what, ": shorter than its offsets say (file truncated?)");
  m_columns.emplace_back(name, std::make_unique<ColumnReader>(std::move(dset), what));
  return *m_columns.back().second;
}

}  // namespace e2e::io
