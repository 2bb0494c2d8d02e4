#include <filesystem>

#include "e2e/io/DatasetFile.hpp"
#include "e2e/io/DatasetHdf5.hpp"

namespace e2e::io {
namespace {
// Channel names of the public layouts, by channel count (SPEC.md section 4), in e2e's channel names.
std::vector<std::string> publicJetChannels(std::size_t c) {
  if (c == 3) return {"trk_pt", "ecal", "hcal"};
  if (c == 8) return {"trk_pt", "trk_d0", "trk_dz", "ecal", "hcal", "bpix1", "bpix2", "bpix3"};
  std::vector<std::string> out;
  for (std::size_t i = 0; i < c; ++i) out.push_back("ch" + std::to_string(i));
  return out;
}

bool exists(hid_t root, const char* name) { return H5Lexists(root, name, H5P_DEFAULT) > 0; }
}  // namespace

struct DatasetReader::Impl {
  H5Handle file;
  NdDataset images;
  NdDataset nodes, nodeOffsets, edges, edgeOffsets;
  bool channelsLast = false;
  std::vector<float> raw;
};

bool isDatasetFile(const std::string& path) {
  quietHdf5();
  if (!std::filesystem::is_regular_file(path) || H5Fis_hdf5(path.c_str()) <= 0) return false;
  H5Handle f(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!f) return false;
  for (const char* key : {"X", "X_jets", "X_jet", "graph_nodes"})
    if (exists(f.get(), key)) return true;
  return false;
}

DatasetReader::DatasetReader(std::string path) : m_impl(std::make_unique<Impl>()), m_path(std::move(path)) {
  quietHdf5();
  if (!std::filesystem::exists(m_path)) fail(m_path, ": no such file");
  if (H5Fis_hdf5(m_path.c_str()) <= 0) fail(m_path, ": not an HDF5 file (or truncated)");
  Impl& d = *m_impl;
  d.file = H5Handle(H5Fopen(m_path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!d.file) fail(m_path, ": cannot open (truncated or corrupt HDF5 file)");
  const hid_t root = d.file.get();
  for (const char* key : {"X_jets", "X_jet", "X"})
    if (exists(root, key)) {
      m_imageKey = key;
      break;
    }
  if (m_imageKey.empty() && !exists(root, "graph_nodes"))
    fail(m_path, ": not a dataset (no X, X_jets, X_jet or graph_nodes)");
  if (!m_imageKey.empty()) {
    d.images = NdDataset::open(root, m_imageKey, H5T_NATIVE_FLOAT, m_path);
    const auto& s = d.images.rowShape();
    if (s.size() != 3) fail(m_path, ": ", m_imageKey, " has ", s.size() + 1, " dimensions, expected 4");
    const bool hasChannels = hasAttr(root, "channels") || hasAttr(d.images.get(), "channels");
    // Same rules as the Python reader (python/e2e_train/layouts.py).
    if (m_imageKey != "X") m_layout = DatasetLayout::Jets;
    else if (!hasChannels && s[0] == s[1] && s[2] <= 16 && s[0] > 16) m_layout = DatasetLayout::EGamma;
    else m_layout = DatasetLayout::E2E;
    d.channelsLast = m_layout != DatasetLayout::E2E;
    const std::size_t c = d.channelsLast ? s[2] : s[0];
    m_height = static_cast<int>(d.channelsLast ? s[0] : s[1]);
    m_width = static_cast<int>(d.channelsLast ? s[1] : s[2]);
    m_rows = d.images.rows();
    const hid_t attrs = hasAttr(d.images.get(), "channels") ? d.images.get() : root;
    if (m_layout == DatasetLayout::EGamma && c == 2) m_channels = {"ecal", "ecal_time"};
    else if (hasAttr(attrs, "channels")) m_channels = readStringListAttr(attrs, "channels", m_path);
    else m_channels = publicJetChannels(c);
    if (m_channels.size() != c) fail(m_path, ": attribute channels lists ", m_channels.size(), " names for ", c, " channels");
    m_scales = hasAttr(attrs, "scales") ? readFloatListAttr(attrs, "scales", m_path) : std::vector<float>(c, 1.0f);
    if (m_scales.size() != c) fail(m_path, ": attribute scales has ", m_scales.size(), " values for ", c, " channels");
  }
  if (exists(root, "graph_nodes")) {
    if (!exists(root, "graph_node_offsets")) fail(m_path, ": graph_nodes without graph_node_offsets");
    d.nodes = NdDataset::open(root, "graph_nodes", H5T_NATIVE_FLOAT, m_path);
    d.nodeOffsets = NdDataset::open(root, "graph_node_offsets", H5T_NATIVE_INT64, m_path);
    if (exists(root, "graph_edges")) {
      d.edges = NdDataset::open(root, "graph_edges", H5T_NATIVE_INT32, m_path);
      d.edgeOffsets = NdDataset::open(root, "graph_edge_offsets", H5T_NATIVE_INT64, m_path);
    }
    m_graphFeatures = hasAttr(root, "graph_features") ? readStringListAttr(root, "graph_features", m_path)
                                                      : std::vector<std::string>(d.nodes.rowSize(), "f");
    if (m_imageKey.empty()) m_rows = d.nodeOffsets.rows() - 1;
    else if (d.nodeOffsets.rows() != m_rows + 1)
      fail(m_path, ": graph_node_offsets has ", d.nodeOffsets.rows(), " entries for ", m_rows, " objects");
  }
  for (auto [key, field] : {std::pair{"producer", &m_provenance.producer}, std::pair{"command", &m_provenance.command},
                             std::pair{"config", &m_provenance.config}})
    if (hasAttr(root, key)) *field = readStringAttr(root, key, m_path);
}

DatasetReader::~DatasetReader() = default;

void DatasetReader::readImages(std::uint64_t first, std::uint64_t count, std::vector<float>& out) {
  Impl& d = *m_impl;
  if (!d.images) fail(m_path, ": has no images");
  const std::size_t C = m_channels.size(), HW = static_cast<std::size_t>(m_height) * static_cast<std::size_t>(m_width);
  out.resize(count * C * HW);
  if (!d.channelsLast) {
    d.images.read(first, count, out.data());
    return;
  }
  d.raw.resize(out.size());
  d.images.read(first, count, d.raw.data());
  for (std::size_t i = 0; i < count; ++i)
    for (std::size_t p = 0; p < HW; ++p)
      for (std::size_t c = 0; c < C; ++c) out[(i * C + c) * HW + p] = d.raw[(i * HW + p) * C + c];
}

bool DatasetReader::readColumn(const std::string& name, std::uint64_t first, std::uint64_t count, std::vector<float>& out) {
  const hid_t root = m_impl->file.get();
  std::vector<std::string> aliases{name};
  if (name == "pt") aliases.push_back("jetPt");
  if (name == "m") aliases.insert(aliases.end(), {"m0", "jetM"});
  for (const auto& a : aliases) {
    if (!exists(root, a.c_str())) continue;
    const NdDataset ds = NdDataset::open(root, a, H5T_NATIVE_FLOAT, m_path);
    if (ds.rowSize() != 1) fail(m_path, ": ", a, " is not a per-object column");
    out.resize(count);
    ds.read(first, count, out.data());
    return true;
  }
  return false;
}

void DatasetReader::readGraph(std::uint64_t index, std::vector<float>& nodes, std::vector<std::int32_t>& edges) {
  Impl& d = *m_impl;
  if (!d.nodes) fail(m_path, ": has no hit graphs");
  if (index >= m_rows) fail(m_path, ": graph ", index, " out of range (", m_rows, " objects)");
  std::int64_t o[2];
  d.nodeOffsets.read(index, 2, o);
  const auto F = d.nodes.rowSize();
  nodes.resize(static_cast<std::size_t>(o[1] - o[0]) * F);
  d.nodes.read(static_cast<std::uint64_t>(o[0]), static_cast<std::uint64_t>(o[1] - o[0]), nodes.data());
  edges.clear();
  if (!d.edges) return;
  d.edgeOffsets.read(index, 2, o);
  edges.resize(static_cast<std::size_t>(o[1] - o[0]) * 2);
  d.edges.read(static_cast<std::uint64_t>(o[0]), static_cast<std::uint64_t>(o[1] - o[0]), edges.data());
}

}  // namespace e2e::io
