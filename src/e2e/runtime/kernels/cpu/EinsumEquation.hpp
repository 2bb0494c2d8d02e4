#pragma once
// Einsum equations ("bij,bjk->bik", "...ii->...i", implicit "ij,jk") resolved against concrete operand shapes:
// every label (letters, plus one per broadcast "..." dim) gets a size, a stride per operand (summed where a
// label repeats, which walks a diagonal; 0 where absent or broadcast), and a place in the output or the sum.
#include <cstdint>
#include <string>
#include <vector>

#include "e2e/runtime/ir/Tensor.hpp"

namespace e2e::runtime::cpu {

struct EinsumTerm {
  std::vector<int> labels;  // letters as 0..51; kEllipsis where "..." stands
  bool hasEllipsis = false;
};

struct EinsumEquation {
  static constexpr int kEllipsis = -1;
  std::vector<EinsumTerm> inputs;
  EinsumTerm output;
  bool explicitOutput = false;

  // Throws e2e::Error for a malformed equation.
  static EinsumEquation parse(const std::string& text);
};

struct EinsumPlan {
  Dims outDims;
  std::vector<std::int64_t> outSizes, sumSizes;                // per output label / summed label
  std::vector<std::vector<std::int64_t>> outStrides, sumStrides;  // [operand][label], elements
  std::int64_t outTotal = 1, sumTotal = 1;
};

// Throws e2e::Error when the shapes do not fit the equation.
EinsumPlan planEinsum(const EinsumEquation& eq, const std::vector<Dims>& shapes);

}  // namespace e2e::runtime::cpu
