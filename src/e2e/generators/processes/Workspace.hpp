#pragma once
// Per-thread scratch buffers of the generators: sized by the first events a thread makes, then reused, so that
// steady-state generation does not allocate. One per thread because generate() is const and thread-safe.
#include <vector>

#include "e2e/generators/physics/Hadronization.hpp"
#include "e2e/generators/physics/PartonShower.hpp"

namespace e2e::gen {

struct Workspace {
  std::vector<Parton> partons;
  PartonShower::Workspace shower;
  Hadronization::Workspace hadronization;
};

Workspace& threadWorkspace();

}  // namespace e2e::gen
