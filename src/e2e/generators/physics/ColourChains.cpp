#include "e2e/generators/physics/ColourChains.hpp"

#include <cstdlib>

#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {
namespace {

double heavyEndMass(int flavour) {
  const int a = flavour < 0 ? -flavour : flavour;
  return a == pdg::kCharm ? nominalMass(pdg::kD0) : (a == pdg::kBottom ? nominalMass(pdg::kB0) : 0.0);
}

}  // namespace

void ColourChains::build(const std::vector<Parton>& partons, int firstRow, const Vec4 beams[2],
                         const HadronFlavour& flavours, Rng& rng, Workspace& work, std::vector<DipolePiece>& out) const {
  const int n = static_cast<int>(partons.size());
  work.visited.assign(n, 0);
  auto element = [&](int i) {
    const Parton& q = partons[i];
    Element e;
    e.p = q.p;
    e.row = firstRow + i;
    e.leadEnergy = q.p.e;
    if (q.id != pdg::kGluon) (q.id > 0 ? e.flavourCol : e.flavourAcol) = q.id;
    return e;
  };
  // Open chains start where no parton sits on the anticolour side: a quark, or a line that comes from a beam.
  for (int start = 0; start < n; ++start) {
    const Parton& s = partons[start];
    const bool fromBeam = s.acol == kBeamA || s.acol == kBeamB;
    if (s.acol >= 0 || (s.col == kNoPartner && !fromBeam)) continue;
    work.elements.clear();
    int i = start;
    for (int guard = 0; guard <= n; ++guard) {
      work.visited[i] = 1;
      work.elements.push_back(element(i));
      if (partons[i].col < 0) break;
      i = partons[i].col;
    }
    emitChain(work, s.acol, partons[i].col, false, beams, flavours, rng, out);
  }
  // What is left are closed gluon loops.
  for (int start = 0; start < n; ++start) {
    if (work.visited[start] || partons[start].col < 0) continue;
    work.elements.clear();
    int i = start;
    for (int guard = 0; guard <= n && !work.visited[i]; ++guard) {
      work.visited[i] = 1;
      work.elements.push_back(element(i));
      i = partons[i].col;
    }
    emitChain(work, kNoPartner, kNoPartner, true, beams, flavours, rng, out);
  }
  // Partons with no colour partner at all (not made by e2e's processes): fragment against their reversed momentum.
  for (int i = 0; i < n; ++i) {
    if (work.visited[i] || partons[i].col != kNoPartner || partons[i].acol != kNoPartner) continue;
    const Parton& q = partons[i];
    const int f = q.id == pdg::kGluon ? flavours.newQuarkFlavour(rng) : q.id;
    out.push_back({{f, q.p, firstRow + i}, {-f, Vec4(-q.p.px, -q.p.py, -q.p.pz, q.p.e), firstRow + i}, false, -1});
  }
}

void ColourChains::emitChain(Workspace& work, int startCap, int endCap, bool closed, const Vec4 beams[2],
                             const HadronFlavour& flavours, Rng& rng, std::vector<DipolePiece>& out) const {
  auto& el = work.elements;
  const bool beamStart = startCap == kBeamA || startCap == kBeamB;
  const bool beamEnd = endCap == kBeamA || endCap == kBeamB;
  // Number of dipoles each element belongs to decides its share; recomputed after each merge.
  auto pieces = [&](std::size_t k) {
    if (closed) return 2;
    const bool left = k > 0 || beamStart, right = k + 1 < el.size() || beamEnd;
    return (left ? 1 : 0) + (right ? 1 : 0);
  };
  auto share = [&](std::size_t k) { return el[k].p * (1.0 / std::max(pieces(k), 1)); };
  // Merge the lightest parton-parton dipole while it is below the minimum mass. Keep two elements in a closed
  // loop and in an open chain without beams, so that there is still a dipole to fragment.
  const bool withBeams = beamStart || beamEnd;
  while (el.size() > 2 || (!closed && withBeams && el.size() == 2)) {
    const std::size_t count = closed ? el.size() : el.size() - 1;
    std::size_t best = count;
    double bestShortfall = 0;
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t next = (k + 1) % el.size();
      // A piece with a heavy quark end must also hold its D or B meson.
      const double need = m_minMass + heavyEndMass(el[k].flavourCol) + heavyEndMass(el[next].flavourAcol);
      const double m2 = (share(k) + share(next)).m2();
      const double shortfall = need * need - m2;
      if (shortfall > bestShortfall) {
        bestShortfall = shortfall;
        best = k;
      }
    }
    if (best == count) break;
    // Element k's colour side faces k+1: the merged element takes k+1's colour side and k's anticolour side. A
    // quark or antiquark keeps its flavour on the side where the string ends on it (a b merged with a gluon still
    // starts its string with the b).
    const std::size_t next = (best + 1) % el.size();
    Element& keep = el[best];
    const Element& gone = el[next];
    keep.p += gone.p;
    if (gone.flavourCol) keep.flavourCol = gone.flavourCol;
    if (!keep.flavourAcol) keep.flavourAcol = gone.flavourAcol;
    if (gone.leadEnergy > keep.leadEnergy) {
      keep.leadEnergy = gone.leadEnergy;
      keep.row = gone.row;
    }
    el.erase(el.begin() + static_cast<std::ptrdiff_t>(next));
  }

  auto colourFlavour = [&](const Element& e) { return e.flavourCol ? e.flavourCol : flavours.newQuarkFlavour(rng); };
  auto anticolourFlavour = [&](const Element& e) { return e.flavourAcol ? e.flavourAcol : -flavours.newQuarkFlavour(rng); };
  const std::size_t count = closed ? el.size() : el.size() - 1;
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t next = (k + 1) % el.size();
    out.push_back({{colourFlavour(el[k]), share(k), el[k].row}, {anticolourFlavour(el[next]), share(next), el[next].row}, false, -1});
  }
  if (beamStart) {
    const int b = startCap == kBeamA ? 0 : 1;
    out.push_back({{anticolourFlavour(el.front()), share(0), el.front().row}, {0, beams[b], -1}, true, b});
  }
  if (beamEnd) {
    const int b = endCap == kBeamA ? 0 : 1;
    out.push_back({{colourFlavour(el.back()), share(el.size() - 1), el.back().row}, {0, beams[b], -1}, true, b});
  }
}

}  // namespace e2e::gen
