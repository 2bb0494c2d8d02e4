#pragma once
// HepMC3 ASCII events through libHepMC3. Every particle of the record is kept with its PDG id, status (HepMC
// status 1 -> final, 4 (beam) -> hard; others -> decayed when they have daughters, hard otherwise), first mother and production
// vertex, converted to GeV, cm and ns. The file is first checked line by line (record types and the number and
// kind of fields), so that a malformed file fails with its file and line; each event is then parsed by HepMC3.
// Rows keep HepMC3's particle order, which does not promise that mothers precede daughters.
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "e2e/generators/readers/EventSource.hpp"

namespace e2e::gen {

class HepMC3EventReader final : public EventSource {
public:
  explicit HepMC3EventReader(std::string path);
  ~HepMC3EventReader() override;
  bool next(GenParticles& particles, EventInfo& info) override;
  std::uint64_t eventsRead() const override { return m_events; }

private:
  bool readLine();
  // The next non-empty line of the current block; false at the next event's "E" line (sets m_pending), at the
  // end of the listing (sets m_ended) or at the end of the file.
  bool readBodyLine();
  void checkLine();

  std::string m_path;
  std::ifstream m_in;
  std::string m_line;
  std::uint64_t m_lineNumber = 0;
  std::string m_header;  // version, listing start and run-info lines, prepended to every event block
  std::string m_block;
  bool m_pending = false;  // m_line holds the "E" line of the next event
  bool m_ended = false;
  std::uint64_t m_events = 0;
};

}  // namespace e2e::gen
