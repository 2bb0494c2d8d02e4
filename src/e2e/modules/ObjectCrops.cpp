#include "e2e/modules/ObjectCrops.hpp"

#include <cmath>

#include "e2e/core/Error.hpp"

namespace e2e::modules {
namespace {

frames::CropConfig cropConfig(const ObjectCrops::Config& cfg, const fw::ConfigCheck& check) {
  frames::CropConfig c;
  c.channels = channelSetFor(cfg.channels, check);
  c.height = c.width = cfg.size;
  c.path = cfg.path == "full_frame" ? frames::CropConfig::Path::FullFrame : frames::CropConfig::Path::Sparse;
  try {
    c.validate();
  } catch (const Error& e) {
    check.fail("size", e.what());
  }
  return c;
}

bool isJets(const fw::BuildContext& ctx, const std::string& label) {
  const auto it = ctx.products.find(label);
  if (it == ctx.products.end()) fail("[", ctx.section(), "] objects: no earlier module produces '", label, "'");
  if (it->second == Jets::kType) return true;
  if (it->second == Photons::kType) return false;
  fail("[", ctx.section(), "] objects: '", label, "' is ", it->second, "; crops are made around Photons or Jets");
}

template <class Coll>
void selectRows(const Coll& objects, float ptMin, float etaMax, std::vector<std::int32_t>& rows) {
  rows.clear();
  for (std::size_t i = 0; i < objects.size(); ++i)
    if (objects.pt[i] >= ptMin && std::abs(objects.eta[i]) <= etaMax) rows.push_back(static_cast<std::int32_t>(i));
}

}  // namespace

void ObjectCrops::Config::check(const fw::ConfigCheck& c) const {
  c.oneOf(path, {"sparse", "full_frame"}, "path");
  c.require(size >= 1 && size <= 360, "size", "must be 1..360");
  c.require(etaMax > 0, "eta_max", "must be > 0");
}

ObjectCrops::ObjectCrops(const fw::BuildContext& ctx, const Config& cfg)
    : fw::Module(ctx.name, fw::Category::ObjectFrames), m_cfg(cfg),
      m_hits(this, cfg, channelSetFor(cfg.channels, fw::ConfigCheck(ctx.section())), ctx), m_out(this, "output", cfg.output) {
  const frames::CropConfig crop = cropConfig(cfg, fw::ConfigCheck(ctx.section()));
  m_channelNames = crop.channels.names();
  if (isJets(ctx, cfg.objects)) {
    m_jets = std::make_unique<fw::Input<Jets>>(this, "objects", cfg.objects);
    m_jetCropper = std::make_unique<frames::JetCropper>(crop);
  } else {
    m_photons = std::make_unique<fw::Input<Photons>>(this, "objects", cfg.objects);
    m_photonCropper = std::make_unique<frames::PhotonCropper>(crop);
  }
}

void ObjectCrops::markEmpty(Frames& out) const {
  // The croppers read an empty row list as "every object"; no selected object means no image at all.
  if (out.channels != m_channelNames) out.channels = m_channelNames;
  out.height = out.width = m_cfg.size;
}

void ObjectCrops::produce(fw::Event& event) const {
  PerThread& t = m_perThread.local();
  const frames::EventHits hits = m_hits.get(event);
  Frames& out = event.put(m_out);
  if (m_jets) {
    const Jets& jets = event.get(*m_jets);
    selectRows(jets, m_cfg.ptMin, m_cfg.etaMax, t.rows);
    if (t.rows.empty()) return markEmpty(out);
    m_jetCropper->produce(hits, jets, t.rows, out, t.scratch);
  } else {
    const Photons& photons = event.get(*m_photons);
    selectRows(photons, m_cfg.ptMin, m_cfg.etaMax, t.rows);
    if (t.rows.empty()) return markEmpty(out);
    m_photonCropper->produce(hits, photons, t.rows, out, t.scratch);
  }
}

}  // namespace e2e::modules
