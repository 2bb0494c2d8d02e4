// Names of the precision modes (Session.hpp), shared by the command line and the benchmarks.
#include "e2e/core/Error.hpp"
#include "e2e/runtime/Session.hpp"

namespace e2e::runtime {

const char* precisionName(Precision p) {
  switch (p) {
    case Precision::Fp32: return "fp32";
    case Precision::Bf16: return "bf16";
    case Precision::Int8: return "int8";
  }
  return "?";
}

Precision parsePrecision(const std::string& name) {
  for (Precision p : {Precision::Fp32, Precision::Bf16, Precision::Int8})
    if (name == precisionName(p)) return p;
  fail("precision must be fp32, bf16 or int8 (got '", name, "')");
}

}  // namespace e2e::runtime
