#include "e2e/runtime/plan/CopySteps.hpp"

#include <cstring>

#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"

namespace e2e::runtime {
namespace {

class CopyStep final : public Step {
public:
  explicit CopyStep(std::size_t bytes) : m_bytes(bytes) {}
  void run(const ExecContext& ctx) const noexcept override {
    if (ctx.inputs[0] != ctx.outputs[0]) std::memcpy(ctx.outputs[0], ctx.inputs[0], m_bytes);
  }
  std::string describe() const override { return "memcpy"; }

private:
  std::size_t m_bytes;
};

}  // namespace

std::unique_ptr<Step> makeReorderStep(const dnnl::memory::desc& from, const dnnl::memory::desc& to,
                                      const dnnl::engine& engine, std::size_t& scratchBytes) {
  using cpu::DnnlArg;
  auto step = std::make_unique<cpu::DnnlStep>(cpu::describeDesc(from) + " -> " + cpu::describeDesc(to));
  dnnl::primitive_attr attr;
  attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
  dnnl::reorder::primitive_desc pd(engine, from, engine, to, attr);
  scratchBytes = std::max(scratchBytes, pd.scratchpad_desc().get_size());
  cpu::DnnlCall call{dnnl::reorder(pd), {}};
  call.args.push_back({DNNL_ARG_FROM, DnnlArg::Src::Input, 0, from, {}});
  call.args.push_back({DNNL_ARG_TO, DnnlArg::Src::Output, 0, to, {}});
  call.args.push_back({DNNL_ARG_SCRATCHPAD, DnnlArg::Src::Scratch, 0, pd.scratchpad_desc(), {}});
  step->add(std::move(call));
  return step;
}

std::unique_ptr<Step> makeCopyStep(std::size_t bytes) { return std::make_unique<CopyStep>(bytes); }

}  // namespace e2e::runtime
