#include "e2e/modules/PredictionCsv.hpp"

#include <filesystem>

#include "e2e/core/Error.hpp"
#include "e2e/framework/Event.hpp"

namespace e2e::modules {

void PredictionCsv::Config::check(const fw::ConfigCheck& c) const {
  c.require(!path.empty(), "path", "must name the output file");
  c.require(!predictions.empty(), "predictions", "must list at least one Predictions label");
  c.require(objects.size() == predictions.size(), "objects", "needs one objects label per predictions label");
}

PredictionCsv::PredictionCsv(const fw::BuildContext& ctx, const Config& cfg)
    : fw::Module(ctx.name, fw::Category::Output, fw::Concurrency::Serial), m_path(cfg.path), m_tmp(cfg.path + ".tmp"),
      m_overwrite(cfg.overwrite || ctx.run.overwrite) {
  if (!m_overwrite && std::filesystem::exists(m_path))
    fail("[", ctx.section(), "] path: ", m_path, " already exists (set overwrite = true or use --force)");
  for (std::size_t i = 0; i < cfg.predictions.size(); ++i) {
    Source s;
    s.tagger = cfg.predictions[i];
    s.predictions = std::make_unique<fw::Input<Predictions>>(this, "predictions:" + cfg.predictions[i], cfg.predictions[i]);
    const auto it = ctx.products.find(cfg.objects[i]);
    if (it == ctx.products.end()) fail("[", ctx.section(), "] objects: no earlier module produces '", cfg.objects[i], "'");
    if (it->second == Jets::kType) s.jets = std::make_unique<fw::Input<Jets>>(this, "objects:" + cfg.objects[i], cfg.objects[i]);
    else if (it->second == Photons::kType) s.photons = std::make_unique<fw::Input<Photons>>(this, "objects:" + cfg.objects[i], cfg.objects[i]);
    else fail("[", ctx.section(), "] objects: '", cfg.objects[i], "' is ", it->second, ", not Photons or Jets");
    m_sources.push_back(std::move(s));
  }
}

PredictionCsv::~PredictionCsv() { abortJob(); }

void PredictionCsv::beginJob(const fw::JobInfo&) {
  m_file = std::fopen(m_tmp.c_str(), "w");
  if (!m_file) fail(m_path, ": cannot create ", m_tmp);
  std::fputs("event,tagger,object,pt,eta,phi,truth_pdg,truth_mass,value\n", m_file);
}

void PredictionCsv::produce(fw::Event& event) const {
  for (const Source& s : m_sources) {
    const Predictions& p = event.get(*s.predictions);
    for (std::size_t r = 0; r < p.size(); ++r) {
      const auto o = static_cast<std::size_t>(p.object[r]);
      float pt, eta, phi, mass;
      std::int32_t pdg;
      if (s.jets) {
        const Jets& j = event.get(*s.jets);
        pt = j.pt[o], eta = j.eta[o], phi = j.phi[o], pdg = j.truthPdgId[o], mass = j.truthMass[o];
      } else {
        const Photons& g = event.get(*s.photons);
        pt = g.pt[o], eta = g.eta[o], phi = g.phi[o], pdg = g.truthPdgId[o], mass = g.truthMass[o];
      }
      std::fprintf(m_file, "%llu,%s,%d,%.6g,%.6g,%.6g,%d,%.6g,%.7g\n", static_cast<unsigned long long>(event.index()),
                   s.tagger.c_str(), p.object[r], pt, eta, phi, pdg, mass, p.value[r]);
    }
  }
}

void PredictionCsv::endJob() {
  if (!m_file) return;
  const bool ok = std::fclose(m_file) == 0;
  m_file = nullptr;
  if (!ok) fail(m_path, ": write failed (disk full?)");
  std::error_code ec;
  std::filesystem::rename(m_tmp, m_path, ec);
  if (ec) fail(m_path, ": cannot rename ", m_tmp, ": ", ec.message());
}

void PredictionCsv::abortJob() {
  if (!m_file) return;
  std::fclose(m_file);
  m_file = nullptr;
  std::error_code ec;
  std::filesystem::remove(m_tmp, ec);
}

}  // namespace e2e::modules
