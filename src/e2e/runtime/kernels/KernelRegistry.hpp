#pragma once
// The explicit kernel tables, one per backend. No static self-registration: a static link could drop it.
#include <memory>
#include <span>
#include <string>

#include "e2e/runtime/kernels/Kernel.hpp"

namespace e2e::runtime {

enum class Backend { Cpu };

struct KernelEntry {
  const char* opType;
  int sinceOpset;  // first opset this entry implements
  int untilOpset;  // last one (inclusive)
  KernelFactory factory;
};

// Defined in kernels/cpu/CpuKernelTable.cpp.
std::span<const KernelEntry> cpuKernelTable();

const KernelEntry* findKernel(Backend backend, const std::string& opType, int opset);
// Builds the kernel for a node. Unsupported op, attribute or attribute value: e2e::Error naming the node.
std::unique_ptr<Kernel> createKernel(Backend backend, const Node& node, const Graph& graph);
// "node 'conv1' (Conv, opset 13)": the prefix of every error about a node.
std::string nodeWhere(const Node& node);

}  // namespace e2e::runtime
