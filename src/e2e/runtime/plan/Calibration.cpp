#include "e2e/runtime/plan/Calibration.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/KernelRegistry.hpp"
#include "e2e/runtime/plan/Planner.hpp"
#include "e2e/runtime/plan/Workspace.hpp"

namespace e2e::runtime {

std::vector<MagnitudeHistogram> measureMagnitudes(const Graph& g, std::span<const int> values, std::span<const CalibrationBatch> batches,
                                 const dnnl::engine& engine) {
  Graph probe = g;
  const std::size_t firstExtra = probe.outputs.size();
  for (int v : values) {
    if (probe.values[v].dtype != DType::Float32) fail("calibration: value '", probe.values[v].name, "' is not float32");
    // Exposed through an Identity, so that its producer keeps its fast (blocked) layout; the planner reorders
    // the copy to plain order at the end.
    Node copy;
    copy.name = probe.uniqueName(probe.values[v].name + "#calibration");
    copy.opType = "Identity";
    copy.opset = probe.opset;
    copy.inputs = {v};
    copy.outputs = {probe.addValue(copy.name, DType::Float32)};
    probe.values[copy.outputs[0]].dims = probe.values[v].dims;
    probe.values[copy.outputs[0]].hasShape = probe.values[v].hasShape;
    probe.values[copy.outputs[0]].batchScale = probe.values[v].batchScale;
    probe.outputs.push_back(copy.outputs[0]);
    probe.nodes.push_back(std::move(copy));
  }
  std::vector<std::unique_ptr<Kernel>> kernels;
  std::vector<const Kernel*> ptrs;
  for (const auto& n : probe.nodes) {
    kernels.push_back(createKernel(Backend::Cpu, n, probe));
    ptrs.push_back(kernels.back().get());
  }
  // Per batch size: the plan and its output buffers (reused: fresh pages for every batch would cost more than
  // the run).
  struct Sized {
    std::unique_ptr<Plan> plan;
    std::vector<AlignedBuffer> buffers;
    std::vector<void*> out;
  };
  std::map<std::int64_t, Sized> sized;
  Workspace ws(engine);
  std::vector<MagnitudeHistogram> hist(values.size());
  for (const CalibrationBatch& b : batches) {
    if (b.inputs.size() != g.inputs.size())
      fail("calibration batch has ", b.inputs.size(), " inputs, the model has ", g.inputs.size());
    Sized& sz = sized[b.batch];
    if (!sz.plan) {
      sz.plan = buildPlan(probe, ptrs, b.batch, omp_get_max_threads(), engine);
      for (int t : sz.plan->outputTensors) {
        sz.buffers.emplace_back(std::max<std::size_t>(sz.plan->tensors[t].bytes, 1));
        sz.out.push_back(sz.buffers.back().data());
      }
    }
    const Plan* plan = sz.plan.get();
    const std::vector<void*>& out = sz.out;
    ws.prepare(*plan);
    ws.run(*plan, b.inputs.data(), out.data());
    for (std::size_t k = 0; k < values.size(); ++k) {
      const PlanTensor& t = plan->tensors[plan->outputTensors[firstExtra + k]];
      hist[k].add(static_cast<const float*>(out[firstExtra + k]), static_cast<std::size_t>(numel(t.dims)));
      if (!std::isfinite(hist[k].maxAbs())) fail("calibration: value '", g.values[values[k]].name, "' is not finite");
    }
  }
  return hist;
}

}  // namespace e2e::runtime
