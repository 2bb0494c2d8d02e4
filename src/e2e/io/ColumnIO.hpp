#pragma once
// Typed 1-D column datasets on top of the HDF5 C API: buffered appends for writers, block-cached slices for
// readers. EventFile.hpp builds collections out of these.
#include <hdf5.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "e2e/core/Error.hpp"

namespace e2e::io {

template <class T>
hid_t nativeType() {
  if constexpr (std::is_same_v<T, float>) return H5T_NATIVE_FLOAT;
  else if constexpr (std::is_same_v<T, double>) return H5T_NATIVE_DOUBLE;
  else if constexpr (std::is_same_v<T, std::int8_t>) return H5T_NATIVE_INT8;
  else if constexpr (std::is_same_v<T, std::uint8_t>) return H5T_NATIVE_UINT8;
  else if constexpr (std::is_same_v<T, std::int16_t>) return H5T_NATIVE_INT16;
  else if constexpr (std::is_same_v<T, std::uint16_t>) return H5T_NATIVE_UINT16;
  else if constexpr (std::is_same_v<T, std::int32_t>) return H5T_NATIVE_INT32;
  else if constexpr (std::is_same_v<T, std::uint32_t>) return H5T_NATIVE_UINT32;
  else if constexpr (std::is_same_v<T, std::int64_t>) return H5T_NATIVE_INT64;
  else if constexpr (std::is_same_v<T, std::uint64_t>) return H5T_NATIVE_UINT64;
  else static_assert(sizeof(T) == 0, "unsupported column type");
}

// Owns one HDF5 object id and closes it with the right function.
class H5Handle {
public:
  H5Handle() = default;
  H5Handle(hid_t id, herr_t (*close)(hid_t)) : m_id(id), m_close(close) {}
  ~H5Handle() { reset(); }
  H5Handle(H5Handle&& o) noexcept : m_id(std::exchange(o.m_id, -1)), m_close(o.m_close) {}
  H5Handle& operator=(H5Handle&& o) noexcept {
    if (this != &o) {
      reset();
      m_id = std::exchange(o.m_id, -1);
      m_close = o.m_close;
    }
    return *this;
  }
  void reset() {
    if (m_id >= 0 && m_close) m_close(m_id);
    m_id = -1;
  }
  hid_t get() const { return m_id; }
  explicit operator bool() const { return m_id >= 0; }

private:
  hid_t m_id = -1;
  herr_t (*m_close)(hid_t) = nullptr;
};

struct H5File {
  H5Handle handle;
  std::string path;
};

// Silences HDF5's own error printing: e2e reports one clear line instead.
void quietHdf5();

// String attributes and scalar attributes on any object.
void writeStringAttr(hid_t obj, const char* name, const std::string& value);
std::string readStringAttr(hid_t obj, const char* name, const std::string& what);
void writeUInt64Attr(hid_t obj, const char* name, std::uint64_t value);
bool hasAttr(hid_t obj, const char* name);
std::uint64_t readUInt64Attr(hid_t obj, const char* name, const std::string& what);

// Creates a group without timestamps (files stay byte-identical for identical content).
H5Handle createGroup(hid_t parent, const std::string& name);
// Creates an extendible, chunked, compressed 1-D dataset.
H5Handle createColumnDataset(hid_t group, const std::string& name, hid_t type);
// Appends `count` elements from `data` at the end of a 1-D dataset of current length `length`.
void appendToDataset(hid_t dset, hid_t type, std::uint64_t length, const void* data, std::uint64_t count,
                     const std::string& what);
void readFromDataset(hid_t dset, hid_t type, std::uint64_t first, std::uint64_t count, void* out, const std::string& what);
std::uint64_t datasetLength(hid_t dset);

class ColumnWriter {
public:
  ColumnWriter(std::string name, hid_t type, std::size_t elemSize) : m_name(std::move(name)), m_type(type), m_elemSize(elemSize) {}
  const std::string& name() const { return m_name; }
  template <class T>
  void append(const std::vector<T>& v) {
    if (sizeof(T) != m_elemSize || nativeType<T>() != m_type) throw std::logic_error("column type changed: " + m_name);
    const std::size_t old = m_buffer.size();
    m_buffer.resize(old + v.size() * sizeof(T));
    if (!v.empty()) std::memcpy(m_buffer.data() + old, v.data(), v.size() * sizeof(T));
  }
  // Writes the buffered rows to the dataset (created on first use) and clears the buffer.
  void flush(hid_t group, std::uint64_t rowsBefore, const std::string& what);

private:
  std::string m_name;
  hid_t m_type;
  std::size_t m_elemSize;
  std::vector<unsigned char> m_buffer;
  H5Handle m_dset;
};

// The columns of one collection being written.
struct ColumnSet {
  std::string label, type;
  H5Handle group;
  std::vector<std::uint64_t> offsets;  // pending offsets (end of each pending event)
  std::uint64_t pendingRows = 0;       // rows put for the event being built
  std::uint64_t writtenRows = 0;       // rows already in the file
  std::uint64_t bufferedRows = 0;      // rows buffered for completed events
  std::uint64_t writtenOffsets = 0;    // length of the offsets dataset in the file
  H5Handle offsetsDset;
  std::vector<std::unique_ptr<ColumnWriter>> columns;

  template <class T>
  ColumnWriter& column(const char* name, const std::vector<T>&) {
    for (auto& c : columns)
      if (c->name() == name) return *c;
    columns.push_back(std::make_unique<ColumnWriter>(name, nativeType<T>(), sizeof(T)));
    return *columns.back();
  }
};

class ColumnReader {
public:
  ColumnReader(H5Handle dset, std::string what) : m_dset(std::move(dset)), m_what(std::move(what)), m_length(datasetLength(m_dset.get())) {}
  template <class T>
  void read(std::uint64_t first, std::uint64_t count, std::vector<T>& out) {
    out.resize(count);
    if (count == 0) return;
    if (first + count > m_length) fail(m_what, ": rows ", first, "..", first + count, " beyond its length ", m_length);
    if (nativeType<T>() != m_cachedType || first < m_cacheFirst || first + count > m_cacheFirst + m_cacheRows) {
      constexpr std::uint64_t kBlock = 1 << 15;
      m_cacheFirst = first;
      m_cacheRows = std::min<std::uint64_t>(std::max(count, kBlock), m_length - first);
      m_cache.resize(m_cacheRows * sizeof(T));
      readFromDataset(m_dset.get(), nativeType<T>(), first, m_cacheRows, m_cache.data(), m_what);
      m_cachedType = nativeType<T>();
    }
    std::memcpy(out.data(), m_cache.data() + (first - m_cacheFirst) * sizeof(T), count * sizeof(T));
  }

private:
  H5Handle m_dset;
  std::string m_what;
  std::uint64_t m_length;
  std::vector<unsigned char> m_cache;
  std::uint64_t m_cacheFirst = 0, m_cacheRows = 0;
  hid_t m_cachedType = -1;
};

// The columns of one collection being read; offsets are loaded whole.
class ColumnSetReader {
public:
  ColumnSetReader(hid_t file, std::string label, std::string filePath, std::uint64_t events);
  const std::string& label() const { return m_label; }
  const std::string& type() const { return m_type; }
  std::pair<std::uint64_t, std::uint64_t> rows(std::uint64_t event) const;
  std::uint64_t totalRows() const { return m_offsets.back(); }
  ColumnReader& column(const char* name);

private:
  std::string m_label, m_type, m_filePath;
  H5Handle m_group;
  std::vector<std::uint64_t> m_offsets;
  std::vector<std::pair<std::string, std::unique_ptr<ColumnReader>>> m_columns;
};

}  // namespace e2e::io
