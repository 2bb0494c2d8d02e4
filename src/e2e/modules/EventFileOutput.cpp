#include "e2e/modules/EventFileOutput.hpp"

#include <filesystem>

#include "e2e/core/Error.hpp"
#include "e2e/framework/Event.hpp"
#include "e2e/modules/CollectionTypes.hpp"

namespace e2e::modules {
namespace {

template <class T>
struct TypedBinding final : EventFileOutput::Binding {
  TypedBinding(fw::Module* owner, const std::string& label) : in(owner, label, label) {}
  void write(io::EventWriter& writer, const fw::Event& event) const override { writer.put(in.label(), event.get(in)); }
  fw::Input<T> in;
};

}  // namespace

EventFileOutput::EventFileOutput(const fw::BuildContext& ctx, const Config& cfg)
    : fw::Module(ctx.name, fw::Category::Output, fw::Concurrency::Serial), m_path(cfg.path), m_overwrite(cfg.overwrite || ctx.run.overwrite) {
  // Refuse before any event is processed rather than after the work is done.
  if (!m_overwrite && std::filesystem::exists(m_path))
    fail("[", ctx.section(), "] path: ", m_path, " already exists (set overwrite = true or use --force)");
  auto bind = [&](const std::string& label, const std::string& type) {
    return visitCollectionType(type, [&]<class T>() { m_bindings.push_back(std::make_unique<TypedBinding<T>>(this, label)); });
  };
  if (cfg.products.empty()) {
    for (const auto& [label, type] : ctx.products) bind(label, type);
  } else {
    for (const auto& label : cfg.products) {
      const auto it = ctx.products.find(label);
      if (it == ctx.products.end()) fail("[", ctx.section(), "] products: no earlier module produces '", label, "'");
      if (!bind(label, it->second))
        fail("[", ctx.section(), "] products: '", label, "' is a ", it->second, ", which event files do not hold (write images with DatasetOutput)");
    }
  }
  if (m_bindings.empty()) fail("[", ctx.section(), "] nothing to write: no collection is produced before this module");
}

EventFileOutput::~EventFileOutput() = default;

void EventFileOutput::beginJob(const fw::JobInfo& job) {
  io::Provenance p;
  p.command = job.commandLine;
  p.config = job.config;
  m_writer = std::make_unique<io::EventWriter>(m_path, std::move(p), m_overwrite);
}

void EventFileOutput::produce(fw::Event& event) const {
  for (const auto& b : m_bindings) b->write(*m_writer, event);
  m_writer->endEvent();
}

void EventFileOutput::endJob() {
  if (m_writer) m_writer->close();
  m_writer.reset();
}

void EventFileOutput::abortJob() { m_writer.reset(); }

}  // namespace e2e::modules
