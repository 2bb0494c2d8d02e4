#include "e2e/io/DatasetHdf5.hpp"

#include <algorithm>
#include <cstring>

namespace e2e::io {

NdDataset NdDataset::create(hid_t parent, const std::string& name, hid_t type, const std::vector<hsize_t>& rowShape,
                            hsize_t chunkRows, const std::string& what) {
  NdDataset d;
  d.m_type = type;
  d.m_rowShape = rowShape;
  d.m_what = what + ": " + name;
  std::vector<hsize_t> dims{0}, maxDims{H5S_UNLIMITED}, chunk{chunkRows};
  for (hsize_t s : rowShape) {
    dims.push_back(s);
    maxDims.push_back(s);
    chunk.push_back(s);
  }
  const int rank = static_cast<int>(dims.size());
  H5Handle space(H5Screate_simple(rank, dims.data(), maxDims.data()), H5Sclose);
  H5Handle plist(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
  H5Pset_chunk(plist.get(), rank, chunk.data());
  H5Pset_shuffle(plist.get());
  H5Pset_deflate(plist.get(), 1);
  H5Pset_obj_track_times(plist.get(), false);  // same content -> byte-identical file
  d.m_dset = H5Handle(H5Dcreate2(parent, name.c_str(), type, space.get(), H5P_DEFAULT, plist.get(), H5P_DEFAULT), H5Dclose);
  if (!d.m_dset) fail(d.m_what, ": cannot create dataset");
  return d;
}

NdDataset NdDataset::open(hid_t parent, const std::string& name, hid_t type, const std::string& what) {
  NdDataset d;
  d.m_type = type;
  d.m_what = what + ": " + name;
  d.m_dset = H5Handle(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), H5Dclose);
  if (!d.m_dset) fail(d.m_what, ": cannot open dataset");
  H5Handle space(H5Dget_space(d.m_dset.get()), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 1) fail(d.m_what, ": scalar dataset, expected rows");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  d.m_rows = dims[0];
  d.m_rowShape.assign(dims.begin() + 1, dims.end());
  return d;
}

std::uint64_t NdDataset::rowSize() const {
  std::uint64_t n = 1;
  for (hsize_t s : m_rowShape) n *= s;
  return n;
}

void NdDataset::append(const void* data, std::uint64_t rows) {
  if (rows == 0) return;
  std::vector<hsize_t> dims{m_rows + rows}, start{m_rows}, count{rows};
  for (hsize_t s : m_rowShape) {
    dims.push_back(s);
    start.push_back(0);
    count.push_back(s);
  }
  if (H5Dset_extent(m_dset.get(), dims.data()) < 0) fail(m_what, ": cannot extend dataset");
  H5Handle fspace(H5Dget_space(m_dset.get()), H5Sclose);
  H5Sselect_hyperslab(fspace.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr);
  H5Handle mspace(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr), H5Sclose);
  if (H5Dwrite(m_dset.get(), m_type, mspace.get(), fspace.get(), H5P_DEFAULT, data) < 0) fail(m_what, ": write failed (disk full?)");
  m_rows += rows;
}

void NdDataset::read(std::uint64_t first, std::uint64_t rows, void* out) const {
  if (rows == 0) return;
  if (first + rows > m_rows) fail(m_what, ": rows ", first, "..", first + rows, " beyond its ", m_rows, " rows");
  std::vector<hsize_t> start{first}, count{rows};
  for (hsize_t s : m_rowShape) {
    start.push_back(0);
    count.push_back(s);
  }
  H5Handle fspace(H5Dget_space(m_dset.get()), H5Sclose);
  H5Sselect_hyperslab(fspace.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr);
  H5Handle mspace(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr), H5Sclose);
  if (H5Dread(m_dset.get(), m_type, mspace.get(), fspace.get(), H5P_DEFAULT, out) < 0)
    fail(m_what, ": read failed (file corrupt or truncated)");
}

void writeStringListAttr(hid_t obj, const char* name, const std::vector<std::string>& values) {
  std::size_t width = 1;
  for (const auto& v : values) width = std::max(width, v.size());
  std::vector<char> packed(width * values.size(), '\0');
  for (std::size_t i = 0; i < values.size(); ++i) std::memcpy(packed.data() + i * width, values[i].data(), values[i].size());
  H5Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
  H5Tset_size(type.get(), width);
  H5Tset_cset(type.get(), H5T_CSET_UTF8);
  const hsize_t n = values.size();
  H5Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose);
  if (H5Aexists(obj, name) > 0) H5Adelete(obj, name);
  H5Handle attr(H5Acreate2(obj, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  if (!attr || H5Awrite(attr.get(), type.get(), packed.data()) < 0) fail("cannot write attribute ", name);
}

std::vector<std::string> readStringListAttr(hid_t obj, const char* name, const std::string& what) {
  if (!hasAttr(obj, name)) fail(what, ": missing attribute '", name, "'");
  H5Handle attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
  H5Handle ftype(H5Aget_type(attr.get()), H5Tclose);
  H5Handle space(H5Aget_space(attr.get()), H5Sclose);
  if (H5Tget_class(ftype.get()) != H5T_STRING) fail(what, ": attribute '", name, "' is not a list of strings");
  const auto n = static_cast<std::size_t>(std::max<hssize_t>(H5Sget_simple_extent_npoints(space.get()), 0));
  std::vector<std::string> out;
  if (H5Tis_variable_str(ftype.get()) > 0) {
    H5Handle mtype(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(mtype.get(), H5T_VARIABLE);
    H5Tset_cset(mtype.get(), H5Tget_cset(ftype.get()));
    std::vector<char*> ptrs(n, nullptr);
    if (H5Aread(attr.get(), mtype.get(), ptrs.data()) < 0) fail(what, ": cannot read attribute '", name, "'");
    for (char* p : ptrs) {
      out.emplace_back(p ? p : "");
      H5free_memory(p);
    }
    return out;
  }
  const std::size_t width = H5Tget_size(ftype.get());
  std::vector<char> packed(width * n + 1, '\0');
  if (H5Aread(attr.get(), ftype.get(), packed.data()) < 0) fail(what, ": cannot read attribute '", name, "'");
  for (std::size_t i = 0; i < n; ++i) {
    const char* p = packed.data() + i * width;
    out.emplace_back(p, strnlen(p, width));
  }
  return out;
}

void writeFloatListAttr(hid_t obj, const char* name, const std::vector<float>& values) {
  const hsize_t n = values.size();
  H5Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose);
  if (H5Aexists(obj, name) > 0) H5Adelete(obj, name);
  H5Handle attr(H5Acreate2(obj, name, H5T_IEEE_F32LE, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
  if (!attr || H5Awrite(attr.get(), H5T_NATIVE_FLOAT, values.data()) < 0) fail("cannot write attribute ", name);
}

std::vector<float> readFloatListAttr(hid_t obj, const char* name, const std::string& what) {
  if (!hasAttr(obj, name)) fail(what, ": missing attribute '", name, "'");
  H5Handle attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
  H5Handle space(H5Aget_space(attr.get()), H5Sclose);
  const auto n = static_cast<std::size_t>(std::max<hssize_t>(H5Sget_simple_extent_npoints(space.get()), 0));
  std::vector<float> out(n);
  if (n && H5Aread(attr.get(), H5T_NATIVE_FLOAT, out.data()) < 0) fail(what, ": cannot read attribute '", name, "'");
  return out;
}

}  // namespace e2e::io
