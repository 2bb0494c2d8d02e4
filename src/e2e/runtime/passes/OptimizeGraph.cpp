#include "e2e/runtime/passes/Passes.hpp"

namespace e2e::runtime {

void optimizeGraph(Graph& g, const dnnl::engine& engine, bool optimize) {
  eliminateIdentities(g);
  if (optimize) foldConstants(g, engine);
  probeShapes(g, engine, optimize);
  if (optimize) {
    fuseLayerNorm(g);
    fuseGelu(g);
    fuseAttention(g);
    foldBatchNorm(g);
    fusePostOps(g);
    removeDeadNodes(g);
    // Fusion changed which values exist; refresh symbolic shapes for the dump.
    probeShapes(g, engine, false);
  }
}

}  // namespace e2e::runtime
