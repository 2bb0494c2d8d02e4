#include "e2e/generators/readers/HepMC3EventReader.hpp"

#include <HepMC3/GenEvent.h>
#include <HepMC3/GenParticle.h>
#include <HepMC3/GenVertex.h>
#include <HepMC3/ReaderAscii.h>
#include <HepMC3/Setup.h>
#include <HepMC3/Units.h>

#include <charconv>
#include <cmath>
#include <unordered_map>

#include "e2e/core/Error.hpp"
#include "e2e/generators/EventRecord.hpp"
#include "e2e/generators/Process.hpp"

namespace e2e::gen {
namespace {

constexpr const char* kListingStart = "HepMC::Asciiv3-START_EVENT_LISTING";
constexpr const char* kListingEnd = "HepMC::Asciiv3-END_EVENT_LISTING";

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Whitespace-separated tokens of a record line, without allocating.
class Tokens {
public:
  explicit Tokens(const std::string& s) : m_p(s.data()), m_end(s.data() + s.size()) {}
  bool next(std::string_view& out) {
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\r')) ++m_p;
    if (m_p == m_end) return false;
    const char* start = m_p;
    while (m_p < m_end && *m_p != ' ' && *m_p != '\t' && *m_p != '\r') ++m_p;
    out = std::string_view(start, m_p - start);
    return true;
  }

private:
  const char* m_p;
  const char* m_end;
};

bool isInteger(std::string_view t) {
  long long v;
  const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
  return r.ec == std::errc() && r.ptr == t.data() + t.size();
}

bool isNumber(std::string_view t) {
  double v;
  const char* b = t.data();
  if (!t.empty() && t[0] == '+') ++b;
  const auto r = std::from_chars(b, t.data() + t.size(), v);
  return r.ec == std::errc() && r.ptr == t.data() + t.size();
}

}  // namespace

HepMC3EventReader::HepMC3EventReader(std::string path) : m_path(std::move(path)), m_in(m_path) {
  if (!m_in) fail(m_path, ": cannot open for reading");
  HepMC3::Setup::set_print_errors(false);
  HepMC3::Setup::set_print_warnings(false);
  // Header: everything up to the first event. It must say it is HepMC3 ASCII.
  bool started = false;
  while (readBodyLine()) {
    if (startsWith(m_line, "HepMC::Version")) {
    } else if (startsWith(m_line, kListingStart)) {
      started = true;
    } else if (startsWith(m_line, "HepMC::IO_GenEvent") || startsWith(m_line, "HepMC::Asciiv2")) {
      fail(m_path, ":", m_lineNumber, ": HepMC2 format; only HepMC3 ASCII is supported");
    } else if (started) {
      checkLine();
    } else {
      fail(m_path, ":", m_lineNumber, ": not a HepMC3 ASCII file (expected '", kListingStart, "')");
    }
    m_header += m_line;
    m_header += '\n';
  }
  if (!started) fail(m_path, ": not a HepMC3 ASCII file (no '", kListingStart, "' line)");
}

HepMC3EventReader::~HepMC3EventReader() = default;

bool HepMC3EventReader::readBodyLine() {
  while (readLine()) {
    if (m_line.empty()) continue;
    if (startsWith(m_line, "E ")) {
      m_pending = true;
      return false;
    }
    if (startsWith(m_line, kListingEnd)) {
      m_ended = true;
      return false;
    }
    return true;
  }
  return false;
}

bool HepMC3EventReader::readLine() {
  if (!std::getline(m_in, m_line)) return false;
  ++m_lineNumber;
  if (!m_line.empty() && m_line.back() == '\r') m_line.pop_back();
  return true;
}

void HepMC3EventReader::checkLine() {
  Tokens t(m_line);
  std::string_view tag, f;
  if (!t.next(tag)) return;
  auto bad = [&](const char* what) { fail(m_path, ":", m_lineNumber, ": malformed HepMC3 ", what, ": '", m_line, "'"); };
  if (tag == "P") {
    // P id mother pdg px py pz e m status
    for (int i = 0; i < 9; ++i) {
      if (!t.next(f)) bad("particle record (needs 9 fields)");
      const bool integer = i < 3 || i == 8;
      if (integer ? !isInteger(f) : !isNumber(f)) bad("particle record (non-numeric field)");
    }
  } else if (tag == "V") {
    // V id status [in,...] [@ x y z t]
    if (!t.next(f) || !isInteger(f) || !t.next(f) || !isInteger(f)) bad("vertex record");
    while (t.next(f)) {
      if (f == "@") {
        for (int i = 0; i < 4; ++i)
          if (!t.next(f) || !isNumber(f)) bad("vertex position");
      }
    }
  } else if (tag == "E") {
    for (int i = 0; i < 3; ++i)
      if (!t.next(f) || !isInteger(f)) bad("event record");
  } else if (tag == "U") {
    if (!t.next(f) || (f != "GEV" && f != "MEV") || !t.next(f) || (f != "MM" && f != "CM")) bad("units record");
  } else if (tag != "W" && tag != "A" && tag != "T" && tag != "N" && tag != "C" && tag != "F") {
    bad("line (unknown record type)");
  }
}

bool HepMC3EventReader::next(GenParticles& particles, EventInfo& info) {
  particles.clear();
  info.clear();
  if (m_ended || !m_pending) return false;
  const std::uint64_t firstLine = m_lineNumber;
  m_block = m_header;
  checkLine();
  m_block += m_line;
  m_block += '\n';
  m_pending = false;
  while (readBodyLine()) {
    checkLine();
    m_block += m_line;
    m_block += '\n';
  }
  m_block += kListingEnd;
  m_block += '\n';

  std::istringstream stream(m_block);
  HepMC3::ReaderAscii reader(stream);
  HepMC3::GenEvent event;
  if (!reader.read_event(event) || reader.failed())
    fail(m_path, ":", firstLine, ": HepMC3 could not read the event that starts here");

  const double toGeV = event.momentum_unit() == HepMC3::Units::MEV ? 1e-3 : 1.0;
  const double toCm = event.length_unit() == HepMC3::Units::MM ? 0.1 : 1.0;
  EventRecord record(particles);
  const auto& all = event.particles();
  std::unordered_map<int, int> rowOf;
  rowOf.reserve(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) rowOf[all[i]->id()] = static_cast<int>(i);
  for (const auto& p : all) {
    const auto production = p->production_vertex();
    const auto end = p->end_vertex();
    int status = kGenHard;
    if (p->status() == 1) status = kGenFinal;
    else if (p->status() != 4 && end && !end->particles_out().empty()) status = kGenDecayed;
    int mother = -1;
    Vertex v;
    if (production) {
      if (!production->particles_in().empty()) {
        const auto it = rowOf.find(production->particles_in().front()->id());
        if (it != rowOf.end()) mother = it->second;
      }
      const HepMC3::FourVector& x = production->position();
      v = {x.x() * toCm, x.y() * toCm, x.z() * toCm, x.t() * toCm / kSpeedOfLight};
    }
    const HepMC3::FourVector& m = p->momentum();
    record.add(p->pid(), status, Vec4(m.px() * toGeV, m.py() * toGeV, m.pz() * toGeV, m.e() * toGeV), v, mother);
  }
  info.event.push_back(m_events++);
  info.process.push_back(static_cast<std::int32_t>(Process::kHepMC3Input));
  info.nPileup.push_back(0);
  info.weight.push_back(event.weights().empty() ? 1.0f : static_cast<float>(event.weights().front()));
  return true;
}

}  // namespace e2e::gen
