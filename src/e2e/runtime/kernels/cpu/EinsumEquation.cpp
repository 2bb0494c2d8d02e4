#include "e2e/runtime/kernels/cpu/EinsumEquation.hpp"

#include <algorithm>
#include <map>

#include "e2e/core/Error.hpp"

namespace e2e::runtime::cpu {
namespace {

int letterIndex(char c) {
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= 'A' && c <= 'Z') return 26 + (c - 'A');
  return -2;
}

EinsumTerm parseTerm(const std::string& s, const std::string& text) {
  EinsumTerm t;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "...") == 0) {
      if (t.hasEllipsis) fail("equation '", text, "' has two ellipses in one term");
      t.hasEllipsis = true;
      t.labels.push_back(EinsumEquation::kEllipsis);
      i += 2;
      continue;
    }
    const int l = letterIndex(s[i]);
    if (l < 0) fail("equation '", text, "' has an invalid character '", s[i], "'");
    t.labels.push_back(l);
  }
  return t;
}

}  // namespace

EinsumEquation EinsumEquation::parse(const std::string& text) {
  std::string s;
  for (char c : text)
    if (c != ' ') s += c;
  EinsumEquation eq;
  const auto arrow = s.find("->");
  const std::string lhs = s.substr(0, arrow);
  std::size_t start = 0;
  while (true) {
    const auto comma = lhs.find(',', start);
    eq.inputs.push_back(parseTerm(lhs.substr(start, comma == std::string::npos ? std::string::npos : comma - start), text));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (arrow != std::string::npos) {
    eq.explicitOutput = true;
    eq.output = parseTerm(s.substr(arrow + 2), text);
    std::vector<bool> seen(52, false);
    for (int l : eq.output.labels) {
      if (l < 0) continue;
      if (seen[l]) fail("equation '", text, "' repeats an output label");
      seen[l] = true;
    }
  } else {
    // Implicit output: broadcast dims first, then the letters used exactly once, in alphabetical order.
    std::map<int, int> count;
    bool ellipsis = false;
    for (const auto& t : eq.inputs) {
      ellipsis = ellipsis || t.hasEllipsis;
      for (int l : t.labels)
        if (l >= 0) ++count[l];
    }
    if (ellipsis) {
      eq.output.hasEllipsis = true;
      eq.output.labels.push_back(kEllipsis);
    }
    for (auto [l, n] : count)
      if (n == 1) eq.output.labels.push_back(l);
  }
  return eq;
}

EinsumPlan planEinsum(const EinsumEquation& eq, const std::vector<Dims>& shapes) {
  if (shapes.size() != eq.inputs.size())
    fail("the equation has ", eq.inputs.size(), " operands, the node ", shapes.size());
  const std::size_t n = shapes.size();
  // Label ids: letters 0..51, broadcast dims 52.. (right-aligned across operands).
  constexpr int kFirstBroadcast = 52;
  std::size_t ellRank = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t letters = eq.inputs[k].labels.size() - (eq.inputs[k].hasEllipsis ? 1 : 0);
    if (shapes[k].size() < letters || (!eq.inputs[k].hasEllipsis && shapes[k].size() != letters))
      fail("operand ", k, " of shape ", dimsToString(shapes[k]), " does not fit its term");
    if (eq.inputs[k].hasEllipsis) ellRank = std::max(ellRank, shapes[k].size() - letters);
  }
  const int nLabels = kFirstBroadcast + static_cast<int>(ellRank);
  std::vector<std::int64_t> size(nLabels, -1);
  std::vector<std::vector<std::int64_t>> stride(n, std::vector<std::int64_t>(nLabels, 0));
  std::vector<int> uses(nLabels, 0);
  for (std::size_t k = 0; k < n; ++k) {
    const Dims& d = shapes[k];
    std::vector<std::int64_t> pitch(d.size(), 1);
    for (std::size_t i = d.size(); i-- > 1;) pitch[i - 1] = pitch[i] * d[i];
    std::vector<int> dimLabel;
    for (int l : eq.inputs[k].labels) {
      if (l != EinsumEquation::kEllipsis) {
        dimLabel.push_back(l);
        continue;
      }
      const std::size_t letters = eq.inputs[k].labels.size() - 1, e = d.size() - letters;
      for (std::size_t j = 0; j < e; ++j) dimLabel.push_back(kFirstBroadcast + static_cast<int>(ellRank - e + j));
    }
    for (std::size_t i = 0; i < d.size(); ++i) {
      const int l = dimLabel[i];
      ++uses[l];
      if (d[i] == 1 && l >= kFirstBroadcast) continue;  // broadcast: stride stays 0
      if (size[l] >= 0 && size[l] != d[i] && !(l >= kFirstBroadcast && size[l] == 1))
        fail("label '", l < 26 ? char('a' + l) : l < 52 ? char('A' + l - 26) : '.', "' has sizes ", size[l], " and ", d[i]);
      size[l] = d[i];
      stride[k][l] += pitch[i];
    }
  }
  for (int l = kFirstBroadcast; l < nLabels; ++l)
    if (size[l] < 0) size[l] = 1;
  EinsumPlan p;
  std::vector<bool> isOut(nLabels, false);
  auto addOut = [&](int l) {
    isOut[l] = true;
    p.outSizes.push_back(size[l]);
    p.outDims.push_back(size[l]);
    p.outTotal *= size[l];
  };
  for (int l : eq.output.labels) {
    if (l == EinsumEquation::kEllipsis) {
      for (int b = kFirstBroadcast; b < nLabels; ++b) addOut(b);
      continue;
    }
    if (uses[l] == 0) fail("output label '", l < 26 ? char('a' + l) : char('A' + l - 26), "' does not appear in any input");
    addOut(l);
  }
  std::vector<int> outOrder, sumOrder;
  for (int l : eq.output.labels) {
    if (l == EinsumEquation::kEllipsis)
      for (int b = kFirstBroadcast; b < nLabels; ++b) outOrder.push_back(b);
    else
      outOrder.push_back(l);
  }
  // Broadcast dims left out of an explicit output ("...ij->ij") are summed, like any other label.
  for (int l = 0; l < nLabels; ++l)
    if (!isOut[l] && uses[l] > 0) sumOrder.push_back(l);
  p.outStrides.assign(n, {});
  p.sumStrides.assign(n, {});
  for (std::size_t k = 0; k < n; ++k) {
    for (int l : outOrder) p.outStrides[k].push_back(stride[k][l]);
    for (int l : sumOrder) p.sumStrides[k].push_back(stride[k][l]);
  }
  for (int l : sumOrder) {
    p.sumSizes.push_back(size[l]);
    p.sumTotal *= size[l];
  }
  return p;
}

}  // namespace e2e::runtime::cpu
