// The CPU backend's operator table. One line per (op, opset range); the factory handles opset differences
// inside its range. Add new kernels here (README: "Adding an operator").
#include "e2e/runtime/kernels/KernelRegistry.hpp"
#include "e2e/runtime/kernels/cpu/CpuKernels.hpp"

namespace e2e::runtime {

namespace {
using namespace cpu;
constexpr int kLast = 18;

const KernelEntry kCpuKernels[] = {
    {"Conv", 11, kLast, makeConv},
    {"Gemm", 11, kLast, makeGemm},
    {"MatMul", 11, kLast, makeMatMul},
    {"MaxPool", 11, kLast, makePool},
    {"AveragePool", 11, kLast, makePool},
    {"GlobalMaxPool", 11, kLast, makeGlobalPool},
    {"GlobalAveragePool", 11, kLast, makeGlobalPool},
    {"BatchNormalization", 11, kLast, makeBatchNorm},
    {"Relu", 11, kLast, makeUnary},
    {"LeakyRelu", 11, kLast, makeUnary},
    {"Sigmoid", 11, kLast, makeUnary},
    {"Tanh", 11, kLast, makeUnary},
    {"Clip", 11, kLast, makeUnary},
    {"Elu", 11, kLast, makeUnary},
    {"Sqrt", 11, kLast, makeUnary},
    {"Neg", 11, kLast, makeUnary},
    {"Exp", 11, kLast, makeUnary},
    {"Log", 11, kLast, makeUnary},
    {"Abs", 11, kLast, makeUnary},
    {"Erf", 11, kLast, makeErf},
    {"Add", 11, kLast, makeBinary},
    {"Sub", 11, kLast, makeBinary},
    {"Mul", 11, kLast, makeBinary},
    {"Div", 11, kLast, makeBinary},
    {"Pow", 11, kLast, makeBinary},
    {"Reshape", 11, kLast, makeReshape},
    {"Flatten", 11, kLast, makeReshape},
    {"Squeeze", 11, kLast, makeReshape},
    {"Unsqueeze", 11, kLast, makeReshape},
    {"Transpose", 11, kLast, makeTranspose},
    {"Concat", 11, kLast, makeConcat},
    {"Softmax", 11, kLast, makeSoftmax},
    {"LogSoftmax", 11, kLast, makeSoftmax},
    {"ReduceMax", 11, kLast, makeReduce},
    {"ReduceMean", 11, kLast, makeReduce},
    {"ReduceSum", 11, kLast, makeReduce},
    {"Shape", 11, kLast, makeShape},
    {"Gather", 11, kLast, makeGather},
    {"Cast", 11, kLast, makeCast},
    {"Identity", 11, kLast, makeIdentity},
    {"Dropout", 11, kLast, makeIdentity},
};
}  // namespace

std::span<const KernelEntry> cpuKernelTable() { return kCpuKernels; }

}  // namespace e2e::runtime
