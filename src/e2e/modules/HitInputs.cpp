#include "e2e/modules/HitInputs.hpp"

#include "e2e/core/Error.hpp"
#include "e2e/reconstruction/VertexFinder.hpp"

namespace e2e::modules {

using frames::ChannelKind;

HitInputs::HitInputs(fw::Module* owner, const HitLabels& labels, const frames::ChannelSet& channels, const fw::BuildContext& ctx) {
  if (channels.contains(ChannelKind::Ecal) || channels.contains(ChannelKind::EcalTime))
    m_ecal = std::make_unique<fw::Input<EcalHits>>(owner, "ecal", labels.ecal);
  if (channels.contains(ChannelKind::Hcal)) m_hcal = std::make_unique<fw::Input<HcalHits>>(owner, "hcal", labels.hcal);
  const bool tracks = channels.contains(ChannelKind::TrackPt) || channels.contains(ChannelKind::TrackD0) ||
                      channels.contains(ChannelKind::TrackDz);
  if (tracks) m_tracks = std::make_unique<fw::Input<Tracks>>(owner, "tracks", labels.tracks);
  if (channels.contains(ChannelKind::TrackerLayer))
    m_trackerHits = std::make_unique<fw::Input<TrackerHits>>(owner, "tracker_hits", labels.trackerHits);
  if (tracks && !labels.vertices.empty())
    m_vertices = std::make_unique<fw::Input<Vertices>>(owner, "vertices", labels.vertices);
}

frames::EventHits HitInputs::get(const fw::Event& event) const {
  frames::EventHits h;
  if (m_ecal) h.ecal = &event.get(*m_ecal);
  if (m_hcal) h.hcal = &event.get(*m_hcal);
  if (m_tracks) h.tracks = &event.get(*m_tracks);
  if (m_trackerHits) h.trackerHits = &event.get(*m_trackerHits);
  if (m_vertices) h.pvZ = reco::primaryVertexZ(event.get(*m_vertices));
  return h;
}

frames::ChannelSet channelSetFor(const std::vector<std::string>& names, const fw::ConfigCheck& check) {
  if (names.empty()) check.fail("channels", "must list at least one channel");
  try {
    return frames::ChannelSet(names);
  } catch (const Error& e) {
    check.fail("channels", e.what());
  }
}

}  // namespace e2e::modules
