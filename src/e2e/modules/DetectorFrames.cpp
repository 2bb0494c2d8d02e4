#include "e2e/modules/DetectorFrames.hpp"

namespace e2e::modules {

DetectorFrames::DetectorFrames(const fw::BuildContext& ctx, const Config& cfg)
    : fw::Module(ctx.name, fw::Category::DetectorFrames), m_maker(channelSetFor(cfg.channels, fw::ConfigCheck(ctx.section()))),
      m_hits(this, cfg, channelSetFor(cfg.channels, fw::ConfigCheck(ctx.section())), ctx), m_out(this, "output", cfg.output) {}

void DetectorFrames::produce(fw::Event& event) const { m_maker.produce(m_hits.get(event), event.put(m_out), m_scratch.local()); }

}  // namespace e2e::modules
