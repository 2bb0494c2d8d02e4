#pragma once
// The kernel interface: how an operator joins the engine. See src/e2e/runtime/README.md ("Adding an operator").
//
// Life cycle of one node:
//   load:  factory(KernelArgs) -> Kernel          parse + validate attributes (throw e2e::Error)
//   plan:  Kernel::inferShapes(ShapeContext)      concrete output shapes for one batch size
//          Kernel::plan(PlanContext) -> Step      layouts, primitives, scratch; once per (batch, threads)
//   run:   Step::bind(BindContext) -> StepState   once per workspace (per-thread arena): e.g. oneDNN memories
//          Step::run(ExecContext)                 the hot path: no allocation, no exceptions
#include <oneapi/dnnl/dnnl.hpp>

#include <cstddef>
#include <memory>
#include <vector>

#include "e2e/runtime/ir/Graph.hpp"

namespace e2e::runtime {

// Where an activation's elements are. Plain: dense row-major in ONNX dimension order. Otherwise a oneDNN
// descriptor (blocked formats such as nChw16c, or nhwc) that only layout-aware kernels may consume.
struct Layout {
  bool plain = true;
  dnnl::memory::desc md;  // set when !plain
};

// Everything a factory may look at. The node's post-ops are final (fusion runs before kernels are built).
struct KernelArgs {
  const Node& node;
  const Graph& graph;
  int opset;
};

class ShapeContext {
public:
  virtual ~ShapeContext() = default;
  virtual const Node& node() const = 0;
  int inputCount() const { return static_cast<int>(node().inputs.size()); }
  int outputCount() const { return static_cast<int>(node().outputs.size()); }
  bool hasInput(int i) const { return i < inputCount() && node().inputs[i] >= 0; }
  bool hasOutput(int i) const { return i < outputCount() && node().outputs[i] >= 0; }
  virtual const Dims& inputDims(int i) const = 0;
  virtual DType inputType(int i) const = 0;
  // The input's data when it is known before running (initialiser, folded or plan-time value); else nullptr.
  virtual const Tensor* inputValue(int i) const = 0;
  virtual void setOutput(int i, DType dtype, Dims dims) = 0;
  virtual const Dims& outputDims(int i) const = 0;
};

class PlanContext {
public:
  virtual ~PlanContext() = default;
  virtual const Node& node() const = 0;
  virtual int threads() const = 0;
  virtual const dnnl::engine& engine() const = 0;
  int inputCount() const { return static_cast<int>(node().inputs.size()); }
  int outputCount() const { return static_cast<int>(node().outputs.size()); }
  bool hasInput(int i) const { return i < inputCount() && node().inputs[i] >= 0; }
  bool hasOutput(int i) const { return i < outputCount() && node().outputs[i] >= 0; }
  virtual const Dims& inputDims(int i) const = 0;
  virtual DType inputType(int i) const = 0;
  virtual const Tensor* inputValue(int i) const = 0;
  virtual const Layout& inputLayout(int i) const = 0;
  virtual const Dims& outputDims(int i) const = 0;
  virtual DType outputType(int i) const = 0;
  virtual bool outputIsGraphOutput(int i) const = 0;

  // Have the planner deliver input i in this layout (it inserts one shared reorder at the region boundary).
  virtual void requireInputLayout(int i, const dnnl::memory::desc& md) = 0;
  virtual void requirePlainInput(int i) = 0;
  // Output i's layout (plain unless set). A plain-equivalent descriptor is normalised to plain.
  virtual void setOutputLayout(int i, const dnnl::memory::desc& md) = 0;
  // Output i is a view of plain input i's bytes (Reshape & co.): no copy, the step may be a no-op.
  virtual void aliasOutput(int out, int in) = 0;
  // Try to let output `out` overwrite input `in` (same bytes and layout, input dead afterwards). True on success.
  virtual bool tryInPlace(int out, int in) = 0;
  // Scratch memory needed while the step runs; steps run one at a time, so one region serves all of them.
  virtual void requestScratch(std::size_t bytes) = 0;
};

class BindContext {
public:
  virtual ~BindContext() = default;
  virtual std::byte* in(int i) const = 0;   // current pointer (caller buffers may change on every run)
  virtual std::byte* out(int i) const = 0;
  virtual std::byte* scratch() const = 0;
  virtual const dnnl::engine& engine() const = 0;
};

// Per-workspace mutable state of a step (oneDNN memory objects bound to this workspace's arena).
class StepState {
public:
  virtual ~StepState() = default;
};

class ExecContext {
public:
  std::byte* const* inputs = nullptr;
  std::byte* const* outputs = nullptr;
  std::byte* scratchBase = nullptr;
  dnnl::stream* stream = nullptr;
  StepState* state = nullptr;
  int threads = 1;

  template <class T = std::byte>
  const T* in(int i) const { return reinterpret_cast<const T*>(inputs[i]); }
  template <class T = std::byte>
  T* out(int i) const { return reinterpret_cast<T*>(outputs[i]); }
  std::byte* scratch() const { return scratchBase; }
};

class Step {
public:
  virtual ~Step() = default;
  virtual std::unique_ptr<StepState> bind(const BindContext&) const { return nullptr; }
  virtual void run(const ExecContext& ctx) const noexcept = 0;
  // One line for plan dumps (implementation chosen, layouts).
  virtual std::string describe() const { return {}; }
};

class Kernel {
public:
  virtual ~Kernel() = default;
  virtual void inferShapes(ShapeContext& ctx) const = 0;
  virtual std::unique_ptr<Step> plan(PlanContext& ctx) const = 0;
  // Inputs whose values (not only shapes) shape inference needs: they must be known at plan time.
  virtual bool shapeNeedsValue(int input) const { return false; }
  // True when outputs depend only on input shapes (Shape): such nodes are evaluated at plan time.
  virtual bool dependsOnlyOnShapes() const { return false; }
  // Multiply-adds x 2 for the given concrete shapes (conv and matmul kernels; others 0).
  virtual double flops(const ShapeContext& ctx) const { return 0; }
};

using KernelFactory = std::unique_ptr<Kernel> (*)(const KernelArgs&);

}  // namespace e2e::runtime
