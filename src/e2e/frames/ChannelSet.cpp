#include "e2e/frames/ChannelSet.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include "e2e/core/Error.hpp"

namespace e2e::frames {
namespace {
using K = ChannelKind;
using S = TrackerSubdet;
constexpr std::array<ChannelDef, 14> kRegistry{{
    {"ecal", K::Ecal},
    {"hcal", K::Hcal},
    {"trk_pt", K::TrackPt},
    {"trk_d0", K::TrackD0},
    {"trk_dz", K::TrackDz},
    {"bpix1", K::TrackerLayer, S::BPIX, 1},
    {"bpix2", K::TrackerLayer, S::BPIX, 2},
    {"bpix3", K::TrackerLayer, S::BPIX, 3},
    {"bpix4", K::TrackerLayer, S::BPIX, 4},
    {"tib1", K::TrackerLayer, S::TIB, 1},
    {"tib2", K::TrackerLayer, S::TIB, 2},
    {"tob1", K::TrackerLayer, S::TOB, 1},
    {"tob2", K::TrackerLayer, S::TOB, 2},
    {"ecal_time", K::EcalTime},
}};

std::string knownNames() {
  std::string s;
  for (const auto& d : kRegistry) s += (s.empty() ? "" : ", ") + std::string(d.name);
  return s;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

std::span<const ChannelDef> channelRegistry() { return kRegistry; }

const ChannelDef& channelByName(std::string_view name) {
  for (const auto& d : kRegistry)
    if (name == d.name) return d;
  fail("unknown channel '", name, "' (known: ", knownNames(), ")");
}

std::vector<std::string> splitList(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = trim(text.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

ChannelSet::ChannelSet(const std::vector<std::string>& names, const std::vector<float>& scales) {
  if (names.empty()) fail("no channels given (known: ", knownNames(), ")");
  if (!scales.empty() && scales.size() != names.size())
    fail("got ", scales.size(), " channel scales for ", names.size(), " channels");
  for (const auto& n : names) {
    if (indexOf(n) >= 0) fail("channel '", n, "' given twice");
    m_defs.push_back(channelByName(n));
  }
  m_scales = scales.empty() ? std::vector<float>(names.size(), 1.0f) : scales;
  for (std::size_t i = 0; i < m_scales.size(); ++i)
    if (!std::isfinite(m_scales[i])) fail("scale of channel '", names[i], "' is not a finite number");
}

ChannelSet ChannelSet::parse(std::string_view names, std::string_view scales) {
  std::vector<float> values;
  for (const auto& s : splitList(scales)) {
    float v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) fail("channel scale '", s, "' is not a number");
    values.push_back(v);
  }
  return ChannelSet(splitList(names), values);
}

std::vector<std::string> ChannelSet::names() const {
  std::vector<std::string> out;
  for (const auto& d : m_defs) out.emplace_back(d.name);
  return out;
}

bool ChannelSet::contains(ChannelKind k) const {
  for (const auto& d : m_defs)
    if (d.kind == k) return true;
  return false;
}

int ChannelSet::indexOf(std::string_view name) const {
  for (std::size_t i = 0; i < m_defs.size(); ++i)
    if (name == m_defs[i].name) return static_cast<int>(i);
  return -1;
}

}  // namespace e2e::frames
