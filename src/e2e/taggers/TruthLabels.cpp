#include "e2e/taggers/TruthLabels.hpp"

#include <cstdlib>

namespace e2e::taggers {

Task taskFromName(std::string_view name) {
  if (name == "egamma") return Task::EGamma;
  if (name == "qg") return Task::QuarkGluon;
  if (name == "top") return Task::Top;
  if (name == "tau") return Task::Tau;
  if (name == "mass") return Task::Mass;
  return Task::Unknown;
}

const char* taskName(Task t) {
  switch (t) {
    case Task::EGamma: return "egamma";
    case Task::QuarkGluon: return "qg";
    case Task::Top: return "top";
    case Task::Tau: return "tau";
    case Task::Mass: return "mass";
    case Task::Unknown: break;
  }
  return "unknown";
}

bool isRegression(Task t) { return t == Task::Mass; }

const char* taskSignalVsBackground(Task t) {
  switch (t) {
    case Task::EGamma: return "electron vs photon";
    case Task::QuarkGluon: return "quark vs gluon";
    case Task::Top: return "top vs QCD";
    case Task::Tau: return "tau vs QCD";
    case Task::Mass: return "mass regression";
    case Task::Unknown: break;
  }
  return "";
}

std::int8_t truthLabel(Task task, std::int32_t pdg) {
  const int a = std::abs(pdg);
  const bool quark = a >= 1 && a <= 5;
  const bool gluon = a == 21;
  switch (task) {
    case Task::EGamma: return a == 11 ? 1 : (a == 22 ? 0 : -1);
    case Task::QuarkGluon: return quark ? 1 : (gluon ? 0 : -1);
    case Task::Top: return a == 6 ? 1 : (quark || gluon ? 0 : -1);
    case Task::Tau: return a == 15 ? 1 : (quark || gluon ? 0 : -1);
    case Task::Mass:
    case Task::Unknown: break;
  }
  return -1;
}

}  // namespace e2e::taggers
