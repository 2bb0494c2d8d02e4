#include "Commands.hpp"

#include "e2e/core/Error.hpp"

namespace e2e::cli {

void registerInfo(CLI::App& app, GlobalOptions&) {
  auto* sub = app.add_subcommand("info", "Describe an e2e event file or dataset");
  static std::string path;
  sub->add_option("file", path, "File to describe")->required();
  sub->callback([] { fail(path, ": not implemented yet"); });
}

}  // namespace e2e::cli
