#include "e2e/reconstruction/VertexFinder.hpp"

#include <algorithm>
#include <numeric>

namespace e2e::reco {

void VertexFinder::produce(const Tracks& tracks, Vertices& result, VertexScratch& s) const {
  Vertices& out = s.unsorted;
  out.clear();
  s.order.clear();
  for (std::size_t i = 0; i < tracks.size(); ++i)
    if (tracks.sigmaDz[i] <= m_config.maxSigmaDz) s.order.push_back(static_cast<std::int32_t>(i));
  std::sort(s.order.begin(), s.order.end(), [&](std::int32_t a, std::int32_t b) {
    return tracks.dz[static_cast<std::size_t>(a)] < tracks.dz[static_cast<std::size_t>(b)] ||
           (tracks.dz[static_cast<std::size_t>(a)] == tracks.dz[static_cast<std::size_t>(b)] && a < b);
  });
  std::size_t begin = 0;
  while (begin < s.order.size()) {
    std::size_t end = begin + 1;
    while (end < s.order.size() &&
           tracks.dz[static_cast<std::size_t>(s.order[end])] - tracks.dz[static_cast<std::size_t>(s.order[end - 1])] <= m_config.gap)
      ++end;
    if (static_cast<int>(end - begin) >= m_config.minTracks) {
      double sw = 0, swz = 0, pt2 = 0;
      for (std::size_t k = begin; k < end; ++k) {
        const auto t = static_cast<std::size_t>(s.order[k]);
        const double sigma = std::max(tracks.sigmaDz[t], 1e-4f);
        sw += 1 / (sigma * sigma);
        swz += tracks.dz[t] / (sigma * sigma);
        pt2 += static_cast<double>(tracks.pt[t]) * tracks.pt[t];
      }
      out.x.push_back(0);
      out.y.push_back(0);
      out.z.push_back(static_cast<float>(swz / sw));
      out.sumPt2.push_back(static_cast<float>(pt2));
      out.nTracks.push_back(static_cast<std::int32_t>(end - begin));
      out.isPileup.push_back(0);
    }
    begin = end;
  }
  // Order by sum pT^2 (descending): a permutation applied column by column.
  const std::size_t n = out.size();
  s.order.resize(n);
  std::iota(s.order.begin(), s.order.end(), 0);
  std::stable_sort(s.order.begin(), s.order.end(), [&](std::int32_t a, std::int32_t b) {
    return out.sumPt2[static_cast<std::size_t>(a)] > out.sumPt2[static_cast<std::size_t>(b)];
  });
  result.resize(n);
  Vertices::columns(
      [&](const char*, auto& dst, const auto& src) {
        for (std::size_t i = 0; i < n; ++i) dst[i] = src[static_cast<std::size_t>(s.order[i])];
      },
      result, out);
}

float primaryVertexZ(const Vertices& found, const Vertices* fallback) {
  if (!found.empty()) return found.z[0];
  if (fallback && !fallback->empty()) return fallback->z[0];
  return 0.0f;
}

}  // namespace e2e::reco
