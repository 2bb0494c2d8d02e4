// Slice (negative and out-of-range bounds, negative steps, omitted axes/steps), Split (attribute, input and
// opset-18 num_outputs forms) and Expand against index-by-index references. Data is float32 and int64 so the
// byte-size dispatch is exercised.
#include "TypedOpUtil.hpp"

namespace e2e::test {
namespace {

// Reference Slice: per axis the list of selected indices, following the ONNX clamping rules.
std::vector<std::vector<std::int64_t>> sliceIndices(const Dims& x, const std::vector<std::int64_t>& starts,
                                                    const std::vector<std::int64_t>& ends,
                                                    const std::vector<std::int64_t>& axes,
                                                    const std::vector<std::int64_t>& steps) {
  std::vector<std::vector<std::int64_t>> sel(x.size());
  for (std::size_t d = 0; d < x.size(); ++d)
    for (std::int64_t i = 0; i < x[d]; ++i) sel[d].push_back(i);
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const auto r = static_cast<std::int64_t>(x.size());
    const std::size_t ax = static_cast<std::size_t>(axes[k] < 0 ? axes[k] + r : axes[k]);
    const std::int64_t n = x[ax], st = steps[k];
    std::int64_t b = starts[k] < 0 ? starts[k] + n : starts[k];
    std::int64_t e = ends[k] < 0 ? ends[k] + n : ends[k];
    sel[ax].clear();
    if (st > 0) {
      b = std::clamp<std::int64_t>(b, 0, n);
      e = std::clamp<std::int64_t>(e, 0, n);
      for (std::int64_t i = b; i < e; i += st) sel[ax].push_back(i);
    } else {
      b = std::clamp<std::int64_t>(b, 0, n - 1);
      e = std::clamp<std::int64_t>(e, -1, n - 1);
      for (std::int64_t i = b; i > e; i += st) sel[ax].push_back(i);
    }
  }
  return sel;
}

TEST(SliceOp, RandomBoundsAxesAndSteps) {
  Rng rng(611);
  for (int c = 0; c < 40; ++c) {
    const Dims x = randomDims(rng, static_cast<std::size_t>(randInt(rng, 1, 4)), 1, 7);
    const auto rank = static_cast<std::int64_t>(x.size());
    std::vector<std::int64_t> axes, starts, ends, steps;
    for (std::int64_t d = 0; d < rank; ++d) {
      if (!rng.accept(0.7)) continue;
      axes.push_back(rng.accept(0.3) ? d - rank : d);
      const std::int64_t n = x[d];
      starts.push_back(rng.accept(0.1) ? -1000 : randInt(rng, -n - 2, n + 2));
      ends.push_back(rng.accept(0.15) ? (rng.accept(0.5) ? INT64_MAX : INT64_MIN) : randInt(rng, -n - 2, n + 2));
      steps.push_back(rng.accept(0.6) ? 1 : (rng.accept(0.5) ? randInt(rng, 2, 3) : -randInt(rng, 1, 3)));
    }
    if (axes.empty()) {
      axes = {0};
      starts = {0};
      ends = {x[0]};
      steps = {1};
    }
    // Half the cases omit axes (when they are 0..k-1 in order) or steps (when all 1).
    bool naturalAxes = true, unitSteps = true;
    for (std::size_t k = 0; k < axes.size(); ++k) {
      naturalAxes = naturalAxes && axes[k] == static_cast<std::int64_t>(k);
      unitSteps = unitSteps && steps[k] == 1;
    }
    const bool isInt = rng.accept(0.3);
    OnnxBuilder b(13);
    b.input("x", x, isInt ? kInt64 : kFloat).output("y", isInt ? kInt64 : kFloat);
    addInitializerInt64(b, "starts", starts);
    addInitializerInt64(b, "ends", ends);
    addInitializerInt64(b, "axes", axes);
    addInitializerInt64(b, "steps", steps);
    std::vector<std::string> ins{"x", "starts", "ends"};
    const bool omitSteps = unitSteps && rng.accept(0.5), omitAxes = naturalAxes && omitSteps && rng.accept(0.5);
    if (!omitAxes) ins.push_back("axes");
    if (!omitSteps) ins.push_back("steps");
    b.node("Slice", ins, {"y"});
    auto s = b.session();
    const auto sel = sliceIndices(x, starts, ends, axes, steps);
    Dims yd;
    for (const auto& v : sel) yd.push_back(static_cast<std::int64_t>(v.size()));
    const std::string what = "slice " + runtime::dimsToString(x) + " case " + std::to_string(c);
    ASSERT_EQ(s.outputDims(0, x[0]), yd) << what;
    const Dims xs = stridesOf(x);
    std::vector<std::int64_t> xv(static_cast<std::size_t>(product(x)));
    for (std::size_t i = 0; i < xv.size(); ++i) xv[i] = static_cast<std::int64_t>(i) * 7 - 3;
    std::vector<std::int64_t> want(static_cast<std::size_t>(product(yd)));
    for (std::size_t o = 0; o < want.size(); ++o) {
      const Dims idx = unravel(static_cast<std::int64_t>(o), yd);
      std::int64_t off = 0;
      for (std::size_t d = 0; d < idx.size(); ++d) off += sel[d][idx[d]] * xs[d];
      want[o] = xv[off];
    }
    if (isInt) {
      EXPECT_EQ(runTyped(s, {HostTensor::of(x, xv)}, x[0])[0].as<std::int64_t>(), want) << what;
    } else {
      std::vector<float> xf(xv.begin(), xv.end());
      const auto got = runTyped(s, {HostTensor::of(x, xf)}, x[0])[0].as<float>();
      EXPECT_EQ(std::vector<std::int64_t>(got.begin(), got.end()), want) << what;
    }
  }
}

TEST(SplitOp, AttributeInputAndNumOutputsForms) {
  Rng rng(612);
  for (int c = 0; c < 24; ++c) {
    const Dims x = randomDims(rng, static_cast<std::size_t>(randInt(rng, 1, 4)), 1, 6);
    const auto rank = static_cast<std::int64_t>(x.size());
    const std::int64_t ax = randInt(rng, 0, rank - 1), len = x[ax];
    const int form = c % 3;  // 0: opset 11 attribute, 1: opset 13 input, 2: opset 18 num_outputs
    std::vector<std::int64_t> sizes;
    if (form == 2) {
      const std::int64_t parts = randInt(rng, 1, std::min<std::int64_t>(len, 4));
      const std::int64_t each = (len + parts - 1) / parts;
      for (std::int64_t k = 0; k < parts; ++k) sizes.push_back(std::max<std::int64_t>(0, std::min(each, len - k * each)));
    } else {
      std::int64_t left = len;
      while (left > 0) {
        sizes.push_back(randInt(rng, 1, left));
        left -= sizes.back();
      }
      if (rng.accept(0.3)) sizes.push_back(0);  // an empty part is legal
    }
    OnnxBuilder b(form == 0 ? 11 : form == 1 ? 13 : 18);
    b.input("x", x);
    std::vector<std::string> outs;
    for (std::size_t k = 0; k < sizes.size(); ++k) {
      outs.push_back(indexedName("y", k));
      b.output(outs.back());
    }
    std::vector<std::string> ins{"x"};
    if (form == 1) {
      addInitializerInt64(b, "split", sizes);
      ins.push_back("split");
    }
    auto& n = b.node("Split", ins, outs);
    OnnxBuilder::attr(n, "axis", rng.accept(0.5) ? ax : ax - rank);
    if (form == 0) OnnxBuilder::attrInts(n, "split", sizes);
    if (form == 2) OnnxBuilder::attr(n, "num_outputs", static_cast<std::int64_t>(sizes.size()));
    auto s = b.session();
    const auto xv = randomVec(rng, static_cast<std::size_t>(product(x)));
    const auto got = runFloat(s, {xv}, x[0]);
    const Dims xs = stridesOf(x);
    std::int64_t first = 0;
    for (std::size_t k = 0; k < sizes.size(); ++k) {
      Dims yd = x;
      yd[ax] = sizes[k];
      ASSERT_EQ(s.outputDims(k, x[0]), yd) << "form " << form;
      std::vector<double> want(static_cast<std::size_t>(product(yd)));
      for (std::size_t o = 0; o < want.size(); ++o) {
        Dims idx = unravel(static_cast<std::int64_t>(o), yd);
        idx[ax] += first;
        std::int64_t off = 0;
        for (std::size_t d = 0; d < idx.size(); ++d) off += idx[d] * xs[d];
        want[o] = xv[off];
      }
      expectClose(got[k], want, "split part " + std::to_string(k) + " form " + std::to_string(form), 0);
      first += sizes[k];
    }
  }
}

TEST(SplitOp, UnevenWithoutSizesBeforeOpset18FailsAtLoad) {
  OnnxBuilder b(13);
  b.input("x", {2, 5}).output("a").output("b");
  OnnxBuilder::attr(b.node("Split", {"x"}, {"a", "b"}, "sp"), "axis", 1);
  EXPECT_THROW(b.session(), Error);
}

TEST(ExpandOp, BroadcastToShapesOfHigherRank) {
  Rng rng(613);
  for (int c = 0; c < 20; ++c) {
    const Dims y = randomDims(rng, static_cast<std::size_t>(randInt(rng, 1, 4)), 1, 5);
    // Input: a suffix of the output shape with some dims set to 1; the shape argument sometimes has 1s where
    // the input is larger (Expand keeps the larger one).
    const std::size_t xr = static_cast<std::size_t>(randInt(rng, 1, static_cast<std::int64_t>(y.size())));
    Dims x(y.end() - static_cast<std::ptrdiff_t>(xr), y.end());
    for (auto& d : x)
      if (rng.accept(0.4)) d = 1;
    Dims shape = y;
    for (std::size_t i = 0; i < xr; ++i)
      if (x[i] == y[y.size() - xr + i] && rng.accept(0.3)) shape[y.size() - xr + i] = 1;
    const bool isInt = c % 2 == 1;
    OnnxBuilder b(13);
    b.input("x", x, isInt ? kInt64 : kFloat).output("y", isInt ? kInt64 : kFloat);
    addInitializerInt64(b, "shape", shape);
    b.node("Expand", {"x", "shape"}, {"y"});
    auto s = b.session();
    ASSERT_EQ(s.outputDims(0, x[0]), y);
    std::vector<std::int64_t> xv(static_cast<std::size_t>(product(x)));
    for (std::size_t i = 0; i < xv.size(); ++i) xv[i] = 100 + static_cast<std::int64_t>(i);
    const Dims xs = stridesOf(x);
    std::vector<std::int64_t> want(static_cast<std::size_t>(product(y)));
    for (std::size_t o = 0; o < want.size(); ++o) {
      const Dims idx = unravel(static_cast<std::int64_t>(o), y);
      std::int64_t off = 0;
      for (std::size_t i = 0; i < xr; ++i) off += (x[i] == 1 ? 0 : idx[y.size() - xr + i]) * xs[i];
      want[o] = xv[off];
    }
    if (isInt) {
      EXPECT_EQ(runTyped(s, {HostTensor::of(x, xv)}, x[0])[0].as<std::int64_t>(), want);
    } else {
      const auto got = runTyped(s, {HostTensor::of(x, std::vector<float>(xv.begin(), xv.end()))}, x[0])[0].as<float>();
      EXPECT_EQ(std::vector<std::int64_t>(got.begin(), got.end()), want);
    }
  }
}

}  // namespace
}  // namespace e2e::test
