#pragma once
// Flavour side of fragmentation: which hadron a chain end and a newly created quark pair make. Pairs are
// d dbar : u ubar : s sbar = 1 : 1 : strangeness, or ud-diquark pairs (baryons); mesons are pseudoscalar or
// vector by the vector share; flavour-diagonal pseudoscalars follow the pi0 / eta / eta' mixing with the eta' (not
// modelled) and part of the eta rejected, which redraws the pair; heavy quarks make D / B mesons and Lambda_c / b.
#include "e2e/generators/physics/FragmentationConfig.hpp"

namespace e2e {
class Rng;
}

namespace e2e::gen {

// Chain-end codes: quarks +-1..5 and the ud diquark as +-kDiquark.
inline constexpr int kDiquark = 7;

class HadronFlavour {
public:
  explicit HadronFlavour(const FragmentationConfig& config) : m_config(config) {}
  // A light flavour (d, u, s) for a new quark-antiquark pair.
  int newQuarkFlavour(Rng& rng) const;
  // The hadron made when chain end `end` meets a new pair; `next` gets the new chain end.
  int nextHadron(int end, Rng& rng, int& next) const;
  // The hadron joining two chain ends (from the two sides of a dipole), or 0 if they cannot form one.
  int joinEnds(int endA, int endB, Rng& rng) const;
  // Meson of quark flavour q and antiquark flavour qbar (both 1..5). With `reject`, a flavour-diagonal state that
  // would be an eta' (or a suppressed eta) gives 0; without, it becomes a pi0 (u, d) or an eta (s).
  int mesonId(int q, int qbar, Rng& rng, bool reject) const;

private:
  FragmentationConfig m_config;
};

}  // namespace e2e::gen
