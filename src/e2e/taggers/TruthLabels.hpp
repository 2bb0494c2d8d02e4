#pragma once
// Which truth-matched objects count as signal (1) and background (0) for each tagger task, from the truth columns
// reco fills (reconstruction/TruthMatcher.hpp). -1: the object takes no part in that task's AUC (unmatched, or a
// kind the task does not separate, e.g. a pi0 for e/gamma).
#include <cstdint>
#include <string_view>

namespace e2e::taggers {

enum class Task : std::uint8_t { EGamma, QuarkGluon, Top, Tau, Mass, Unknown };

// The task names used in model cards ("egamma", "qg", "top", "tau", "mass").
Task taskFromName(std::string_view name);
const char* taskName(Task t);
bool isRegression(Task t);
// What label 1 means, for tables ("electron vs photon").
const char* taskSignalVsBackground(Task t);

std::int8_t truthLabel(Task task, std::int32_t truthPdgId);

}  // namespace e2e::taggers
