#pragma once
// Minimal leveled logging to stderr. Info is shown by default; --quiet lowers it, E2E_LOG=debug raises it.
#include <string_view>

namespace e2e::log {

enum class Level { Debug = 0, Info = 1, Warn = 2, Quiet = 3 };

void setLevel(Level level);
Level level();
void write(Level level, std::string_view message);

inline void debug(std::string_view m) { write(Level::Debug, m); }
inline void info(std::string_view m) { write(Level::Info, m); }
inline void warn(std::string_view m) { write(Level::Warn, m); }

}  // namespace e2e::log
