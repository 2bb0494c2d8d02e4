// Gelu (engine-internal, created by fuseGelu): x * 0.5 * (1 + erf(x / sqrt(2))) on oneDNN's eltwise_gelu_erf,
// the same algorithm fusePostOps attaches to a preceding Conv/Gemm/MatMul.
#include "e2e/core/Error.hpp"
#include "e2e/runtime/ir/FusedOps.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime::cpu {

std::unique_ptr<Kernel> makeGelu(const KernelArgs& a) {
  if (!isFusedNode(a.node)) fail("Gelu is an engine-internal operator before opset 20, not part of the ONNX domain");
  return makeUnary(a);
}

}  // namespace e2e::runtime::cpu
