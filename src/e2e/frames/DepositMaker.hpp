#pragma once
#include "e2e/frames/ChannelSet.hpp"
#include "e2e/frames/Deposits.hpp"
#include "e2e/frames/EventHits.hpp"

namespace e2e::frames {

// Turns hits into deposits for one channel set. Const and stateless per event: one maker serves all threads,
// each with its own Deposits (whose capacity is reused from event to event).
class DepositMaker {
public:
  explicit DepositMaker(ChannelSet channels);
  const ChannelSet& channels() const { return m_channels; }
  void make(const EventHits& hits, Deposits& out) const;

private:
  void makeEcal(const EcalHits& hits, std::size_t ch, ChannelDeposits& out) const;
  void makeHcal(const HcalHits& hits, std::size_t ch, ChannelDeposits& out) const;
  void makeTracks(const Tracks& tracks, float pvZ, Deposits& out) const;
  void makeTrackerHits(const TrackerHits& hits, Deposits& out) const;

  ChannelSet m_channels;
  int m_trackChannel[3] = {-1, -1, -1};  // pt, d0, dz
  int m_layerChannel[3][16];             // [subdet][layer] -> channel, -1 when not wanted
  bool m_anyLayer = false;
};

}  // namespace e2e::frames
