#pragma once
// N-dimensional extendible HDF5 datasets (rows along the first axis) and list attributes, for dataset files.
#include <cstdint>
#include <string>
#include <vector>

#include "e2e/io/ColumnIO.hpp"

namespace e2e::io {

class NdDataset {
public:
  NdDataset() = default;
  // A dataset of shape (0, rowShape...) growing along axis 0, chunked by `chunkRows` rows, shuffled + deflated.
  static NdDataset create(hid_t parent, const std::string& name, hid_t type, const std::vector<hsize_t>& rowShape,
                          hsize_t chunkRows, const std::string& what);
  static NdDataset open(hid_t parent, const std::string& name, hid_t type, const std::string& what);
  explicit operator bool() const { return static_cast<bool>(m_dset); }
  hid_t get() const { return m_dset.get(); }

  void append(const void* data, std::uint64_t rows);
  void read(std::uint64_t first, std::uint64_t rows, void* out) const;
  std::uint64_t rows() const { return m_rows; }
  const std::vector<hsize_t>& rowShape() const { return m_rowShape; }
  std::uint64_t rowSize() const;  // elements per row

private:
  H5Handle m_dset;
  hid_t m_type = -1;
  std::vector<hsize_t> m_rowShape;
  std::uint64_t m_rows = 0;
  std::string m_what;
};

void writeStringListAttr(hid_t obj, const char* name, const std::vector<std::string>& values);
std::vector<std::string> readStringListAttr(hid_t obj, const char* name, const std::string& what);
void writeFloatListAttr(hid_t obj, const char* name, const std::vector<float>& values);
std::vector<float> readFloatListAttr(hid_t obj, const char* name, const std::string& what);

}  // namespace e2e::io
