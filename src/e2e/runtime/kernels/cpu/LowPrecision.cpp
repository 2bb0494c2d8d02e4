#include "e2e/runtime/kernels/cpu/LowPrecision.hpp"

#include <algorithm>
#include <cmath>

#include "e2e/core/Error.hpp"

namespace e2e::runtime::cpu {

bool nativeBf16() {
  const auto isa = static_cast<unsigned>(dnnl::get_effective_cpu_isa());
  const auto bf16 = static_cast<unsigned>(dnnl::cpu_isa::avx512_core_bf16);
  return (isa & bf16) == bf16;
}

memory::data_type sourceType(const NodePrecision& p) {
  if (p.compute == DType::BFloat16) return memory::data_type::bf16;
  if (p.compute == DType::Int8) return p.inputUnsigned ? memory::data_type::u8 : memory::data_type::s8;
  return memory::data_type::f32;
}

memory::data_type weightsType(const NodePrecision& p) {
  if (p.compute == DType::BFloat16) return memory::data_type::bf16;
  if (p.compute == DType::Int8) return memory::data_type::s8;
  return memory::data_type::f32;
}

memory::desc withType(const memory::desc& md, memory::data_type t) {
  memory::desc r = md;
  r.data.data_type = memory::convert_to_c(t);
  return r;
}

Int8Weights quantiseInt8(const NodePrecision& p, const Tensor& w, std::size_t axis, const Tensor& bias) {
  const Dims& d = w.dims();
  if (w.dtype() != DType::Float32 || axis >= d.size()) fail("int8: weights must be float32 with a channel axis");
  const std::int64_t channels = d[axis];
  std::int64_t inner = 1;
  for (std::size_t i = axis + 1; i < d.size(); ++i) inner *= d[i];
  const float* src = w.data<float>();
  auto channelOf = [&](std::int64_t i) { return static_cast<std::size_t>((i / inner) % channels); };
  std::vector<float> ws(static_cast<std::size_t>(channels), 0.f);
  for (std::int64_t i = 0; i < w.numel(); ++i) ws[channelOf(i)] = std::max(ws[channelOf(i)], std::abs(src[i]));
  for (float& s : ws) s = s > 0.f ? s / 127.f : 1.f;
  Int8Weights q{Tensor(DType::Int8, d), std::vector<float>(ws.size()), {}};
  auto* dst = q.values.data<std::int8_t>();
  for (std::int64_t i = 0; i < w.numel(); ++i)
    dst[i] = static_cast<std::int8_t>(std::clamp(std::nearbyint(src[i] / ws[channelOf(i)]), -127.f, 127.f));
  for (std::size_t c = 0; c < ws.size(); ++c) q.outputScales[c] = p.inputScale * ws[c];
  if (!bias.empty()) {
    if (bias.dtype() != DType::Float32 || static_cast<std::size_t>(bias.numel()) != ws.size())
      fail("int8: bias must be float32 with one value per output channel (", ws.size(), ")");
    q.bias = Tensor(DType::Float32, bias.dims());
    for (std::size_t c = 0; c < ws.size(); ++c) q.bias.data<float>()[c] = bias.data<float>()[c] / q.outputScales[c];
  }
  return q;
}

int addSourceConversion(PlanContext& ctx, int input, const memory::desc& from, const memory::desc& to,
                        const NodePrecision& p, DnnlStep& step) {
  dnnl::primitive_attr attr;
  attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
  if (p.compute == DType::Int8) attr.set_output_scales(0, {1.f / p.inputScale});
  dnnl::reorder::primitive_desc pd(ctx.engine(), from, ctx.engine(), to, attr);
  const int after = static_cast<int>((to.get_size() + 63) / 64 * 64);
  ctx.requestScratch(static_cast<std::size_t>(after) + pd.scratchpad_desc().get_size());
  DnnlCall call{dnnl::reorder(pd), {}};
  call.args.push_back({DNNL_ARG_FROM, DnnlArg::Src::Input, input, from, {}});
  call.args.push_back({DNNL_ARG_TO, DnnlArg::Src::Scratch, 0, to, {}});
  call.args.push_back({DNNL_ARG_SCRATCHPAD, DnnlArg::Src::Scratch, after, pd.scratchpad_desc(), {}});
  step.add(std::move(call));
  return after;
}

void requireFastImpl(const NodePrecision& p, const char* implInfo) {
  if (isLowPrecision(p) && isReferenceImpl(implInfo))
    fail(p.compute == DType::BFloat16 ? "bf16" : "int8", " precision: oneDNN has only its reference implementation (",
         implInfo, ") on this CPU");
}

}  // namespace e2e::runtime::cpu
