#include "e2e/modules/PhotonReco.hpp"

#include "e2e/framework/Event.hpp"
#include "e2e/reconstruction/TruthMatcher.hpp"

namespace e2e::modules {

PhotonReco::PhotonReco(const fw::BuildContext& ctx, const Config& cfg)
    : fw::Module(ctx.name, fw::Category::Reconstruction), m_finder(cfg.finder), m_ecal(this, "ecal", cfg.ecal),
      m_out(this, "output", cfg.output) {
  if (!cfg.truth.empty()) m_truth = std::make_unique<fw::Input<GenParticles>>(this, "truth", cfg.truth);
}

void PhotonReco::produce(fw::Event& event) const {
  Photons& out = event.put(m_out);
  m_finder.produce(event.get(m_ecal), out, m_scratch.local());
  if (m_truth) reco::matchPhotons(event.get(*m_truth), out);
}

}  // namespace e2e::modules
