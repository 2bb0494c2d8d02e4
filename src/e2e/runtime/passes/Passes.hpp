#pragma once
// Graph passes run once at load, in the order optimizeGraph() calls them. Each keeps the node list
// topologically sorted and leaves ONNX semantics intact, except fusion, which attaches PostOps (and a bias
// input on MatMul) that only this engine's kernels understand.
#include <oneapi/dnnl/dnnl.hpp>

#include <string>

#include "e2e/runtime/ir/Graph.hpp"

namespace e2e::runtime {

// Identity and inference-mode Dropout become plain value renames.
void eliminateIdentities(Graph& g);
// Nodes whose inputs are all constant are evaluated with their own kernel and replaced by the result.
void foldConstants(Graph& g, const dnnl::engine& engine);
// Infers shapes at two batch sizes: fills symbolic dims (kDynamicDim + batchScale) and folds everything that
// turned out not to depend on the batch (the static parts of Shape->Gather->...->Reshape chains).
void probeShapes(Graph& g, const dnnl::engine& engine, bool fold);
// Decomposed LayerNorm (ReduceMean, Sub, Pow, ReduceMean, Add eps, Sqrt, Div [, Mul gamma [, Add beta]]) ->
// LayerNormalization.
void fuseLayerNorm(Graph& g);
// x * 0.5 * (1 + erf(x / sqrt(2))) in its exported orders -> Gelu (domain e2e), before fusePostOps takes it.
void fuseGelu(Graph& g);
// MatMul(Q, KT) [-> scale] -> Softmax(last axis) -> MatMul(., V) -> Attention (domain e2e).
void fuseAttention(Graph& g);
// Conv followed by an inference BatchNormalization: the scale and shift move into the conv's weights and bias.
void foldBatchNorm(Graph& g);
// Conv/Gemm/MatMul absorb a following bias Add, activations, a scalar Mul/Div and one residual Add (oneDNN post-ops).
void fusePostOps(Graph& g);
// Drops nodes none of whose outputs is used.
void removeDeadNodes(Graph& g);
// The whole pipeline; `optimize` false keeps only what execution needs (identity removal, shape probing).
void optimizeGraph(Graph& g, const dnnl::engine& engine, bool optimize);

// Human-readable optimised graph (what `--dump` prints).
std::string dumpGraph(const Graph& g);

}  // namespace e2e::runtime
