#include "e2e/frames/HitGraphBuilder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "e2e/core/Error.hpp"
#include "e2e/reconstruction/EcalFrameMap.hpp"
#include "e2e/frames/FrameBinning.hpp"

namespace e2e::frames {
namespace {
bool inside(const CropWindow& w, int row, int col) {
  if (row < w.row0 || row >= w.row0 + w.height) return false;
  int c = col - w.col0;
  c += c < 0 ? geo::kFrameCols : 0;
  return c < w.width;
}

float deltaPhi(float a, float b) {
  float d = a - b;
  if (d >= static_cast<float>(geo::kPi)) d -= static_cast<float>(geo::kTwoPi);
  if (d < -static_cast<float>(geo::kPi)) d += static_cast<float>(geo::kTwoPi);
  return d;
}
}  // namespace

void GraphConfig::validate() const {
  if (maxNodes < 1) fail("graph: --max-nodes must be at least 1 (got ", maxNodes, ")");
  if (k < 1 || k > 64) fail("graph: --k must be 1..64 (got ", k, ")");
  if (width < 1 || width > geo::kFrameCols) fail("graph window width ", width, " out of range 1..", geo::kFrameCols);
  if (height < 1) fail("graph window height must be positive");
}

HitGraphBuilder::HitGraphBuilder(GraphConfig config) : m_config(std::move(config)) {
  m_config.validate();
  for (std::size_t i = 0; i < m_config.channels.size(); ++i) {
    const auto& d = m_config.channels.def(i);
    switch (d.kind) {
      case ChannelKind::Ecal:
      case ChannelKind::EcalTime: m_ecal = true; break;
      case ChannelKind::Hcal: m_hcal = true; break;
      case ChannelKind::TrackPt:
      case ChannelKind::TrackD0:
      case ChannelKind::TrackDz: m_tracks = true; break;
      case ChannelKind::TrackerLayer: m_layer[static_cast<int>(d.subdet)][d.layer] = true; break;
    }
  }
}

std::vector<std::string> HitGraphBuilder::featureNames() { return {"deta", "dphi", "energy", "d0", "dz", "subdet", "layer"}; }

void HitGraphBuilder::collect(const EventHits& hits, const CropWindow& w, GraphScratch& s) const {
  s.nodes.clear();
  const int centreRow = w.row0 + (w.height - 1) / 2;
  const int centreCol = (w.col0 + (w.width - 1) / 2) % geo::kFrameCols;
  const float eta0 = static_cast<float>(geo::frameRowCenterEta(std::clamp(centreRow, 0, geo::kFrameRows - 1)));
  const float phi0 = static_cast<float>(geo::phiColumnCenter(centreCol));
  const auto add = [&](float eta, float phi, float e, float d0, float dz, int subdet, int layer) {
    GraphScratch::Node n{{eta - eta0, deltaPhi(phi, phi0), e, d0, dz, static_cast<float>(subdet), static_cast<float>(layer)}, 0};
    n.dist2 = n.f[kFeatDEta] * n.f[kFeatDEta] + n.f[kFeatDPhi] * n.f[kFeatDPhi];
    s.nodes.push_back(n);
  };
  if (m_ecal && hits.ecal) {
    const auto& map = reco::EcalFrameMap::instance();
    for (std::size_t i = 0; i < hits.ecal->size(); ++i) {
      const reco::EcalPos p = map.pos(hits.ecal->id[i]);
      if (p.row < 0 || !inside(w, p.row, p.col)) continue;
      const reco::EcalCell c = map.cell(hits.ecal->id[i]);
      add(c.eta, c.phi, hits.ecal->energy[i], 0, 0, kNodeEcal, 0);
    }
  }
  if (m_hcal && hits.hcal) {
    const HcalHits& h = *hits.hcal;
    for (std::size_t i = 0; i < h.size(); ++i) {
      const HcalBlock b = hcalBlock(h.ieta[i], h.iphi[i]);
      if (b.width == 0 || !inside(w, b.row + 2, (b.col + b.width / 2) % geo::kFrameCols)) continue;
      add(static_cast<float>(geo::hcalRingCenterEta(h.ieta[i])), static_cast<float>(geo::hcalTowerCenterPhi(h.ieta[i], h.iphi[i])),
          h.energy[i], 0, 0, kNodeHcal, h.depth[i]);
    }
  }
  if (m_tracks && hits.tracks) {
    const Tracks& t = *hits.tracks;
    for (std::size_t i = 0; i < t.size(); ++i) {
      const FrameCell c = trackCell(t.eta[i], t.phi[i]);
      if (c.row >= 0 && inside(w, c.row, c.col)) add(c.eta, c.phi, t.pt[i], t.d0[i], t.dz[i] - hits.pvZ, kNodeTrack, 0);
    }
  }
  if (hits.trackerHits) {
    const TrackerHits& t = *hits.trackerHits;
    for (std::size_t i = 0; i < t.size(); ++i) {
      const unsigned sd = t.subdet[i], layer = t.layer[i];
      if (sd >= 3 || layer >= 16 || !m_layer[sd][layer]) continue;
      const FrameCell c = trackerHitCell(t.x[i], t.y[i], t.z[i]);
      if (c.row >= 0 && inside(w, c.row, c.col)) add(c.eta, c.phi, 0, 0, 0, kNodeBpix + static_cast<int>(sd), static_cast<int>(layer));
    }
  }
}

void HitGraphBuilder::append(const EventHits& hits, const CropWindow& window, std::int32_t object, HitGraphs& out,
                             GraphScratch& s) const {
  collect(hits, window, s);
  const auto n = static_cast<std::int32_t>(s.nodes.size());
  s.order.resize(static_cast<std::size_t>(n));
  for (std::int32_t i = 0; i < n; ++i) s.order[static_cast<std::size_t>(i)] = i;
  // Highest energy first; ties (hits carry no energy) nearest to the centre first; then input order: deterministic.
  const auto before = [&](std::int32_t a, std::int32_t b) {
    const auto& x = s.nodes[static_cast<std::size_t>(a)];
    const auto& y = s.nodes[static_cast<std::size_t>(b)];
    if (x.f[kFeatEnergy] != y.f[kFeatEnergy]) return x.f[kFeatEnergy] > y.f[kFeatEnergy];
    if (x.dist2 != y.dist2) return x.dist2 < y.dist2;
    return a < b;
  };
  const auto kept = std::min(n, m_config.maxNodes);
  std::partial_sort(s.order.begin(), s.order.begin() + kept, s.order.end(), before);
  for (std::int32_t i = 0; i < kept; ++i) {
    const auto& node = s.nodes[static_cast<std::size_t>(s.order[static_cast<std::size_t>(i)])];
    out.nodeFeatures.insert(out.nodeFeatures.end(), node.f, node.f + kNodeFeatures);
  }
  out.nodeBegin.push_back(out.nodeBegin.back() + kept);
  connect(std::span<const std::int32_t>(s.order.data(), static_cast<std::size_t>(kept)), s, out, s);
  out.edgeBegin.push_back(static_cast<std::int64_t>(out.edgeSrc.size()));
  out.object.push_back(object);
}

// Brute-force kNN: a few hundred nodes per graph make the n^2 distances cheaper than any tree. Distances of one
// node to all others are computed in one vectorisable pass, then the k smallest are picked by a threshold scan.
void HitGraphBuilder::connect(std::span<const std::int32_t> kept, const GraphScratch& s, HitGraphs& out,
                              GraphScratch& work) const {
  const auto n = static_cast<std::int32_t>(kept.size());
  const int k = std::min<int>(m_config.k, n - 1);
  if (k <= 0) return;
  work.nbDist.resize(static_cast<std::size_t>(k));
  work.nbIndex.resize(static_cast<std::size_t>(k));
  work.px.resize(static_cast<std::size_t>(n));
  work.py.resize(static_cast<std::size_t>(n));
  work.dist.resize(static_cast<std::size_t>(n));
  for (std::int32_t i = 0; i < n; ++i) {
    const float* f = s.nodes[static_cast<std::size_t>(kept[static_cast<std::size_t>(i)])].f;
    work.px[static_cast<std::size_t>(i)] = f[kFeatDEta];
    work.py[static_cast<std::size_t>(i)] = f[kFeatDPhi];
  }
  // Offsets from the window centre differ by less than pi unless the window spans more than half the ring.
  const bool wrap = m_config.width > geo::kFrameCols / 2;
  const float* px = work.px.data();
  const float* py = work.py.data();
  float* dist = work.dist.data();
  for (std::int32_t i = 0; i < n; ++i) {
    const float xi = px[i], yi = py[i];
    for (std::int32_t j = 0; j < n; ++j) {
      const float dx = px[j] - xi;
      const float dy = wrap ? deltaPhi(py[j], yi) : py[j] - yi;
      dist[j] = dx * dx + dy * dy;
    }
    dist[i] = std::numeric_limits<float>::infinity();
    int filled = 0;
    float worst = std::numeric_limits<float>::infinity();
    for (std::int32_t j = 0; j < n; ++j) {
      const float d = dist[j];
      if (filled == k && d >= worst) continue;
      if (j == i) continue;
      int p = filled < k ? filled++ : k - 1;
      while (p > 0 && work.nbDist[static_cast<std::size_t>(p - 1)] > d) {
        work.nbDist[static_cast<std::size_t>(p)] = work.nbDist[static_cast<std::size_t>(p - 1)];
        work.nbIndex[static_cast<std::size_t>(p)] = work.nbIndex[static_cast<std::size_t>(p - 1)];
        --p;
      }
      work.nbDist[static_cast<std::size_t>(p)] = d;
      work.nbIndex[static_cast<std::size_t>(p)] = j;
      if (filled == k) worst = work.nbDist[static_cast<std::size_t>(k - 1)];
    }
    for (int q = 0; q < filled; ++q) {
      out.edgeSrc.push_back(i);
      out.edgeDst.push_back(work.nbIndex[static_cast<std::size_t>(q)]);
    }
  }
}

}  // namespace e2e::frames
