#include "e2e/frames/DepositMaker.hpp"

#include <cmath>

#include "e2e/reconstruction/EcalFrameMap.hpp"
#include "e2e/frames/FrameBinning.hpp"

namespace e2e::frames {

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

void DepositMaker::make(const EventHits& hits, Deposits& out) const {
  out.channels.resize(m_channels.size());
  for (std::size_t i = 0; i < m_channels.size(); ++i) {
    auto& d = out.channels[i];
    d.clear();
    d.rows = m_channels.kind(i) == ChannelKind::Hcal ? geo::kCrystalsPerTower : 1;
    const auto kind = m_channels.kind(i);
    if ((kind == ChannelKind::Ecal || kind == ChannelKind::EcalTime) && hits.ecal) makeEcal(*hits.ecal, i, d);
    if (kind == ChannelKind::Hcal && hits.hcal) makeHcal(*hits.hcal, i, d);
  }
  if (hits.tracks && (m_trackChannel[0] >= 0 || m_trackChannel[1] >= 0 || m_trackChannel[2] >= 0))
    makeTracks(*hits.tracks, hits.pvZ, out);
  if (hits.trackerHits && m_anyLayer) makeTrackerHits(*hits.trackerHits, out);
}

void DepositMaker::makeEcal(const EcalHits& hits, std::size_t ch, ChannelDeposits& out) const {
  const auto& map = reco::EcalFrameMap::instance();
  const bool time = m_channels.kind(ch) == ChannelKind::EcalTime;
  const float scale = m_channels.scale(ch);
  const std::size_t n = hits.size();
  out.row.reserve(n);
  out.col.reserve(n);
  out.value.reserve(n);
  if (time) out.weight.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const reco::EcalCell& c = map.cell(hits.id[i]);
    if (c.row < 0) continue;
    const float e = hits.energy[i];
    out.row.push_back(c.row);
    out.col.push_back(c.col);
    if (time) {
      // Only positive deposits weight the time: noise fluctuations below zero must not flip its sign.
      const float w = e > 0 ? e : 0.0f;
      out.value.push_back(w * hits.time[i]);
      out.weight.push_back(w);
    } else {
      out.value.push_back(e * scale);
    }
  }
}

void DepositMaker::makeHcal(const HcalHits& hits, std::size_t ch, ChannelDeposits& out) const {
  const float scale = m_channels.scale(ch);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const HcalBlock b = hcalBlock(hits.ieta[i], hits.iphi[i]);
    if (b.width == 0) continue;
    out.row.push_back(static_cast<std::int16_t>(b.row));
    out.col.push_back(static_cast<std::int16_t>(b.col));
    out.width.push_back(static_cast<std::uint8_t>(b.width));
    // Energy per crystal: the tower's energy spread evenly over all the crystals it covers (sum preserved).
    out.value.push_back(hits.energy[i] * scale / static_cast<float>(geo::kCrystalsPerTower * b.width));
  }
}

void DepositMaker::makeTracks(const Tracks& tracks, float pvZ, Deposits& out) const {
  const int cPt = m_trackChannel[0], cD0 = m_trackChannel[1], cDz = m_trackChannel[2];
  for (std::size_t i = 0; i < tracks.size(); ++i) {
    const FrameCell c = trackCell(tracks.eta[i], tracks.phi[i]);
    if (c.row < 0) continue;
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

void DepositMaker::makeTrackerHits(const TrackerHits& hits, Deposits& out) const {
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const unsigned sd = hits.subdet[i], layer = hits.layer[i];
    if (sd >= 3 || layer >= 16) continue;
    const int ch = m_layerChannel[sd][layer];
    if (ch < 0) continue;
    const FrameCell c = trackerHitCell(hits.x[i], hits.y[i], hits.z[i]);
    if (c.row < 0) continue;
    auto& d = out.channels[static_cast<std::size_t>(ch)];
    d.row.push_back(static_cast<std::int16_t>(c.row));
    d.col.push_back(static_cast<std::int16_t>(c.col));
    d.value.push_back(m_channels.scale(static_cast<std::size_t>(ch)));
  }
}

}  // namespace e2e::frames
