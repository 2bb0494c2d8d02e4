#pragma once
// The detector inputs an image or graph module reads, bound from the channels it makes: ECAL hits only when a
// channel needs them, and so on. A needed label that nothing produces is a wiring error naming it. Track channels
// also read the vertices (primary-vertex z for the d0/dz cut), unless the vertices label is set empty.
#include <memory>
#include <string>

#include "e2e/dataformats/CaloHits.hpp"
#include "e2e/dataformats/TrackerHits.hpp"
#include "e2e/dataformats/Tracks.hpp"
#include "e2e/framework/Event.hpp"
#include "e2e/framework/Registry.hpp"
#include "e2e/frames/ChannelSet.hpp"
#include "e2e/frames/EventHits.hpp"

namespace e2e::modules {

struct HitLabels {
  std::string ecal = "ecal", hcal = "hcal", tracks = "tracks", trackerHits = "trackerHits", vertices = "recoVertices";

  template <class F, class... S>
  static void hitFields(F&& f, S&&... s) {
    f("ecal", "label of the EcalHits (read when a channel needs them)", s.ecal...);
    f("hcal", "label of the HcalHits", s.hcal...);
    f("tracks", "label of the Tracks", s.tracks...);
    f("tracker_hits", "label of the TrackerHits", s.trackerHits...);
    f("vertices", "label of the Vertices whose row 0 gives the primary-vertex z of trk_d0/trk_dz (VertexReco); empty: z = 0",
      s.vertices...);
  }
};

class HitInputs {
public:
  HitInputs(fw::Module* owner, const HitLabels& labels, const frames::ChannelSet& channels, const fw::BuildContext& ctx);
  frames::EventHits get(const fw::Event& event) const;

private:
  std::unique_ptr<fw::Input<EcalHits>> m_ecal;
  std::unique_ptr<fw::Input<HcalHits>> m_hcal;
  std::unique_ptr<fw::Input<Tracks>> m_tracks;
  std::unique_ptr<fw::Input<TrackerHits>> m_trackerHits;
  std::unique_ptr<fw::Input<Vertices>> m_vertices;
};

// Parses a channel list (names in the wanted order) for a module's `channels` key; errors name the key.
frames::ChannelSet channelSetFor(const std::vector<std::string>& names, const fw::ConfigCheck& check);

}  // namespace e2e::modules
