#include "Commands.hpp"

#include <cstdio>

namespace e2e::cli {

void registerDemo(CLI::App& app, GlobalOptions& global) {
  auto* sub = app.add_subcommand("demo", "Run the main job on embedded defaults and print a summary");
  sub->callback([&global] { std::printf("e2e demo: nothing to run yet (seed %llu)\n", static_cast<unsigned long long>(global.seed)); });
}

}  // namespace e2e::cli
