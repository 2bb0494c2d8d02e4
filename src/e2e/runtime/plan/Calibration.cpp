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
    probe.outputs.push_back(v);
  }
  std::vector<std::unique_ptr<Kernel>> kernels;
  std::vector<const Kernel*> ptrs;
  for (const auto& n : probe.nodes) {
    kernels.push_back(createKernel(Backend::Cpu, n, probe));
    ptrs.push_back(kernels.back().get());
  }
  std::map<std::int64_t, std::unique_ptr<Plan>> plans;
  Workspace ws(engine);
  std::vector<MagnitudeHistogram> hist(values.size());
  std::vector<AlignedBuffer> outBuf;
  std::vector<void*> out;
  for (const CalibrationBatch& b : batches) {
    if (b.inputs.size() != g.inputs.size())
      fail("calibration batch has ", b.inputs.size(), " inputs, the model has ", g.inputs.size());
    auto& plan = plans[b.batch];
    if (!plan) plan = buildPlan(probe, ptrs, b.batch, omp_get_max_threads(), engine);
    outBuf.clear();
    out.clear();
    for (int t : plan->outputTensors) {
      outBuf.emplace_back(std::max<std::size_t>(plan->tensors[t].bytes, 1));
      out.push_back(outBuf.back().data());
    }
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
