#include "e2e/modules/ExternalEventSource.hpp"

#include "e2e/core/Error.hpp"
#include "e2e/framework/Event.hpp"
#include "e2e/modules/Paths.hpp"

namespace e2e::modules {

ExternalEventSource::ExternalEventSource(const fw::BuildContext& ctx, const Config& cfg)
    : fw::Source(ctx.name, fw::Concurrency::Serial), m_gen(this, "output", cfg.output), m_info(this, "info", cfg.info) {
  const std::string path = resolveInput(cfg.path, ctx.run);
  try {
    const gen::InputFormat format = cfg.format == "auto" ? gen::guessInputFormat(path) : gen::parseInputFormat(cfg.format);
    m_reader = gen::openEventSource(path, format);
  } catch (const Error& e) {
    fail("[", ctx.section(), "] path: ", e.what());
  }
}

ExternalEventSource::~ExternalEventSource() = default;

bool ExternalEventSource::read(fw::Event& event) const {
  EventInfo& info = event.put(m_info);
  if (!m_reader->next(event.put(m_gen), info)) return false;
  // The run's event index, which every later random stream is keyed on.
  if (info.size() == 1) info.event[0] = event.index();
  return true;
}

void ExternalEventSource::produce(fw::Event& event) const {
  if (!read(event)) fail("the input ended before event ", event.index());
}

}  // namespace e2e::modules
