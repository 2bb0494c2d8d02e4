#pragma once
// Plain 4-vector text events. One particle per line, "px py pz E" in GeV, optionally a fifth column with the PDG
// id; numbers separated by spaces, tabs or commas. A line "#END" closes an event; other lines starting with '#'
// are comments; blank lines are ignored; a last event without "#END" is accepted. All particles are final-state,
// produced at the origin.
//
// Species without a PDG id are inferred from the invariant mass m = sqrt(E^2 - p^2), by the nearest of the stable
// species the detector can see: photon (m < 0.256 MeV), e- (< 53.1 MeV), mu- (< 122.6 MeV), pi+ (< 316.6 MeV),
// K+ (< 716 MeV), p (< 1.2 GeV). The format carries no charge: leptons are taken negative, hadrons positive.
// Heavier masses are an error (give the PDG id). m^2 below zero by rounding (|m^2| <= 1e-6 E^2 + 1e-6 GeV^2) counts
// as massless; E < |p| beyond that is an error. Masses from E^2 - p^2 lose precision as E grows (E = 100 GeV
// written with 6 digits gives m to ~0.1 GeV): inputs above a few GeV should carry the PDG id.
#include <cstdint>
#include <fstream>
#include <string>

#include "e2e/generators/readers/EventSource.hpp"

namespace e2e::gen {

// The species the mass rule above gives (exposed for tests); throws e2e::Error naming `where` if none.
int inferSpecies(double px, double py, double pz, double e, const std::string& where);

class TextEventReader final : public EventSource {
public:
  explicit TextEventReader(std::string path);
  bool next(GenParticles& particles, EventInfo& info) override;
  std::uint64_t eventsRead() const override { return m_events; }

private:
  std::string m_path;
  std::ifstream m_in;
  std::string m_line;
  std::uint64_t m_lineNumber = 0;
  std::uint64_t m_events = 0;
};

}  // namespace e2e::gen
