#include "e2e/modules/HitGraphProducer.hpp"

#include <cmath>

#include "e2e/core/Error.hpp"
#include "e2e/frames/JetCropper.hpp"
#include "e2e/frames/PhotonCropper.hpp"

namespace e2e::modules {

HitGraphProducer::HitGraphProducer(const fw::BuildContext& ctx, const Config& cfg)
    : fw::Module(ctx.name, fw::Category::ObjectFrames), m_cfg(cfg),
      m_hits(this, cfg, channelSetFor(cfg.channels, fw::ConfigCheck(ctx.section())), ctx), m_out(this, "output", cfg.output),
      m_features(frames::HitGraphBuilder::featureNames()) {
  const fw::ConfigCheck check(ctx.section());
  frames::GraphConfig g;
  g.channels = channelSetFor(cfg.channels, check);
  g.height = g.width = cfg.size;
  g.maxNodes = cfg.maxNodes;
  g.k = cfg.k;
  try {
    g.validate();
    m_builder = std::make_unique<frames::HitGraphBuilder>(g);
  } catch (const Error& e) {
    check.fail("(graphs)", e.what());
  }
  const auto it = ctx.products.find(cfg.objects);
  if (it == ctx.products.end()) check.fail("objects", "no earlier module produces '" + cfg.objects + "'");
  if (it->second == Jets::kType) m_jets = std::make_unique<fw::Input<Jets>>(this, "objects", cfg.objects);
  else if (it->second == Photons::kType) m_photons = std::make_unique<fw::Input<Photons>>(this, "objects", cfg.objects);
  else check.fail("objects", "'" + cfg.objects + "' is " + it->second + "; graphs are built for Photons or Jets");
}

void HitGraphProducer::produce(fw::Event& event) const {
  frames::GraphScratch& scratch = m_scratch.local();
  const frames::EventHits hits = m_hits.get(event);
  HitGraphs& out = event.put(m_out);
  if (out.features != m_features) out.features = m_features;
  auto build = [&](const auto& objects, auto windowOf) {
    for (std::size_t i = 0; i < objects.size(); ++i) {
      if (objects.pt[i] < m_cfg.ptMin || std::abs(objects.eta[i]) > m_cfg.etaMax) continue;
      m_builder->append(hits, windowOf(objects, i, m_cfg.size, m_cfg.size), static_cast<std::int32_t>(i), out, scratch);
    }
  };
  if (m_jets) build(event.get(*m_jets), &frames::JetCropper::window);
  else build(event.get(*m_photons), &frames::PhotonCropper::window);
}

}  // namespace e2e::modules
