#include "e2e/modules/EventFileSource.hpp"

#include <algorithm>

#include "e2e/core/Error.hpp"
#include "e2e/framework/Event.hpp"
#include "e2e/modules/CollectionTypes.hpp"
#include "e2e/modules/Paths.hpp"

namespace e2e::modules {
namespace {

template <class T>
struct TypedBinding final : EventFileSource::Binding {
  TypedBinding(fw::Module* owner, const std::string& label) : out(owner, label, label) {}
  void read(io::EventReader& reader, std::uint64_t fileEvent, fw::Event& event) const override {
    reader.get(out.label(), fileEvent, event.put(out));
  }
  fw::Output<T> out;
};

}  // namespace

EventFileSource::EventFileSource(const fw::BuildContext& ctx, const Config& cfg)
    : fw::Source(ctx.name, fw::Concurrency::Serial), m_first(cfg.firstEvent) {
  try {
    m_reader = std::make_unique<io::EventReader>(resolveInput(cfg.path, ctx.run));
  } catch (const Error& e) {
    fail("[", ctx.section(), "] path: ", e.what());
  }
  if (m_first > m_reader->events())
    fail("[", ctx.section(), "] first_event: ", m_first, " is beyond the ", m_reader->events(), " events of ", cfg.path);
  for (const auto& want : cfg.products)
    if (!m_reader->has(want)) fail("[", ctx.section(), "] products: ", cfg.path, " has no collection '", want, "'");
  for (const auto& info : m_reader->collections()) {
    if (!cfg.products.empty() && std::find(cfg.products.begin(), cfg.products.end(), info.label) == cfg.products.end()) continue;
    const bool known = visitCollectionType(info.type, [&]<class T>() { m_bindings.push_back(std::make_unique<TypedBinding<T>>(this, info.label)); });
    if (!known && !cfg.products.empty())
      fail("[", ctx.section(), "] products: '", info.label, "' in ", cfg.path, " is a ", info.type, ", which this e2e cannot read");
  }
}

EventFileSource::~EventFileSource() = default;

std::optional<std::uint64_t> EventFileSource::eventsAvailable() const { return m_reader->events() - m_first; }

void EventFileSource::produce(fw::Event& event) const {
  const std::uint64_t fileEvent = m_first + event.index();
  try {
    for (const auto& b : m_bindings) b->read(*m_reader, fileEvent, event);
  } catch (const Error& e) {
    fail(m_reader->path(), " event ", fileEvent, ": ", e.what());
  }
}

}  // namespace e2e::modules
