#include "e2e/runtime/plan/Workspace.hpp"

#include <cstring>

namespace e2e::runtime {
namespace {

class SlotBindContext final : public BindContext {
public:
  SlotBindContext(std::byte* const* in, std::byte* const* out, std::byte* scratch, const dnnl::engine& e)
      : m_in(in), m_out(out), m_scratch(scratch), m_engine(e) {}
  std::byte* in(int i) const override { return m_in[i]; }
  std::byte* out(int i) const override { return m_out[i]; }
  std::byte* scratch() const override { return m_scratch; }
  const dnnl::engine& engine() const override { return m_engine; }

private:
  std::byte* const* m_in;
  std::byte* const* m_out;
  std::byte* m_scratch;
  const dnnl::engine& m_engine;
};

}  // namespace

Workspace::Workspace(const dnnl::engine& engine) : m_engine(engine), m_stream(engine) {}

Workspace::Binding* Workspace::find(const Plan& plan) {
  for (auto& b : m_bindings)
    if (b->plan == &plan) return b.get();
  return nullptr;
}

void Workspace::prepare(const Plan& plan) {
  std::size_t need = plan.arenaBytes + plan.scratchBytes;
  if (need > m_arena.size()) {
    // Touch every page now so that no run pays for first-touch faults.
    m_arena = AlignedBuffer(need);
    std::memset(m_arena.data(), 0, need);
  }
  Binding* b = find(plan);
  if (!b) {
    m_bindings.push_back(std::make_unique<Binding>());
    b = m_bindings.back().get();
  }
  if (b->plan != &plan || b->base != m_arena.data()) bind(*b, plan);
}

void Workspace::bind(Binding& b, const Plan& plan) {
  b.plan = &plan;
  b.base = m_arena.data();
  b.slots.clear();
  b.stepBegin.clear();
  b.callerSlots.clear();
  b.states.clear();
  std::byte* scratch = b.base + plan.arenaBytes;
  auto pointerOf = [&](int t, std::size_t slot) -> std::byte* {
    int r = plan.root(t);
    const PlanTensor& pt = plan.tensors[r];
    switch (pt.kind) {
      case PlanTensor::Kind::Arena: return b.base + pt.offset;
      case PlanTensor::Kind::Constant: return const_cast<std::byte*>(pt.constant);
      case PlanTensor::Kind::Input: case PlanTensor::Kind::Output: b.callerSlots.push_back({slot, r}); return nullptr;
      case PlanTensor::Kind::Alias: break;
    }
    return nullptr;
  };
  for (const auto& st : plan.steps) {
    b.stepBegin.push_back(b.slots.size());
    for (int t : st.in) b.slots.push_back(t >= 0 ? pointerOf(t, b.slots.size()) : nullptr);
    for (int t : st.out) b.slots.push_back(pointerOf(t, b.slots.size()));
  }
  // Caller buffers are unknown until run(): bind oneDNN memories to a placeholder, run() refreshes them.
  for (const auto& [slot, t] : b.callerSlots) b.slots[slot] = scratch;
  for (std::size_t s = 0; s < plan.steps.size(); ++s) {
    const auto& st = plan.steps[s];
    std::byte* const* in = b.slots.data() + b.stepBegin[s];
    SlotBindContext ctx(in, in + st.in.size(), scratch, m_engine);
    b.states.push_back(st.step->bind(ctx));
  }
}

void Workspace::run(const Plan& plan, const void* const* inputs, void* const* outputs) noexcept {
  Binding* b = find(plan);
  for (const auto& [slot, t] : b->callerSlots) {
    const PlanTensor& pt = plan.tensors[t];
    b->slots[slot] = pt.kind == PlanTensor::Kind::Input ? static_cast<std::byte*>(const_cast<void*>(inputs[pt.index]))
                                                        : static_cast<std::byte*>(outputs[pt.index]);
  }
  ExecContext ctx;
  ctx.scratchBase = b->base + plan.arenaBytes;
  ctx.stream = &m_stream;
  ctx.threads = plan.threads;
  for (std::size_t s = 0; s < plan.steps.size(); ++s) {
    const auto& st = plan.steps[s];
    ctx.inputs = b->slots.data() + b->stepBegin[s];
    ctx.outputs = ctx.inputs + st.in.size();
    ctx.state = b->states[s].get();
    st.step->run(ctx);
  }
  m_stream.wait();
}

}  // namespace e2e::runtime
