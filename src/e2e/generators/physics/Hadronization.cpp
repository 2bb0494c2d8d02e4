#include "e2e/generators/physics/Hadronization.hpp"

#include "e2e/generators/physics/MomentumBalance.hpp"

namespace e2e::gen {
namespace {

// In the partons' rest frame: remove the hadrons' net 3-momentum, shared in proportion to their energies (each
// hadron keeps its direction up to a small tilt), then scale all 3-momenta by one factor so that the energies add
// up to the partons' mass, and boost back. Leaves the hadrons untouched if the partons are too light for them.
void balance(std::vector<Hadron>& hadrons, const Vec4& target, Hadronization::Workspace& work) {
  const double targetMass = target.m();
  if (!(targetMass > 0)) return;
  Vec4 sum;
  for (Hadron& h : hadrons) {
    h.p.boostToRestOf(target);
    sum += h.p;
  }

  work.mass2.clear();
  work.q2.clear();
  for (Hadron& h : hadrons) {
    const double m2 = std::max(h.p.m2(), 0.0);
    const double f = h.p.e / sum.e;
    h.p = Vec4::fromMassive(h.p.px - f * sum.px, h.p.py - f * sum.py, h.p.pz - f * sum.pz, std::sqrt(m2));
    work.mass2.push_back(m2);
    work.q2.push_back(h.p.p2());
  }
  const double k = solveMomentumScale(work.mass2, work.q2, targetMass);
  for (std::size_t i = 0; i < hadrons.size(); ++i) {
    Vec4& p = hadrons[i].p;
    if (k > 0) p = Vec4::fromMassive(k * p.px, k * p.py, k * p.pz, std::sqrt(work.mass2[i]));
    p.boostFromRestOf(target);
  }
}

}  // namespace

void Hadronization::run(EventRecord& record, const std::vector<Parton>& partons, const Vec4 beams[2],
                        const Vertex& vertex, Rng& rng, Workspace& work) const {
  auto& hadrons = work.hadrons;
  hadrons.clear();
  work.pieces.clear();
  const int firstRow = record.size();
  Vec4 target;
  for (const Parton& parton : partons) {
    record.add(parton.id, kGenDecayed, parton.p, vertex, parton.origin);
    target += parton.p;
  }
  m_chains.build(partons, firstRow, beams, m_fragmentation.flavours(), rng, work.chains, work.pieces);
  for (const DipolePiece& piece : work.pieces) {
    const std::size_t first = hadrons.size();
    m_fragmentation.fragmentDipole(piece.a, piece.b, rng, hadrons);
    if (!piece.beamEnd) continue;
    // A dipole to a beam: its hadrons are what they are; the difference to the parton's share (the string
    // towards the beam that is not fragmented) goes to the beam remnants, not to the other hadrons.
    target -= piece.a.p;
    for (std::size_t i = first; i < hadrons.size(); ++i) target += hadrons[i].p;
  }
  if (hadrons.empty()) return;

  balance(hadrons, target, work);
  for (const Hadron& h : hadrons) record.add(h.pdgId, kGenFinal, h.p, vertex, h.source);
}

}  // namespace e2e::gen
