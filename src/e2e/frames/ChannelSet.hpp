#pragma once
// The channel registry: the 13 detector channels of the E2E images (SPEC.md section 3) plus "ecal_time" for the
// public e/gamma [energy, time] layout. A ChannelSet is any subset of them, in the order the user asked for, with
// one scale factor per channel (applied when the image is filled, so every path sees the same numbers).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "e2e/dataformats/TrackerHits.hpp"

namespace e2e::frames {

enum class ChannelKind : std::uint8_t {
  Ecal,         // ECAL energy per crystal, GeV
  EcalTime,     // energy-weighted ECAL time per crystal, ns
  Hcal,         // HCAL tower energy (depths summed) spread over its 5 x 5 crystals, GeV per crystal
  TrackPt,      // sum of track pT at the track's vertex direction, GeV
  TrackD0,      // sum of d0 of tracks within |dz| < 0.1 cm of the primary vertex, cm
  TrackDz,      // sum of dz (to the primary vertex) of the same tracks, cm
  TrackerLayer  // number of tracker hits of one layer, binned by their direction from the origin
};

struct ChannelDef {
  const char* name;
  ChannelKind kind;
  TrackerSubdet subdet = TrackerSubdet::BPIX;  // TrackerLayer channels only
  std::uint8_t layer = 0;
};

// All known channels, in the canonical SPEC order (ecal_time last).
std::span<const ChannelDef> channelRegistry();
// Throws e2e::Error naming `name` when it is unknown.
const ChannelDef& channelByName(std::string_view name);

class ChannelSet {
public:
  ChannelSet() = default;
  // Names in the wanted order; `scales` empty (all 1) or one per channel. Unknown or repeated names are errors.
  explicit ChannelSet(const std::vector<std::string>& names, const std::vector<float>& scales = {});
  // "ecal,hcal,trk_pt" and "1,0.04,1" (empty scales: all 1).
  static ChannelSet parse(std::string_view names, std::string_view scales = {});

  std::size_t size() const { return m_defs.size(); }
  const ChannelDef& def(std::size_t i) const { return m_defs[i]; }
  ChannelKind kind(std::size_t i) const { return m_defs[i].kind; }
  const char* name(std::size_t i) const { return m_defs[i].name; }
  float scale(std::size_t i) const { return m_scales[i]; }
  std::vector<std::string> names() const;
  const std::vector<float>& scales() const { return m_scales; }
  bool contains(ChannelKind kind) const;
  // Index of the channel with this name, -1 when absent.
  int indexOf(std::string_view name) const;

private:
  std::vector<ChannelDef> m_defs;
  std::vector<float> m_scales;
};

// Comma-separated list helpers shared by the CLI and the parsers here.
std::vector<std::string> splitList(std::string_view text);

}  // namespace e2e::frames
