#pragma once
// oneDNN glue shared by the CPU kernels: type/shape conversion and a Step that runs oneDNN primitives.
#include <oneapi/dnnl/dnnl.hpp>

#include <string>
#include <vector>

#include "e2e/runtime/kernels/Kernel.hpp"

namespace e2e::runtime::cpu {

using dnnl::memory;

memory::data_type toDnnl(DType t);
bool dnnlSupports(DType t);
memory::dims toDnnlDims(const Dims& d);
// Dense row-major descriptor; a 0-d tensor is seen as 1 element of rank 1.
memory::desc plainDesc(const Dims& d, DType t = DType::Float32);
bool isPlainDesc(const memory::desc& md, const Dims& d, DType t);
std::string describeDesc(const memory::desc& md);
// Whether a blocked layout pads some dimension (e.g. 8 channels in 16-wide blocks).
bool hasPadding(const memory::desc& md);
// The layout a (possibly plain) input is in, as a oneDNN descriptor.
memory::desc inputDesc(const PlanContext& ctx, int i);

// Where a primitive argument's memory comes from at run time.
struct DnnlArg {
  enum class Src { Input, Output, Scratch, Constant };
  int arg = 0;  // DNNL_ARG_*
  Src src = Src::Input;
  int index = 0;  // Input/Output: position among the step's inputs/outputs; Scratch: byte offset into scratch
  memory::desc md;
  memory constant;  // Src::Constant: shared by all workspaces, read only
};

struct DnnlCall {
  dnnl::primitive prim;
  std::vector<DnnlArg> args;
};

// Runs one or more primitives in order. Each workspace binds its own memory objects, so concurrent run() calls
// never share a mutable oneDNN object; caller-buffer pointers are refreshed only when they change.
class DnnlStep : public Step {
public:
  explicit DnnlStep(std::string description) : m_description(std::move(description)) {}
  void add(DnnlCall call) { m_calls.push_back(std::move(call)); }
  std::unique_ptr<StepState> bind(const BindContext& ctx) const override;
  void run(const ExecContext& ctx) const noexcept override;
  std::string describe() const override { return m_description; }

private:
  std::vector<DnnlCall> m_calls;
  std::string m_description;
};

// Tells the runtime's allocation test which allocations happen inside oneDNN (its execute builds a small
// argument map per call; see README "Allocation in run()").
bool insideDnnlExecute() noexcept;

}  // namespace e2e::runtime::cpu

namespace e2e::runtime::cpu {

// Maps a fused eltwise PostOp (or a standalone activation) to oneDNN's algorithm and parameters.
bool eltwiseAlgorithm(const std::string& op, float alpha, float beta, dnnl::algorithm& alg, float& a, float& b);
// Attributes for an anchor op: user scratchpad, eltwise post-ops, and a sum post-op for the residual (whose
// addend must already sit in dst when the primitive runs). Returns whether a residual is present.
bool buildPostOps(const std::vector<PostOp>& postOps, dnnl::primitive_attr& attr);
int residualInput(const std::vector<PostOp>& postOps);

// Weights reordered once into the layout a primitive asked for, shared by every plan that asks for the same one.
class WeightCache {
public:
  memory get(const Tensor& t, const memory::desc& plain, const memory::desc& want, const dnnl::engine& engine) const;

private:
  mutable std::vector<std::pair<memory::desc, memory>> m_entries;
  mutable std::vector<std::shared_ptr<AlignedBuffer>> m_buffers;
};

// A residual sum post-op reads dst: either the planner let dst overwrite the residual (in place), or the step
// first copies the residual into dst. Call after setOutputLayout(0, dst). Adds the copy call to `step` if needed.
// `dstIsPlain`: dst is the output's plain layout seen through another (e.g. 2-D) descriptor.
void bindResidual(PlanContext& ctx, int residual, const memory::desc& dst, bool dstIsPlain, DnnlStep& step);
// Prefers a pd on the input's current layout when oneDNN has a fast (non-reference) kernel for it, to save a reorder.
bool isReferenceImpl(const char* implInfo);

}  // namespace e2e::runtime::cpu
