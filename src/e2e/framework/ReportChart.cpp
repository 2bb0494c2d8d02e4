// The PNG of a run report, drawn by matplotlib: the Debian python3-matplotlib the project already needs for
// training plots gives labelled, readable charts for a few lines, where libpng would need our own text rendering.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "e2e/framework/RunReport.hpp"

extern char** environ;

namespace e2e::fw {
namespace {

constexpr const char* kPython = "/usr/bin/python3";

constexpr const char* kScript = R"PY(
import json, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
rep = json.load(open(sys.argv[1]))
mods = rep["modules"]
cats = rep["categories"]
fig, (a, b) = plt.subplots(1, 2, figsize=(13, max(3.0, 0.45 * len(mods) + 1.5)))
names = [f'{m["name"]} ({m["type"]})' for m in mods][::-1]
a.barh(names, [m["ms_per_event"] for m in mods][::-1], color="tab:blue")
a.set_xlabel("ms per event (summed over threads)")
a.set_title("time per module")
b.barh([c["category"] for c in cats][::-1], [c["ms_per_event"] for c in cats][::-1], color="tab:orange")
b.set_xlabel("ms per event")
b.set_title("time per category")
title = f'{rep["config"]}: {rep["events"]} events, {rep["threads"]} threads, {rep["events_per_second"]:.1f} events/s'
if rep["objects"]:
    title += f', {rep["objects_per_second"]:.1f} objects/s'
fig.suptitle(title)
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=100)
)PY";

}  // namespace

std::string writeReportChart(const std::string& jsonPath, const std::string& pngPath) {
  if (access(kPython, X_OK) != 0) return std::string(kPython) + " not found (install python3-matplotlib)";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::string script = kScript;
  std::string a0 = kPython, a1 = "-c", a3 = jsonPath, a4 = pngPath;
  char* argv[] = {a0.data(), a1.data(), script.data(), a3.data(), a4.data(), nullptr};
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, kPython, &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return std::string("cannot start ") + kPython;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::filesystem::exists(pngPath))
    return std::string(kPython) + " could not draw the chart (is python3-matplotlib installed?)";
  return {};
}

}  // namespace e2e::fw
