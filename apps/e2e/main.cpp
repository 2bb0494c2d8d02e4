// e2e: the command line. Usage mistakes exit 2, runtime failures exit 1, each with one line on stderr.
#include <cstdio>
#include <exception>

#include "Commands.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/core/Log.hpp"

namespace {

using Register = void (*)(CLI::App&, e2e::cli::GlobalOptions&);

// The explicit subcommand table (no static self-registration: a static link could drop it).
constexpr Register kCommands[] = {
    e2e::cli::registerDemo,
    e2e::cli::registerGenerate,
    e2e::cli::registerSimulate,
    e2e::cli::registerInfo,
    e2e::cli::registerRun,
    e2e::cli::registerFrames,
    e2e::cli::registerShow,
    e2e::cli::registerInfer,
    e2e::cli::registerBench,
    e2e::cli::registerBenchFrames,
    e2e::cli::registerBenchPipeline,
};

std::string joinArgs(int argc, char** argv) {
  std::string s;
  for (int i = 0; i < argc; ++i) {
    if (i) s += ' ';
    s += argv[i];
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  e2e::cli::GlobalOptions global;
  global.commandLine = joinArgs(argc, argv);
  CLI::App app{"e2e - end-to-end deep-learning reconstruction, standalone and fast"};
  app.set_version_flag("--version", std::string("e2e ") + E2E_VERSION);
  app.add_option("--threads", global.threads, "Worker threads (0: all cores)")->check(CLI::NonNegativeNumber);
  app.add_option("--seed", global.seed, "Run seed: every random stream derives from (seed, event index)");
  app.add_flag("-q,--quiet", global.quiet, "Only warnings and errors on stderr");
  app.require_subcommand(1);
  app.fallthrough();
  for (Register r : kCommands) r(app, global);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "e2e: usage error: %s (see e2e --help)\n", e.what());
    return 2;
  } catch (const e2e::UsageError& e) {
    std::fprintf(stderr, "e2e: usage error: %s\n", e.what());
    return 2;
  } catch (const e2e::Error& e) {
    std::fprintf(stderr, "e2e: error: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "e2e: internal error: %s\n", e.what());
    return 1;
  }
  return 0;
}
