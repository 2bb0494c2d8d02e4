#include "e2e/runtime/plan/Plan.hpp"

#include <sstream>

#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"

namespace e2e::runtime {

int Plan::root(int t) const {
  while (tensors[t].kind == PlanTensor::Kind::Alias) t = tensors[t].index;
  return t;
}

std::string Plan::dump() const {
  std::ostringstream os;
  os << "plan batch=" << batch << " threads=" << threads << " steps=" << steps.size()
     << " arena=" << arenaBytes / 1024 << " KiB scratch=" << scratchBytes / 1024 << " KiB"
     << " flops=" << flops / 1e6 << " M\n";
  auto tensorText = [&](int t) -> std::string {
    if (t < 0) return "-";  // an omitted optional input
    const auto& pt = tensors[t];
    std::string s = pt.name + dimsToString(pt.dims);
    if (!pt.layout.plain) s.append("{").append(cpu::describeDesc(pt.layout.md)).append("}");
    return s;
  };
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const auto& st = steps[s];
    os << "  " << s << ": " << st.label << " (";
    for (std::size_t i = 0; i < st.in.size(); ++i) os << (i ? ", " : "") << tensorText(st.in[i]);
    os << ") -> ";
    for (std::size_t i = 0; i < st.out.size(); ++i) os << (i ? ", " : "") << tensorText(st.out[i]);
    std::string d = st.step->describe();
    if (!d.empty()) os << "  [" << d << "]";
    os << '\n';
  }
  return os.str();
}

}  // namespace e2e::runtime
