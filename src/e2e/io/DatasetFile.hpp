#pragma once
// Training datasets (HDF5), in three layouts:
//   e2e     X (N, C, H, W) float32, one chunk per object, compressed; y, pt, eta, phi, m, ieta, iphi, truth_mass
//           (N,) float32; root attributes channels, scales, layout, objects and provenance (command, config,
//           producer); optional hit graphs: graph_nodes (total_nodes, F) float32, graph_node_offsets (N+1) int64,
//           graph_edges (E, 2) int32 (node, neighbour; indices local to the graph), graph_edge_offsets (N+1)
//           int64, root attribute graph_features.
//   egamma  the public e/gamma crops: X (N, 32, 32, 2) channels-last [energy, time], y (0 photon, 1 electron).
//   jets    the public jet crops: X_jets (N, 125, 125, C) channels-last, y, pt, m0.
// The public layouts carry only provenance besides their own fields (a `channels` attribute would make readers
// of those layouts take the file for an e2e one). Written under "<path>.tmp" and renamed on close().
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "e2e/dataformats/Frames.hpp"
#include "e2e/io/EventFile.hpp"

namespace e2e::io {

enum class DatasetLayout { E2E, EGamma, Jets };
DatasetLayout parseDatasetLayout(const std::string& name);  // "e2e", "egamma", "jets"; else e2e::Error
const char* layoutName(DatasetLayout layout);

struct DatasetSpec {
  DatasetLayout layout = DatasetLayout::E2E;
  std::vector<std::string> channels;
  std::vector<float> scales;
  int height = 32, width = 32;
  std::string objects;                     // "photons" / "jets" (e2e layout attribute)
  std::vector<std::string> graphFeatures;  // empty: no graphs (graphs need the e2e layout)
  Provenance provenance;
};

// Rows appended together. Images are always channels-first here; the writer transposes for channels-last layouts.
struct DatasetBatch {
  std::vector<float> images;  // rows x C x H x W
  std::vector<float> y, pt, eta, phi, m, ieta, iphi, truthMass;
  HitGraphs graphs;           // one graph per row when the spec has graph features
  std::size_t rows() const { return y.size(); }
  void clear();
};

class DatasetWriter {
public:
  DatasetWriter(std::string path, DatasetSpec spec, bool overwrite = false);
  ~DatasetWriter();  // without close(): the temporary file is removed
  DatasetWriter(const DatasetWriter&) = delete;
  DatasetWriter& operator=(const DatasetWriter&) = delete;

  void append(const DatasetBatch& batch);
  void close();
  std::uint64_t rows() const { return m_rows; }

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  std::uint64_t m_rows = 0;
};

class DatasetReader {
public:
  explicit DatasetReader(std::string path);
  ~DatasetReader();
  DatasetReader(const DatasetReader&) = delete;
  DatasetReader& operator=(const DatasetReader&) = delete;

  DatasetLayout layout() const { return m_layout; }
  std::uint64_t size() const { return m_rows; }
  const std::vector<std::string>& channels() const { return m_channels; }
  const std::vector<float>& scales() const { return m_scales; }
  int height() const { return m_height; }
  int width() const { return m_width; }
  bool hasImages() const { return !m_imageKey.empty(); }
  bool hasGraphs() const { return !m_graphFeatures.empty(); }
  const std::vector<std::string>& graphFeatures() const { return m_graphFeatures; }
  const Provenance& provenance() const { return m_provenance; }
  const std::string& path() const { return m_path; }

  // Rows [first, first + count) as channels-first float32, whatever the layout stores.
  void readImages(std::uint64_t first, std::uint64_t count, std::vector<float>& out);
  // A per-object column by its e2e name (y, pt, eta, phi, m, ieta, iphi, truth_mass); the public layouts' names
  // (m0, jetPt, jetM) are found too. false when the file has no such column.
  bool readColumn(const std::string& name, std::uint64_t first, std::uint64_t count, std::vector<float>& out);
  // Graph `index`: nodes (n x F) and edges (e x 2).
  void readGraph(std::uint64_t index, std::vector<float>& nodes, std::vector<std::int32_t>& edges);

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  std::string m_path, m_imageKey;
  DatasetLayout m_layout = DatasetLayout::E2E;
  std::uint64_t m_rows = 0;
  std::vector<std::string> m_channels, m_graphFeatures;
  std::vector<float> m_scales;
  int m_height = 0, m_width = 0;
  Provenance m_provenance;
};

// True when `path` is an HDF5 file laid out as a dataset (X, X_jets, X_jet or graph_nodes at the root).
bool isDatasetFile(const std::string& path);
// A human-readable description (or JSON with `json`): layout, rows, shapes, channels and scales, label counts,
// kinematic ranges, graph sizes, provenance. For `e2e info`.
std::string describeDataset(const std::string& path, bool json = false);

}  // namespace e2e::io
