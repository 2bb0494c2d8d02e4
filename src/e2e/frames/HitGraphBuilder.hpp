#pragma once
// Hit graphs for graph networks: one graph per object whose nodes are the hits and tracks inside the object's
// window (the same window and binning as its crop), kept up to maxNodes by energy, joined by k-nearest-neighbour
// edges in (eta, phi). Which detectors give nodes follows the channel set: ecal -> ECAL crystals, hcal -> HCAL
// towers (one per depth), any trk_* -> tracks, bpix/tib/tob layers -> hits of those layers.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "e2e/dataformats/Frames.hpp"
#include "e2e/frames/ChannelSet.hpp"
#include "e2e/frames/CropWindow.hpp"
#include "e2e/frames/EventHits.hpp"

namespace e2e::frames {

// Node feature columns, in order.
enum NodeFeature : int { kFeatDEta, kFeatDPhi, kFeatEnergy, kFeatD0, kFeatDz, kFeatSubdet, kFeatLayer, kNodeFeatures };
// Values of the "subdet" feature.
enum NodeSubdet : int { kNodeEcal = 0, kNodeHcal = 1, kNodeTrack = 2, kNodeBpix = 3, kNodeTib = 4, kNodeTob = 5 };

struct GraphConfig {
  ChannelSet channels;
  int height = 32, width = 32;  // window, as for crops
  int maxNodes = 256;           // highest-energy nodes kept (hits without energy rank by distance to the centre)
  int k = 8;                    // neighbours per node
  void validate() const;
};

struct GraphScratch {
  struct Node {
    float f[kNodeFeatures];
    float dist2;
  };
  std::vector<Node> nodes;
  std::vector<std::int32_t> order;
  std::vector<float> nbDist, px, py, dist;
  std::vector<std::int32_t> nbIndex;
};

class HitGraphBuilder {
public:
  explicit HitGraphBuilder(GraphConfig config);
  const GraphConfig& config() const { return m_config; }
  static std::vector<std::string> featureNames();

  // Appends one graph for the object whose window is `window`; `object` is stored in out.object.
  void append(const EventHits& hits, const CropWindow& window, std::int32_t object, HitGraphs& out,
              GraphScratch& scratch) const;

private:
  void collect(const EventHits& hits, const CropWindow& window, GraphScratch& scratch) const;
  void connect(std::span<const std::int32_t> kept, const GraphScratch& scratch, HitGraphs& out, GraphScratch& work) const;

  GraphConfig m_config;
  bool m_ecal = false, m_hcal = false, m_tracks = false;
  bool m_layer[3][16] = {};
};

}  // namespace e2e::frames
