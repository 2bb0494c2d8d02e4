#pragma once
// Own loops for reductions over one contiguous run of axes ([outer, reduced, inner] after collapsing), used where
// oneDNN 2.6 only offers its reference reduction (e.g. the max over the k neighbours of an EdgeConv,
// [B, N, k, F] -> [B, N, F]), which is an order of magnitude slower.
#include <oneapi/dnnl/dnnl.hpp>

#include <memory>

#include "e2e/runtime/kernels/Kernel.hpp"

namespace e2e::runtime::cpu {

// `x`: input dims; `keep`: the same dims with every reduced axis set to 1. nullptr when the reduced axes are not
// one contiguous run or the algorithm is not max, min, sum or mean.
std::unique_ptr<Step> makeContiguousReduceStep(dnnl::algorithm alg, const Dims& x, const Dims& keep);

}  // namespace e2e::runtime::cpu
