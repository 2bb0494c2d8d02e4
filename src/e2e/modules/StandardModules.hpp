#pragma once
#include "e2e/framework/Registry.hpp"

namespace e2e::modules {

// Registers every module type e2e ships: the one explicit registration table.
void registerStandardModules(fw::ModuleRegistry& registry);
fw::ModuleRegistry standardRegistry();

}  // namespace e2e::modules
