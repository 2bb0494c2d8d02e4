#include "e2e/modules/JetReco.hpp"

#include "e2e/core/Error.hpp"
#include "e2e/framework/Event.hpp"
#include "e2e/reconstruction/TruthMatcher.hpp"
#include "e2e/reconstruction/VertexFinder.hpp"

namespace e2e::modules {

void JetReco::Config::check(const fw::ConfigCheck& c) const {
  try {
    jet.validate();
  } catch (const Error& e) {
    c.fail("(jets)", e.what());
  }
  c.require(pf.pvDz > 0, "pv_dz", "must be > 0");
}

JetReco::JetReco(const fw::BuildContext& ctx, const Config& cfg)
    : fw::Module(ctx.name, fw::Category::Reconstruction), m_pf(cfg.pf), m_jets(cfg.jet), m_tracks(this, "tracks", cfg.tracks),
      m_ecal(this, "ecal", cfg.ecal), m_hcal(this, "hcal", cfg.hcal), m_out(this, "output", cfg.output) {
  if (!cfg.vertices.empty()) m_vertices = std::make_unique<fw::Input<Vertices>>(this, "vertices", cfg.vertices);
  if (!cfg.truth.empty()) m_truth = std::make_unique<fw::Input<GenParticles>>(this, "truth", cfg.truth);
}

void JetReco::produce(fw::Event& event) const {
  PerThread& t = m_perThread.local();
  const HcalHits& hcal = event.get(m_hcal);
  const float pvZ = m_vertices ? reco::primaryVertexZ(event.get(*m_vertices)) : 0.f;
  m_pf.produce(event.get(m_tracks), event.get(m_ecal), hcal, pvZ, t.candidates, t.pf);
  Jets& out = event.put(m_out);
  m_jets.produce(t.candidates, hcal, out, t.jets);
  if (m_truth) reco::matchJets(event.get(*m_truth), out);
}

}  // namespace e2e::modules
