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

}  // namespace e2e::runtime::cpu
