#pragma once
// Low-precision execution of the anchor ops (Node::precision, README "Precision modes"): data types, int8 weight
// quantisation and output scales, and the call that converts an fp32 activation into the primitive's
// bf16/u8/s8 source in scratch. Accumulation, post-ops and dst stay fp32.
#include <vector>

#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"

namespace e2e::runtime::cpu {

// Whether oneDNN runs bf16 natively here (avx512_bf16 or AMX), not emulated.
bool nativeBf16();
inline bool isLowPrecision(const NodePrecision& p) { return p.compute != DType::Float32; }
memory::data_type sourceType(const NodePrecision& p);   // f32, bf16, u8 or s8
memory::data_type weightsType(const NodePrecision& p);  // f32, bf16 or s8

// The same (plain or strided) layout with another element type.
memory::desc withType(const memory::desc& md, memory::data_type t);

// Int8 constants of an anchor op. Weights are quantised symmetrically with one scale per index of `axis` (the
// output channel): w ~= values * ws[c], values in [-127, 127]. The primitive computes
// dst = outputScales[c] * (sum(q_src * values) + bias[c]) (oneDNN 2.x applies output scales after the bias), then
// the post-ops, so outputScales[c] = inputScale * ws[c] and the bias is stored in accumulator units.
struct Int8Weights {
  Tensor values;                   // Int8, the weights' dims
  std::vector<float> outputScales;
  Tensor bias;                     // empty when the op has none
};
Int8Weights quantiseInt8(const NodePrecision& p, const Tensor& w, std::size_t axis, const Tensor& bias);

// Adds to `step` the conversion of input `input` (fp32, layout `from`) into `to` (the primitive's source type and
// layout) at scratch offset 0, scaled by 1 / inputScale for int8. Returns the scratch offset after it, where the
// primitive's own scratchpad goes; the caller requests scratch up to that offset plus its scratchpad.
int addSourceConversion(PlanContext& ctx, int input, const memory::desc& from, const memory::desc& to,
                        const NodePrecision& p, DnnlStep& step);

// Fails when oneDNN offers only its reference implementation for a low precision (the CPU lacks the instructions:
// avx512_bf16 / AMX for bf16, VNNI for int8), rather than silently running orders of magnitude slower.
void requireFastImpl(const NodePrecision& p, const char* implInfo);

}  // namespace e2e::runtime::cpu
