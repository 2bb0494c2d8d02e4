#include "e2e/frames/DepositMaker.hpp"

#include <algorithm>
#include <cmath>

#include "e2e/reconstruction/EcalFrameMap.hpp"
#include "e2e/frames/FrameBinning.hpp"

namespace e2e::frames {

namespace {
// atan2 to ~1e-5 rad: only to rule hits out before the exact binning, with a margin far above that error.
float roughAtan2(float y, float x) {
  const float ax = std::abs(x), ay = std::abs(y);
  const float a = std::min(ax, ay) / std::max(std::max(ax, ay), 1e-30f);
  const float s = a * a;
  float r = a * (0.99997726f + s * (-0.33262347f + s * (0.19354346f + s * (-0.11643287f + s * (0.05265332f + s * -0.01172120f)))));
  if (ay > ax) r = 1.57079637f - r;
  if (x < 0) r = 3.14159274f - r;
  return y < 0 ? -r : r;
}

// A window as ranges of z/r (monotonic in eta) and of phi, widened by a margin: hits outside all of them cannot
// bin into the window, so their exact (asinh, atan2) binning is skipped.
struct DirectionRange {
  float tLo, tHi, phiLo, phiSpan;
};
constexpr float kPhiMargin = 2e-3f;  // rad, vs ~1e-5 for roughAtan2
}  // namespace

// The windows a contribution must touch to be listed (none: everything is listed).
struct DepositMaker::Keep {
  std::span<const CropWindow> windows;
  DirectionRange ranges[kMaxKeepWindows] = {};

  explicit Keep(std::span<const CropWindow> w) : windows(w) {
    for (std::size_t i = 0; i < windows.size(); ++i) {
      const CropWindow& win = windows[i];
      const int first = std::clamp(win.row0, 0, geo::kFrameRows), last = std::clamp(win.row0 + win.height, 0, geo::kFrameRows);
      const double etaLo = first == 0 ? -1e3 : geo::frameRowLowEdge(first), etaHi = last == geo::kFrameRows ? 1e3 : geo::frameRowLowEdge(last);
      ranges[i] = {static_cast<float>(std::sinh(std::max(etaLo, -20.0)) - 1e-4 * std::cosh(std::max(etaLo, -20.0))),
                   static_cast<float>(std::sinh(std::min(etaHi, 20.0)) + 1e-4 * std::cosh(std::min(etaHi, 20.0))),
                   static_cast<float>(-geo::kPi + win.col0 * geo::kCrystalDPhi) - kPhiMargin,
                   static_cast<float>(win.width * geo::kCrystalDPhi) + 2 * kPhiMargin};
      if (first >= last) ranges[i].tLo = ranges[i].tHi = 0, ranges[i].phiSpan = -1;
    }
  }
  bool direction(float x, float y, float z) const {
    if (windows.empty()) return true;
    const float t = z / std::sqrt(x * x + y * y);
    const float phi = roughAtan2(y, x);
    bool in = false;
    for (std::size_t i = 0; i < windows.size(); ++i) {
      const DirectionRange& r = ranges[i];
      float d = phi - r.phiLo;
      d += d < 0 ? static_cast<float>(geo::kTwoPi) : 0.0f;
      d -= d >= static_cast<float>(geo::kTwoPi) ? static_cast<float>(geo::kTwoPi) : 0.0f;
      in |= (t >= r.tLo) & (t <= r.tHi) & (d <= r.phiSpan);
    }
    return in;
  }
  bool all() const { return windows.empty(); }
  // Branch-free: whether a hit is inside is data-dependent and would mispredict about half the time.
  bool cell(int row, int col) const {
    if (windows.empty()) return true;
    bool in = false;
    for (const CropWindow& w : windows) {
      int c = col - w.col0;
      c += c < 0 ? geo::kFrameCols : 0;
      in |= (static_cast<unsigned>(row - w.row0) < static_cast<unsigned>(w.height)) & (c < w.width);
    }
    return in;
  }
  bool block(int row, int col, int rows, int width) const {
    if (windows.empty()) return true;
    for (const CropWindow& w : windows) {
      if (row + rows <= w.row0 || row >= w.row0 + w.height) continue;
      int c = col - w.col0;
      c += c < 0 ? geo::kFrameCols : 0;
      if (c < w.width || c + width > geo::kFrameCols) return true;
    }
    return false;
  }
};

DepositMaker::DepositMaker(ChannelSet channels) : m_channels(std::move(channels)) {
  for (auto& sub : m_layerChannel)
    for (int& c : sub) c = -1;
  for (std::size_t i = 0; i < m_channels.size(); ++i) {
    const auto& d = m_channels.def(i);
    switch (d.kind) {
      case ChannelKind::TrackPt: m_trackChannel[0] = static_cast<int>(i); break;
      case ChannelKind::TrackD0: m_trackChannel[1] = static_cast<int>(i); break;
      case ChannelKind::TrackDz: m_trackChannel[2] = static_cast<int>(i); break;
      case ChannelKind::TrackerLayer:
        m_layerChannel[static_cast<int>(d.subdet)][d.layer] = static_cast<int>(i);
        m_anyLayer = true;
        break;
      default: break;
    }
  }
}

void DepositMaker::make(const EventHits& hits, Deposits& out, std::span<const CropWindow> keepWindows) const {
  const Keep keep(keepWindows.size() <= kMaxKeepWindows ? keepWindows : std::span<const CropWindow>());
  out.channels.resize(m_channels.size());
  for (std::size_t i = 0; i < m_channels.size(); ++i) {
    auto& d = out.channels[i];
    d.clear();
    d.rows = m_channels.kind(i) == ChannelKind::Hcal ? geo::kCrystalsPerTower : 1;
    const auto kind = m_channels.kind(i);
    if ((kind == ChannelKind::Ecal || kind == ChannelKind::EcalTime) && hits.ecal) makeEcal(*hits.ecal, i, d, keep);
    if (kind == ChannelKind::Hcal && hits.hcal) makeHcal(*hits.hcal, i, d, keep);
  }
  if (hits.tracks && (m_trackChannel[0] >= 0 || m_trackChannel[1] >= 0 || m_trackChannel[2] >= 0))
    makeTracks(*hits.tracks, hits.pvZ, out, keep);
  if (hits.trackerHits && m_anyLayer) makeTrackerHits(*hits.trackerHits, out, keep);
}

void DepositMaker::makeEcal(const EcalHits& hits, std::size_t ch, ChannelDeposits& out, const Keep& keep) const {
  const auto& map = reco::EcalFrameMap::instance();
  const bool time = m_channels.kind(ch) == ChannelKind::EcalTime;
  const float scale = m_channels.scale(ch);
  const std::size_t n = hits.size();
  // Sized once and written through pointers: this loop is most of a photon crop's cost.
  out.row.resize(n);
  out.col.resize(n);
  out.value.resize(n);
  out.weight.resize(time ? n : 0);
  std::int16_t* row = out.row.data();
  std::int16_t* col = out.col.data();
  float* value = out.value.data();
  float* weight = out.weight.data();
  const std::uint32_t* id = hits.id.data();
  const float* energy = hits.energy.data();
  std::size_t k = 0;
  for (std::size_t i = 0; i < n; ++i) {
    // Written unconditionally, kept by advancing k: no branch on where the hit lies.
    const reco::EcalPos c = map.pos(id[i]);
    row[k] = c.row;
    col[k] = c.col;
    if (time) {
      // Only positive deposits weight the time: noise fluctuations below zero must not flip its sign.
      const float w = energy[i] > 0 ? energy[i] : 0.0f;
      value[k] = w * hits.time[i];
      weight[k] = w;
    } else {
      value[k] = energy[i] * scale;
    }
    k += static_cast<std::size_t>((c.row >= 0) & keep.cell(c.row, c.col));
  }
  out.row.resize(k);
  out.col.resize(k);
  out.value.resize(k);
  if (time) out.weight.resize(k);
}

void DepositMaker::makeHcal(const HcalHits& hits, std::size_t ch, ChannelDeposits& out, const Keep& keep) const {
  const float scale = m_channels.scale(ch);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const HcalBlock b = hcalBlock(hits.ieta[i], hits.iphi[i]);
    if (b.width == 0 || !keep.block(b.row, b.col, geo::kCrystalsPerTower, b.width)) continue;
    out.row.push_back(static_cast<std::int16_t>(b.row));
    out.col.push_back(static_cast<std::int16_t>(b.col));
    out.width.push_back(static_cast<std::uint8_t>(b.width));
    // Energy per crystal: the tower's energy spread evenly over all the crystals it covers (sum preserved).
    out.value.push_back(hits.energy[i] * scale / static_cast<float>(geo::kCrystalsPerTower * b.width));
  }
}

void DepositMaker::makeTracks(const Tracks& tracks, float pvZ, Deposits& out, const Keep& keep) const {
  const int cPt = m_trackChannel[0], cD0 = m_trackChannel[1], cDz = m_trackChannel[2];
  for (std::size_t i = 0; i < tracks.size(); ++i) {
    const FrameCell c = trackCell(tracks.eta[i], tracks.phi[i]);
    if (c.row < 0 || !keep.cell(c.row, c.col)) continue;
    const auto push = [&](int ch, float v) {
      auto& d = out.channels[static_cast<std::size_t>(ch)];
      d.row.push_back(static_cast<std::int16_t>(c.row));
      d.col.push_back(static_cast<std::int16_t>(c.col));
      d.value.push_back(v * m_channels.scale(static_cast<std::size_t>(ch)));
    };
    if (cPt >= 0) push(cPt, tracks.pt[i]);
    const float dz = tracks.dz[i] - pvZ;
    if (std::abs(dz) >= kTrackDzCut) continue;
    if (cD0 >= 0) push(cD0, tracks.d0[i]);
    if (cDz >= 0) push(cDz, dz);
  }
}

void DepositMaker::makeTrackerHits(const TrackerHits& hits, Deposits& out, const Keep& keep) const {
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const unsigned sd = hits.subdet[i], layer = hits.layer[i];
    if (sd >= 3 || layer >= 16) continue;
    const int ch = m_layerChannel[sd][layer];
    if (ch < 0 || !keep.direction(hits.x[i], hits.y[i], hits.z[i])) continue;
    const FrameCell c = trackerHitCell(hits.x[i], hits.y[i], hits.z[i]);
    if (c.row < 0 || !keep.cell(c.row, c.col)) continue;
    auto& d = out.channels[static_cast<std::size_t>(ch)];
    d.row.push_back(static_cast<std::int16_t>(c.row));
    d.col.push_back(static_cast<std::int16_t>(c.col));
    d.value.push_back(m_channels.scale(static_cast<std::size_t>(ch)));
  }
}

}  // namespace e2e::frames
