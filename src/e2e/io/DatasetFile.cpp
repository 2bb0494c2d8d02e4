#include "e2e/io/DatasetFile.hpp"

#include <filesystem>

#include "e2e/io/DatasetHdf5.hpp"

namespace e2e::io {
namespace {
std::string producerName() { return std::string("e2e ") + E2E_VERSION; }
const char* const kColumns[] = {"y", "pt", "eta", "phi", "m", "ieta", "iphi", "truth_mass"};
}  // namespace

DatasetLayout parseDatasetLayout(const std::string& name) {
  if (name == "e2e") return DatasetLayout::E2E;
  if (name == "egamma") return DatasetLayout::EGamma;
  if (name == "jets") return DatasetLayout::Jets;
  fail("unknown dataset layout '", name, "' (known: e2e, egamma, jets)");
}

const char* layoutName(DatasetLayout layout) {
  switch (layout) {
    case DatasetLayout::EGamma: return "egamma";
    case DatasetLayout::Jets: return "jets";
    default: return "e2e";
  }
}

void DatasetBatch::clear() {
  images.clear();
  for (auto* v : {&y, &pt, &eta, &phi, &m, &ieta, &iphi, &truthMass}) v->clear();
  graphs.clear();
}

struct DatasetWriter::Impl {
  std::string path, tmpPath;
  DatasetSpec spec;
  H5Handle file;
  NdDataset images;
  std::vector<std::pair<std::string, NdDataset>> columns;  // 1-D float32, in file name order of kColumns
  NdDataset nodes, nodeOffsets, edges, edgeOffsets;
  std::vector<float> transposed;
  std::vector<std::int64_t> offsets;
  std::vector<std::int32_t> edgePairs;
  bool closed = false;
};

DatasetWriter::DatasetWriter(std::string path, DatasetSpec spec, bool overwrite) : m_impl(std::make_unique<Impl>()) {
  Impl& d = *m_impl;
  d.path = std::move(path);
  d.tmpPath = d.path + ".tmp";
  d.spec = std::move(spec);
  quietHdf5();
  const auto C = static_cast<hsize_t>(d.spec.channels.size());
  const auto H = static_cast<hsize_t>(d.spec.height), W = static_cast<hsize_t>(d.spec.width);
  if (C == 0) fail(d.path, ": a dataset needs at least one channel");
  if (!d.spec.scales.empty() && d.spec.scales.size() != C) fail(d.path, ": ", d.spec.scales.size(), " scales for ", C, " channels");
  if (d.spec.layout == DatasetLayout::EGamma && C != 2)
    fail(d.path, ": the egamma layout holds exactly 2 channels [energy, time], not ", C);
  if (d.spec.layout != DatasetLayout::E2E && !d.spec.graphFeatures.empty())
    fail(d.path, ": hit graphs are stored in the e2e layout only (not ", layoutName(d.spec.layout), ")");
  if (!overwrite && std::filesystem::exists(d.path)) fail(d.path, ": already exists (use --force to overwrite)");
  const auto parent = std::filesystem::path(d.path).parent_path();
  if (!parent.empty() && !std::filesystem::is_directory(parent)) fail(d.path, ": directory ", parent.string(), " does not exist");
  if (d.spec.provenance.producer.empty()) d.spec.provenance.producer = producerName();
  d.file = H5Handle(H5Fcreate(d.tmpPath.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose);
  if (!d.file) fail(d.path, ": cannot create ", d.tmpPath);
  const hid_t root = d.file.get();
  writeStringAttr(root, "producer", d.spec.provenance.producer);
  writeStringAttr(root, "command", d.spec.provenance.command);
  writeStringAttr(root, "config", d.spec.provenance.config);
  writeStringAttr(root, "layout", layoutName(d.spec.layout));
  std::vector<float> scales = d.spec.scales.empty() ? std::vector<float>(C, 1.0f) : d.spec.scales;
  if (d.spec.layout != DatasetLayout::EGamma) {
    writeStringListAttr(root, "channels", d.spec.channels);
    writeFloatListAttr(root, "scales", scales);
  }
  const bool last = d.spec.layout != DatasetLayout::E2E;
  const std::vector<hsize_t> shape = last ? std::vector<hsize_t>{H, W, C} : std::vector<hsize_t>{C, H, W};
  d.images = NdDataset::create(root, d.spec.layout == DatasetLayout::Jets ? "X_jets" : "X", H5T_NATIVE_FLOAT, shape, 1, d.path);
  for (const char* name : kColumns) {
    std::string fileName = name;
    if (d.spec.layout == DatasetLayout::EGamma && fileName != "y") continue;
    if (d.spec.layout == DatasetLayout::Jets) {
      if (fileName == "m") fileName = "m0";
      else if (fileName != "y" && fileName != "pt") continue;
    }
    d.columns.emplace_back(name, NdDataset::create(root, fileName, H5T_NATIVE_FLOAT, {}, 1 << 14, d.path));
  }
  if (!d.spec.graphFeatures.empty()) {
    writeStringListAttr(root, "graph_features", d.spec.graphFeatures);
    d.nodes = NdDataset::create(root, "graph_nodes", H5T_NATIVE_FLOAT, {d.spec.graphFeatures.size()}, 4096, d.path);
    d.nodeOffsets = NdDataset::create(root, "graph_node_offsets", H5T_NATIVE_INT64, {}, 1 << 14, d.path);
    d.edges = NdDataset::create(root, "graph_edges", H5T_NATIVE_INT32, {2}, 8192, d.path);
    d.edgeOffsets = NdDataset::create(root, "graph_edge_offsets", H5T_NATIVE_INT64, {}, 1 << 14, d.path);
    const std::int64_t zero = 0;
    d.nodeOffsets.append(&zero, 1);
    d.edgeOffsets.append(&zero, 1);
  }
}

DatasetWriter::~DatasetWriter() {
  if (m_impl->closed) return;
  m_impl->images = NdDataset();
  m_impl->columns.clear();
  for (auto* ds : {&m_impl->nodes, &m_impl->nodeOffsets, &m_impl->edges, &m_impl->edgeOffsets}) *ds = NdDataset();
  m_impl->file.reset();
  std::error_code ec;
  std::filesystem::remove(m_impl->tmpPath, ec);
}

void DatasetWriter::append(const DatasetBatch& b) {
  Impl& d = *m_impl;
  const std::size_t n = b.rows();
  const std::size_t C = d.spec.channels.size(), HW = static_cast<std::size_t>(d.spec.height) * static_cast<std::size_t>(d.spec.width);
  if (b.images.size() != n * C * HW) fail(d.path, ": batch has ", b.images.size(), " image values for ", n, " rows");
  if (d.spec.layout == DatasetLayout::E2E) {
    d.images.append(b.images.data(), n);
  } else {
    d.transposed.resize(b.images.size());
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t c = 0; c < C; ++c)
        for (std::size_t p = 0; p < HW; ++p) d.transposed[(i * HW + p) * C + c] = b.images[(i * C + c) * HW + p];
    d.images.append(d.transposed.data(), n);
  }
  for (auto& [name, ds] : d.columns) {
    const std::vector<float>* v = name == "y" ? &b.y : name == "pt" ? &b.pt : name == "eta" ? &b.eta : name == "phi" ? &b.phi
                                  : name == "m" ? &b.m : name == "ieta" ? &b.ieta : name == "iphi" ? &b.iphi : &b.truthMass;
    if (v->size() != n) fail(d.path, ": batch column ", name, " has ", v->size(), " rows, expected ", n);
    ds.append(v->data(), n);
  }
  if (!d.spec.graphFeatures.empty()) {
    const auto& g = b.graphs;
    if (static_cast<std::size_t>(g.count()) != n) fail(d.path, ": batch has ", g.count(), " graphs for ", n, " rows");
    const std::uint64_t nodeBase = d.nodes.rows(), edgeBase = d.edges.rows();
    d.nodes.append(g.nodeFeatures.data(), static_cast<std::uint64_t>(g.nodeBegin.back()));
    d.edgePairs.resize(2 * g.edgeSrc.size());
    for (std::size_t e = 0; e < g.edgeSrc.size(); ++e) {
      d.edgePairs[2 * e] = g.edgeSrc[e];
      d.edgePairs[2 * e + 1] = g.edgeDst[e];
    }
    d.edges.append(d.edgePairs.data(), g.edgeSrc.size());
    d.offsets.resize(n);
    for (std::size_t i = 0; i < n; ++i) d.offsets[i] = static_cast<std::int64_t>(nodeBase) + g.nodeBegin[i + 1];
    d.nodeOffsets.append(d.offsets.data(), n);
    for (std::size_t i = 0; i < n; ++i) d.offsets[i] = static_cast<std::int64_t>(edgeBase) + g.edgeBegin[i + 1];
    d.edgeOffsets.append(d.offsets.data(), n);
  }
  m_rows += n;
}

void DatasetWriter::close() {
  Impl& d = *m_impl;
  if (d.closed) return;
  writeUInt64Attr(d.file.get(), "rows", m_rows);
  d.images = NdDataset();
  d.columns.clear();
  for (auto* ds : {&d.nodes, &d.nodeOffsets, &d.edges, &d.edgeOffsets}) *ds = NdDataset();
  if (H5Fflush(d.file.get(), H5F_SCOPE_GLOBAL) < 0) fail(d.path, ": flush failed (disk full?)");
  d.file.reset();
  std::error_code ec;
  std::filesystem::rename(d.tmpPath, d.path, ec);
  if (ec) fail(d.path, ": cannot rename ", d.tmpPath, ": ", ec.message());
  d.closed = true;
}

}  // namespace e2e::io
