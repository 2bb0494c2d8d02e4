#pragma once
// The mutable side of a run: an arena (grow-only, pre-touched), a oneDNN stream, and per-plan bindings of every
// step to this arena. One workspace serves one run() at a time; the session pools them across threads.
#include <oneapi/dnnl/dnnl.hpp>

#include <memory>
#include <vector>

#include "e2e/runtime/plan/Plan.hpp"

namespace e2e::runtime {

class Workspace {
public:
  explicit Workspace(const dnnl::engine& engine);
  // Binds this plan (first time, or after the arena grew), which may allocate. Cheap when already bound.
  void prepare(const Plan& plan);
  // The hot path: no allocation, no exceptions. `prepare(plan)` must have been called.
  void run(const Plan& plan, const void* const* inputs, void* const* outputs) noexcept;
  std::size_t arenaBytes() const { return m_arena.size(); }

private:
  struct Binding {
    const Plan* plan = nullptr;
    std::byte* base = nullptr;
    std::vector<std::byte*> slots;             // per step: inputs then outputs
    std::vector<std::size_t> stepBegin;        // per step: index of its first slot
    std::vector<std::pair<std::size_t, int>> callerSlots;  // slot <- root tensor living in a caller buffer
    std::vector<std::unique_ptr<StepState>> states;
  };
  Binding* find(const Plan& plan);
  void bind(Binding& b, const Plan& plan);

  dnnl::engine m_engine;
  dnnl::stream m_stream;
  AlignedBuffer m_arena;
  std::vector<std::unique_ptr<Binding>> m_bindings;
};

}  // namespace e2e::runtime
