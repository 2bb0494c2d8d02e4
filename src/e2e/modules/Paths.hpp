#pragma once
// Input files named in a run configuration: as given (relative to the working directory), else relative to the
// configuration's own directory, so `e2e run configs/x.toml` works from anywhere for files shipped beside it.
#include <filesystem>
#include <string>

#include "e2e/framework/Registry.hpp"

namespace e2e::modules {

inline std::string resolveInput(const std::string& path, const fw::RunSettings& run) {
  namespace fs = std::filesystem;
  if (fs::exists(path) || fs::path(path).is_absolute() || run.configDir.empty()) return path;
  const fs::path beside = fs::path(run.configDir) / path;
  return fs::exists(beside) ? beside.string() : path;
}

}  // namespace e2e::modules
