#pragma once
// Factories of the CPU kernels, one per file in this folder; CpuKernelTable.cpp maps op types to them.
#include <memory>

#include "e2e/runtime/kernels/Kernel.hpp"

namespace e2e::runtime::cpu {

std::unique_ptr<Kernel> makeConv(const KernelArgs& a);
std::unique_ptr<Kernel> makeGemm(const KernelArgs& a);
std::unique_ptr<Kernel> makeMatMul(const KernelArgs& a);
std::unique_ptr<Kernel> makePool(const KernelArgs& a);        // MaxPool, AveragePool
std::unique_ptr<Kernel> makeGlobalPool(const KernelArgs& a);  // GlobalMaxPool, GlobalAveragePool
std::unique_ptr<Kernel> makeBatchNorm(const KernelArgs& a);
std::unique_ptr<Kernel> makeUnary(const KernelArgs& a);       // activations and math on oneDNN eltwise
std::unique_ptr<Kernel> makeErf(const KernelArgs& a);
std::unique_ptr<Kernel> makeBinary(const KernelArgs& a);      // Add, Sub, Mul, Div, Pow with broadcasting
std::unique_ptr<Kernel> makeReshape(const KernelArgs& a);     // Reshape, Flatten, Squeeze, Unsqueeze (views)
std::unique_ptr<Kernel> makeTranspose(const KernelArgs& a);
std::unique_ptr<Kernel> makeConcat(const KernelArgs& a);
std::unique_ptr<Kernel> makeSoftmax(const KernelArgs& a);     // Softmax, LogSoftmax
std::unique_ptr<Kernel> makeReduce(const KernelArgs& a);      // ReduceMax, ReduceMean, ReduceSum
std::unique_ptr<Kernel> makeShape(const KernelArgs& a);
std::unique_ptr<Kernel> makeGather(const KernelArgs& a);
std::unique_ptr<Kernel> makeCast(const KernelArgs& a);
std::unique_ptr<Kernel> makeIdentity(const KernelArgs& a);    // Identity, Dropout (inference)

std::unique_ptr<Kernel> makeLayerNorm(const KernelArgs& a);
std::unique_ptr<Kernel> makeSlice(const KernelArgs& a);
std::unique_ptr<Kernel> makeSplit(const KernelArgs& a);
std::unique_ptr<Kernel> makeExpand(const KernelArgs& a);
std::unique_ptr<Kernel> makeWhere(const KernelArgs& a);
std::unique_ptr<Kernel> makeCompare(const KernelArgs& a);         // Equal, Greater, Less, GreaterOrEqual, LessOrEqual
std::unique_ptr<Kernel> makeConstantOfShape(const KernelArgs& a);
std::unique_ptr<Kernel> makeRange(const KernelArgs& a);
std::unique_ptr<Kernel> makeTopK(const KernelArgs& a);
std::unique_ptr<Kernel> makeGatherElements(const KernelArgs& a);
std::unique_ptr<Kernel> makeScatterElements(const KernelArgs& a);
std::unique_ptr<Kernel> makeScatterND(const KernelArgs& a);
std::unique_ptr<Kernel> makeEinsum(const KernelArgs& a);
std::unique_ptr<Kernel> makeLog(const KernelArgs& a);           // libm accuracy (oneDNN eltwise_log is not)
std::unique_ptr<Kernel> makeSize(const KernelArgs& a);
std::unique_ptr<Kernel> makeLogical(const KernelArgs& a);       // And, Or, Xor, Not
std::unique_ptr<Kernel> makeVariadic(const KernelArgs& a);      // Max, Min, Sum, Mean (n inputs, broadcasting)
std::unique_ptr<Kernel> makeArgReduce(const KernelArgs& a);     // ArgMax, ArgMin

// Engine-internal fused operators (domain e2e, see ir/FusedOps.hpp).
std::unique_ptr<Kernel> makeGelu(const KernelArgs& a);
std::unique_ptr<Kernel> makeAttention(const KernelArgs& a);

}  // namespace e2e::runtime::cpu
