#include "e2e/runtime/kernels/cpu/Window.hpp"

#include "e2e/core/Error.hpp"

namespace e2e::runtime::cpu {

Window Window::parse(const Attributes& a, std::size_t spatial, const std::vector<std::int64_t>& kernel,
                     bool allowCeil, bool allowDilation) {
  Window w;
  w.kernel = kernel.empty() ? a.getInts("kernel_shape") : kernel;
  if (!kernel.empty() && a.has("kernel_shape") && a.getInts("kernel_shape") != kernel)
    fail("kernel_shape does not match the weights");
  if (w.kernel.size() != spatial) fail("kernel_shape has ", w.kernel.size(), " entries for ", spatial, " spatial axes");
  w.strides = a.getInts("strides", std::vector<std::int64_t>(spatial, 1));
  w.dilations = a.getInts("dilations", std::vector<std::int64_t>(spatial, 1));
  if (!allowDilation) {
    for (auto d : w.dilations)
      if (d != 1) fail("dilations other than 1 are not supported here");
  }
  auto pads = a.getInts("pads", std::vector<std::int64_t>(2 * spatial, 0));
  w.autoPad = a.getString("auto_pad", "NOTSET");
  if (allowCeil) w.ceilMode = a.getInt("ceil_mode", 0) != 0;
  if (w.strides.size() != spatial || w.dilations.size() != spatial || pads.size() != 2 * spatial)
    fail("strides/dilations/pads do not match ", spatial, " spatial axes");
  for (std::size_t i = 0; i < spatial; ++i) {
    if (w.kernel[i] < 1 || w.strides[i] < 1 || w.dilations[i] < 1) fail("kernel, strides and dilations must be positive");
    if (pads[i] < 0 || pads[i + spatial] < 0) fail("negative pads are not supported");
  }
  w.padBegin.assign(pads.begin(), pads.begin() + static_cast<std::ptrdiff_t>(spatial));
  w.padEnd.assign(pads.begin() + static_cast<std::ptrdiff_t>(spatial), pads.end());
  if (w.autoPad != "NOTSET" && w.autoPad != "VALID" && w.autoPad != "SAME_UPPER" && w.autoPad != "SAME_LOWER")
    fail("auto_pad '", w.autoPad, "' is not supported");
  return w;
}

std::vector<std::int64_t> Window::resolve(const std::vector<std::int64_t>& in) {
  const std::size_t n = in.size();
  std::vector<std::int64_t> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t ek = (kernel[i] - 1) * dilations[i] + 1;
    if (autoPad == "VALID") {
      padBegin[i] = padEnd[i] = 0;
    } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
      std::int64_t o = (in[i] + strides[i] - 1) / strides[i];
      std::int64_t total = std::max<std::int64_t>(0, (o - 1) * strides[i] + ek - in[i]);
      std::int64_t small = total / 2, big = total - small;
      padBegin[i] = autoPad == "SAME_UPPER" ? small : big;
      padEnd[i] = autoPad == "SAME_UPPER" ? big : small;
    }
    std::int64_t span = in[i] + padBegin[i] + padEnd[i] - ek;
    if (span < 0) fail("window larger than the padded input on spatial axis ", i);
    std::int64_t o = ceilMode ? (span + strides[i] - 1) / strides[i] + 1 : span / strides[i] + 1;
    // ONNX (like PyTorch) drops a last window that would start inside the end padding.
    if (ceilMode && (o - 1) * strides[i] >= in[i] + padBegin[i]) --o;
    out[i] = o;
    // oneDNN has no ceil mode: extend the end padding so its floor formula yields the same count.
    std::int64_t needEnd = (o - 1) * strides[i] + ek - in[i] - padBegin[i];
    if (needEnd > padEnd[i]) padEnd[i] = needEnd;
  }
  return out;
}

}  // namespace e2e::runtime::cpu
