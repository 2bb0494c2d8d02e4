#pragma once
// Error types. A user mistake (bad input, bad option, bad file) is an e2e::Error: the CLI prints its message
// on one line and exits 1. A broken invariant inside e2e is a std::logic_error and a bug.
#include <stdexcept>
#include <string>

namespace e2e {

class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// A command-line usage mistake: exit code 2.
class UsageError : public Error {
public:
  using Error::Error;
};

// Concatenates anything streamable into one message.
template <class... Args>
[[nodiscard]] std::string cat(const Args&... args);

template <class... Args>
[[noreturn]] void fail(const Args&... args) {
  throw Error(cat(args...));
}

}  // namespace e2e

#include <sstream>
template <class... Args>
std::string e2e::cat(const Args&... args) {
  std::ostringstream os;
  (os << ... << args);
  return os.str();
}
