#include "e2e/runtime/kernels/cpu/Broadcast.hpp"

#include "e2e/core/Error.hpp"

namespace e2e::runtime::cpu {

Dims broadcastShape(const std::vector<Dims>& shapes) {
  std::size_t rank = 0;
  for (const auto& s : shapes) rank = std::max(rank, s.size());
  Dims out(rank, 1);
  for (const auto& s : shapes) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      std::int64_t& o = out[rank - s.size() + i];
      const std::int64_t d = s[i];
      if (d == o || d == 1) continue;
      if (o != 1) {
        std::string all;
        for (const auto& t : shapes) all += (all.empty() ? "" : " and ") + dimsToString(t);
        fail("shapes ", all, " do not broadcast");
      }
      o = d;
    }
  }
  return out;
}

BroadcastLoops makeBroadcastLoops(const std::vector<Dims>& inputs, const Dims& out) {
  const std::size_t r = out.size(), n = inputs.size();
  std::vector<std::vector<std::int64_t>> full(n, std::vector<std::int64_t>(r, 0));
  for (std::size_t k = 0; k < n; ++k) {
    const Dims& d = inputs[k];
    std::int64_t pitch = 1;
    for (std::size_t i = d.size(); i-- > 0;) {
      full[k][r - d.size() + i] = d[i] == 1 ? 0 : pitch;
      pitch *= d[i];
    }
  }
  BroadcastLoops l;
  l.total = numel(out);
  l.strides.resize(n);
  for (std::size_t i = 0; i < r; ++i) {
    if (out[i] == 1) continue;
    bool merge = !l.dims.empty();
    for (std::size_t k = 0; k < n && merge; ++k) {
      const std::int64_t prev = l.strides[k].back(), s = full[k][i];
      merge = (prev == 0 && s == 0) || (s != 0 && prev == s * out[i]);
    }
    if (merge) {
      l.dims.back() *= out[i];
      for (std::size_t k = 0; k < n; ++k) l.strides[k].back() = full[k][i];
      continue;
    }
    l.dims.push_back(out[i]);
    for (std::size_t k = 0; k < n; ++k) l.strides[k].push_back(full[k][i]);
  }
  if (l.dims.empty() || l.total == 0) {
    // Scalars, and empty outputs (nothing to loop over, but keep the shape of the structure valid).
    l.dims = {l.total};
    for (auto& s : l.strides) s = {0};
  }
  return l;
}

std::int64_t normalizeAxis(std::int64_t axis, std::size_t rank) {
  const auto r = static_cast<std::int64_t>(rank);
  if (axis < -r || axis >= r) fail("axis ", axis, " is out of range for rank ", rank);
  return axis < 0 ? axis + r : axis;
}

}  // namespace e2e::runtime::cpu
