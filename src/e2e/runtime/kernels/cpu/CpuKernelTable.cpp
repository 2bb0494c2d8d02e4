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
    {"Log", 11, kLast, makeLog},
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
    {"LayerNormalization", 17, kLast, makeLayerNorm},
    {"Slice", 11, kLast, makeSlice},
    {"Split", 11, kLast, makeSplit},
    {"Expand", 11, kLast, makeExpand},
    {"Where", 11, kLast, makeWhere},
    {"Equal", 11, kLast, makeCompare},
    {"Greater", 11, kLast, makeCompare},
    {"Less", 11, kLast, makeCompare},
    {"GreaterOrEqual", 12, kLast, makeCompare},
    {"LessOrEqual", 12, kLast, makeCompare},
    {"ConstantOfShape", 11, kLast, makeConstantOfShape},
    {"Range", 11, kLast, makeRange},
    {"TopK", 11, kLast, makeTopK},
    {"GatherElements", 11, kLast, makeGatherElements},
    {"ScatterElements", 11, kLast, makeScatterElements},
    {"ScatterND", 11, kLast, makeScatterND},
    {"Einsum", 12, kLast, makeEinsum},
    {"Size", 11, kLast, makeSize},
    {"And", 11, kLast, makeLogical},
    {"Or", 11, kLast, makeLogical},
    {"Xor", 11, kLast, makeLogical},
    {"Not", 11, kLast, makeLogical},
    {"Max", 11, kLast, makeVariadic},
    {"Min", 11, kLast, makeVariadic},
    {"Sum", 11, kLast, makeVariadic},
    {"Mean", 11, kLast, makeVariadic},
    {"ArgMax", 11, kLast, makeArgReduce},
    {"ArgMin", 11, kLast, makeArgReduce},
    {"Gelu", 11, kLast, makeGelu},            // fused (domain e2e)
    {"Attention", 11, kLast, makeAttention},  // fused (domain e2e)
};
}  // namespace

std::span<const KernelEntry> cpuKernelTable() { return kCpuKernels; }

}  // namespace e2e::runtime
