#include "e2e/modules/GeneratorSource.hpp"

#include "e2e/core/Error.hpp"
#include "e2e/framework/Event.hpp"

namespace e2e::modules {

GeneratorSource::GeneratorSource(const fw::BuildContext& ctx, std::vector<std::unique_ptr<gen::EventGenerator>> generators,
                                 const GeneratorOptions& options)
    : fw::Source(ctx.name, fw::Concurrency::Parallel), m_generators(std::move(generators)), m_gen(this, "output", options.output),
      m_info(this, "info", options.info) {}

void GeneratorSource::produce(fw::Event& event) const {
  const auto& g = *m_generators[event.index() % m_generators.size()];
  g.generate(event.index(), event.seed(), event.put(m_gen), event.put(m_info));
}

fw::ModuleFactory generatorFactory() {
  fw::ModuleFactory f;
  f.type = "Generator";
  f.doc = "built-in event generator (guns, dijets, ttbar, taus, A -> gamma gamma, pileup); several processes mix";
  f.make = [](const fw::BuildContext& ctx) -> std::unique_ptr<fw::Module> {
    const fw::ConfigCheck check(ctx.section());
    const GeneratorOptions defaults;
    const auto first = fw::readConfig(ctx.table, ctx.section(), defaults);
    if (first.processes.empty()) check.fail("processes", "must list at least one process");
    std::vector<std::unique_ptr<gen::EventGenerator>> generators;
    // The provenance: the keys as written (valid TOML), then what each process actually ran with as comments.
    std::string text;
    std::string described = fw::describeConfig(first);
    for (std::size_t pos = 0; pos < described.size();) {
      const std::size_t nl = described.find('\n', pos);
      const std::string line = described.substr(pos, nl - pos);
      pos = nl + 1;
      const std::string key = line.substr(0, line.find(' '));
      bool written = key == "processes" || key == "output" || key == "info";
      for (const auto& kv : ctx.table) written = written || kv.first == key;
      if (written) text += line + "\n";
    }
    for (const auto& name : first.processes) {
      GeneratorOptions o;
      try {
        static_cast<gen::GeneratorConfig&>(o) = gen::GeneratorConfig::forProcess(name);
      } catch (const Error& e) {
        check.fail("processes", e.what());
      }
      o = fw::readConfig(ctx.table, ctx.section(), o);
      o.process = name;
      try {
        generators.push_back(gen::makeGenerator(o));
      } catch (const Error& e) {
        check.fail(name, e.what());
      }
      std::string oneLine = o.describe();
      for (char& c : oneLine)
        if (c == '\n') c = ';';
      text += "# " + name + ": " + oneLine + "\n";
    }
    auto m = std::make_unique<GeneratorSource>(ctx, std::move(generators), first);
    m->setRegistration("Generator", text);
    return m;
  };
  f.defaults = [] {
    const GeneratorOptions defaults;
    return fw::documentConfig(defaults);
  };
  return f;
}

}  // namespace e2e::modules
