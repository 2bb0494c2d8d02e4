#include "e2e/modules/VertexReco.hpp"

#include "e2e/framework/Event.hpp"

namespace e2e::modules {

VertexReco::VertexReco(const fw::BuildContext& ctx, const Config& cfg)
    : fw::Module(ctx.name, fw::Category::Reconstruction), m_finder(cfg.finder), m_tracks(this, "tracks", cfg.tracks),
      m_out(this, "output", cfg.output) {
  if (!cfg.fallback.empty()) m_fallback = std::make_unique<fw::Input<Vertices>>(this, "fallback", cfg.fallback);
}

void VertexReco::produce(fw::Event& event) const {
  Vertices& out = event.put(m_out);
  m_finder.produce(event.get(m_tracks), out, m_scratch.local());
  if (out.empty() && m_fallback) {
    const Vertices& fb = event.get(*m_fallback);
    if (!fb.empty()) {
      out.resize(1);
      Vertices::columns([](const char*, auto& dst, const auto& src) { dst[0] = src[0]; }, out, fb);
    }
  }
}

}  // namespace e2e::modules
