#pragma once
#include <span>

#include "e2e/frames/ChannelSet.hpp"
#include "e2e/frames/CropWindow.hpp"
#include "e2e/frames/Deposits.hpp"
#include "e2e/frames/EventHits.hpp"

namespace e2e::frames {

// Turns hits into deposits for one channel set. Const and stateless per event: one maker serves all threads,
// each with its own Deposits (whose capacity is reused from event to event).
class DepositMaker {
public:
  explicit DepositMaker(ChannelSet channels);
  const ChannelSet& channels() const { return m_channels; }
  // With `keep` given, only contributions that touch one of those windows are listed: crops of those windows
  // come out the same (they never see the others) while a few crops per event skip most of the event's hits.
  void make(const EventHits& hits, Deposits& out, std::span<const CropWindow> keep = {}) const;

  // More windows than this and filtering costs more than it saves.
  static constexpr std::size_t kMaxKeepWindows = 8;

private:
  struct Keep;
  void makeEcal(const EcalHits& hits, std::size_t ch, ChannelDeposits& out, const Keep& keep) const;
  void makeHcal(const HcalHits& hits, std::size_t ch, ChannelDeposits& out, const Keep& keep) const;
  void makeTracks(const Tracks& tracks, float pvZ, Deposits& out, const Keep& keep) const;
  void makeTrackerHits(const TrackerHits& hits, Deposits& out, const Keep& keep) const;

  ChannelSet m_channels;
  int m_trackChannel[3] = {-1, -1, -1};  // pt, d0, dz
  int m_layerChannel[3][16];             // [subdet][layer] -> channel, -1 when not wanted
  bool m_anyLayer = false;
};

}  // namespace e2e::frames
