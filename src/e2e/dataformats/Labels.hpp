#pragma once
// The standard product labels used in event files and the event store. Modules may use others; these are the
// defaults every command agrees on.
namespace e2e::labels {

inline constexpr const char* kEventInfo = "info";        // EventInfo
inline constexpr const char* kGen = "gen";               // GenParticles
inline constexpr const char* kEcalHits = "ecal";         // EcalHits
inline constexpr const char* kHcalHits = "hcal";         // HcalHits
inline constexpr const char* kTrackerHits = "trackerHits";  // TrackerHits
inline constexpr const char* kTracks = "tracks";         // Tracks
inline constexpr const char* kVertices = "vertices";     // Vertices
inline constexpr const char* kPhotons = "photons";       // Photons
inline constexpr const char* kJets = "jets";             // Jets, anti-kT R = 0.4
inline constexpr const char* kFatJets = "fatJets";       // Jets, anti-kT R = 0.8

}  // namespace e2e::labels
