#pragma once
// Numpy broadcasting for any number of operands (Where, comparisons, Expand): the output shape, and a loop nest
// whose dims are collapsed wherever every operand keeps the same stride pattern, so the innermost run is long.
#include <cstdint>
#include <vector>

#include "e2e/runtime/ir/Tensor.hpp"

namespace e2e::runtime::cpu {

// The broadcast shape of `shapes`; e2e::Error naming both shapes when two of them are incompatible.
Dims broadcastShape(const std::vector<Dims>& shapes);

struct BroadcastLoops {
  std::vector<std::int64_t> dims;                  // collapsed output dims (at least one)
  std::vector<std::vector<std::int64_t>> strides;  // per operand, per collapsed dim, in elements (0: repeated)
  std::int64_t total = 0;                          // output elements

  std::int64_t inner() const { return dims.back(); }
  std::int64_t rows() const { return dims.back() == 0 ? 0 : total / dims.back(); }
  std::int64_t innerStride(std::size_t operand) const { return strides[operand].back(); }
  // Element offset of `operand` at the start of output row `row` (all dims but the innermost).
  std::int64_t rowOffset(std::size_t operand, std::int64_t row) const {
    std::int64_t off = 0;
    for (std::size_t d = dims.size() - 1; d-- > 0;) {
      off += (row % dims[d]) * strides[operand][d];
      row /= dims[d];
    }
    return off;
  }
};

BroadcastLoops makeBroadcastLoops(const std::vector<Dims>& inputs, const Dims& out);

// Index of `axis` (negative counts from the end) in a tensor of this rank; e2e::Error when out of range.
std::int64_t normalizeAxis(std::int64_t axis, std::size_t rank);

}  // namespace e2e::runtime::cpu
