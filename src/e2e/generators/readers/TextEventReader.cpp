#include "e2e/generators/readers/TextEventReader.hpp"

#include <charconv>
#include <cmath>

#include "e2e/core/Error.hpp"
#include "e2e/generators/EventRecord.hpp"
#include "e2e/generators/Process.hpp"
#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {
namespace {

struct MassWindow {
  double upper;  // GeV: masses below go to this species
  int pdgId;
};
// Nearest stable species by mass: the bounds are the midpoints between neighbouring masses.
constexpr MassWindow kWindows[] = {
    {0.000256, pdg::kPhoton}, {0.0531, pdg::kElectron}, {0.1226, pdg::kMuon},
    {0.3166, pdg::kPiPlus},   {0.716, pdg::kKPlus},     {1.2, pdg::kProton},
};

bool isSeparator(char c) { return c == ' ' || c == '\t' || c == ',' || c == '\r'; }

// Splits `line` into up to `max` numbers; returns how many were read, or -1 on a token that is not a number.
int parseNumbers(const std::string& line, double* out, int max) {
  int n = 0;
  const char* p = line.data();
  const char* end = p + line.size();
  while (p < end) {
    while (p < end && isSeparator(*p)) ++p;
    if (p == end) break;
    if (n == max) return -1;
    if (*p == '+') ++p;  // from_chars does not take a leading '+'
    const auto r = std::from_chars(p, end, out[n]);
    if (r.ec != std::errc() || !std::isfinite(out[n]) || (r.ptr < end && !isSeparator(*r.ptr))) return -1;
    ++n;
    p = r.ptr;
  }
  return n;
}

std::string trimmed(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r')) --b;
  return s.substr(a, b - a);
}

}  // namespace

int inferSpecies(double px, double py, double pz, double e, const std::string& where) {
  const double p2 = px * px + py * py + pz * pz;
  double m2 = e * e - p2;
  if (e < 0) fail(where, ": negative energy E = ", e);
  if (m2 < 0) {
    if (m2 < -(1e-6 * e * e + 1e-6)) fail(where, ": E = ", e, " is below |p| = ", std::sqrt(p2), " (not a physical particle)");
    m2 = 0;
  }
  const double m = std::sqrt(m2);
  for (const MassWindow& w : kWindows)
    if (m < w.upper) return w.pdgId;
  fail(where, ": no stable species with mass ", m, " GeV; give the PDG id in a fifth column");
}

TextEventReader::TextEventReader(std::string path) : m_path(std::move(path)), m_in(m_path) {
  if (!m_in) fail(m_path, ": cannot open for reading");
}

bool TextEventReader::next(GenParticles& particles, EventInfo& info) {
  particles.clear();
  info.clear();
  EventRecord record(particles);
  bool any = false;  // a data line or an #END was seen for this event
  while (std::getline(m_in, m_line)) {
    ++m_lineNumber;
    if (m_line.empty()) continue;
    const std::size_t first = m_line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    if (m_line[first] == '#') {
      if (m_line.compare(first, 4, "#END") == 0 && trimmed(m_line) == "#END") {
        any = true;
        break;
      }
      continue;
    }
    double v[5];
    const int n = parseNumbers(m_line, v, 5);
    const std::string where = cat(m_path, ":", m_lineNumber);
    if (n != 4 && n != 5) fail(where, ": expected 'px py pz E [pdgId]', got '", trimmed(m_line), "'");
    int id;
    if (n == 5) {
      if (v[4] != std::floor(v[4]) || std::abs(v[4]) > 2e9 || v[4] == 0) fail(where, ": PDG id must be a non-zero integer, got ", v[4]);
      id = static_cast<int>(v[4]);
      if (v[3] < 0) fail(where, ": negative energy E = ", v[3]);
    } else {
      id = inferSpecies(v[0], v[1], v[2], v[3], where);
    }
    record.add(id, kGenFinal, Vec4(v[0], v[1], v[2], v[3]), Vertex{}, -1);
    any = true;
  }
  if (!any) {
    if (m_in.bad()) fail(m_path, ": read error after line ", m_lineNumber);
    return false;
  }
  info.event.push_back(m_events++);
  info.process.push_back(static_cast<std::int32_t>(Process::kTextInput));
  info.nPileup.push_back(0);
  info.weight.push_back(1.0f);
  return true;
}

}  // namespace e2e::gen
