#include "e2e/core/Log.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace e2e::log {
namespace {
Level initialLevel() {
  const char* env = std::getenv("E2E_LOG");
  if (env && std::strcmp(env, "debug") == 0) return Level::Debug;
  return Level::Info;
}
std::atomic<Level> g_level{initialLevel()};
std::mutex g_mutex;
}  // namespace

void setLevel(Level l) { g_level = l; }
Level level() { return g_level; }

void write(Level l, std::string_view message) {
  if (l < g_level.load()) return;
  std::lock_guard lock(g_mutex);
  const char* prefix = l == Level::Warn ? "e2e: warning: " : (l == Level::Debug ? "e2e: debug: " : "");
  std::fprintf(stderr, "%s%.*s\n", prefix, static_cast<int>(message.size()), message.data());
}

}  // namespace e2e::log
