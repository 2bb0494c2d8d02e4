#pragma once
// Jets: FastJet anti-kT on particle-flow candidates, with pT / |eta| cuts, and each jet's crop seed: the hottest
// depth-1 HCAL tower within a (2 w + 1)^2 tower window around the axis (w = 3: the E2E 7 x 7 rule), or the axis
// tower itself when that window has no HCAL energy.
#include <cstdint>
#include <vector>

#include "e2e/dataformats/CaloHits.hpp"
#include "e2e/dataformats/Objects.hpp"
#include "e2e/reconstruction/ParticleFlow.hpp"

namespace e2e::reco {

struct JetConfig {
  double radius = 0.4;     // anti-kT R (0.4: AK4, 0.8: AK8)
  float minPt = 20.0f;     // GeV
  float maxAbsEta = 2.5f;
  int seedHalfWindow = 3;  // towers
  void validate() const;
};

struct JetScratch {
  std::vector<float> depth1;  // 56 x 72 depth-1 HCAL energy
};

class JetFinder {
public:
  explicit JetFinder(JetConfig config = {});
  const JetConfig& config() const { return m_config; }
  // Replaces `out` with the jets, highest pT first; truth columns are left unmatched (0 / -1).
  void produce(const PFCandidates& candidates, const HcalHits& hcal, Jets& out, JetScratch& scratch) const;
  // The seed tower of a jet axis, as (signed ieta, iphi).
  void seedTower(float eta, float phi, const JetScratch& scratch, std::int16_t& ieta, std::int16_t& iphi) const;

private:
  JetConfig m_config;
};

}  // namespace e2e::reco
