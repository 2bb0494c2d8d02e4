#include "e2e/simulation/VertexFinder.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace e2e::sim {
namespace {

void swapVertices(Vertices& v, std::size_t a, std::size_t b) {
  Vertices::columns([a, b](const char*, auto& col) { std::swap(col[a], col[b]); }, v);
}

}  // namespace

void VertexFinder::find(Tracks& tracks, const GenParticles& gen, Vertices& out, std::vector<int>& order,
                        std::vector<int>& clusterOf) const {
  out.clear();
  order.clear();
  const std::size_t nTracks = tracks.size();
  for (std::size_t i = 0; i < nTracks; ++i)
    if ((tracks.quality[i] & 1) && tracks.pt[i] > kMinPt && std::abs(tracks.d0[i]) < kMaxD0) order.push_back(static_cast<int>(i));
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
    return tracks.dz[ua] < tracks.dz[ub] || (tracks.dz[ua] == tracks.dz[ub] && a < b);
  });

  // Gap clustering in z.
  std::size_t begin = 0;
  while (begin < order.size()) {
    std::size_t end = begin + 1;
    while (end < order.size() &&
           tracks.dz[static_cast<std::size_t>(order[end])] - tracks.dz[static_cast<std::size_t>(order[end - 1])] < kGap)
      ++end;
    if (end - begin >= 2) {
      double sw = 0.0, swz = 0.0, sumPt2 = 0.0;
      int pileup = 0;
      for (std::size_t k = begin; k < end; ++k) {
        const auto t = static_cast<std::size_t>(order[k]);
        const double w = 1.0 / (static_cast<double>(tracks.sigmaDz[t]) * tracks.sigmaDz[t]);
        sw += w;
        swz += w * tracks.dz[t];
        sumPt2 += std::min(kMaxPt2, static_cast<double>(tracks.pt[t]) * tracks.pt[t]);
        const std::int32_t p = tracks.particle[t];
        if (p >= 0 && static_cast<std::size_t>(p) < gen.size() && (gen.flags[static_cast<std::size_t>(p)] & kGenFromPileup)) ++pileup;
      }
      out.x.push_back(0.0f);
      out.y.push_back(0.0f);
      out.z.push_back(static_cast<float>(swz / sw));
      out.sumPt2.push_back(static_cast<float>(sumPt2));
      out.nTracks.push_back(0);
      out.isPileup.push_back(static_cast<std::uint8_t>(2 * pileup > static_cast<int>(end - begin) ? 1 : 0));
    }
    begin = end;
  }

  // Highest sum pT^2 first (selection sort: a few hundred vertices at most, no allocation).
  const std::size_t nv = out.size();
  for (std::size_t i = 0; i + 1 < nv; ++i) {
    std::size_t best = i;
    for (std::size_t j = i + 1; j < nv; ++j)
      if (out.sumPt2[j] > out.sumPt2[best]) best = j;
    if (best != i) swapVertices(out, i, best);
  }

  // Associate every track with the nearest vertex in z within 3 sigma (at least the clustering gap).
  clusterOf.clear();
  for (std::size_t v = 0; v < nv; ++v) clusterOf.push_back(static_cast<int>(v));
  std::sort(clusterOf.begin(), clusterOf.end(), [&](int a, int b) { return out.z[static_cast<std::size_t>(a)] < out.z[static_cast<std::size_t>(b)]; });
  for (std::size_t t = 0; t < nTracks; ++t) {
    tracks.vertex[t] = -1;
    if (nv == 0) continue;
    const float z = tracks.dz[t];
    const auto it = std::lower_bound(clusterOf.begin(), clusterOf.end(), z,
                                     [&](int v, float zz) { return out.z[static_cast<std::size_t>(v)] < zz; });
    const double reach = std::max(3.0 * tracks.sigmaDz[t], kGap);
    int best = -1;
    double bestDist = reach;
    for (auto jt = (it == clusterOf.begin() ? it : it - 1); jt != clusterOf.end() && jt <= it; ++jt) {
      const double d = std::abs(out.z[static_cast<std::size_t>(*jt)] - z);
      if (d < bestDist) {
        bestDist = d;
        best = *jt;
      }
    }
    if (best >= 0) {
      tracks.vertex[t] = static_cast<std::int16_t>(best);
      ++out.nTracks[static_cast<std::size_t>(best)];
    }
  }
}

}  // namespace e2e::sim
