#pragma once
// Cache-aware batching: a large batch is run as chunks of a few rows when every row of the graph is computed
// independently of the others (true of CNN taggers). Activations of a chunk stay in cache; layer-by-layer over a
// whole batch of jets would stream tens of MB per layer through memory.
#include <cstdint>

#include "e2e/runtime/ir/Graph.hpp"

namespace e2e::runtime {

// Conservative: every op on the whitelist and used in a row-preserving way, every activation with the batch as
// its leading dimension (batchScale 1) and static other dims. Needs probeShapes to have run.
bool isBatchSeparable(const Graph& g);

// Rows per chunk for a plan whose arena needs `arenaBytesPerRow` per row: keeps a chunk's activations within
// about one core's L2 plus a share of L3.
std::int64_t chooseChunkRows(std::size_t arenaBytesPerRow);

}  // namespace e2e::runtime
