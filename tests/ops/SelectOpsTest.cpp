// Where, the comparisons (Equal, Greater, Less, GreaterOrEqual, LessOrEqual), ConstantOfShape and Range against
// element-by-element references, with numpy broadcasting and plan-time shapes derived from a dynamic batch.
#include "TypedOpUtil.hpp"

namespace e2e::test {
namespace {

// Random pair of shapes that broadcast to `out`: each operand is a suffix of `out` with some dims set to 1.
Dims broadcastOperand(Rng& rng, const Dims& out) {
  const std::size_t r = static_cast<std::size_t>(randInt(rng, 0, static_cast<std::int64_t>(out.size())));
  Dims d(out.end() - static_cast<std::ptrdiff_t>(r), out.end());
  for (auto& x : d)
    if (rng.accept(0.35)) x = 1;
  return d;
}

// Flat offset into an operand of dims `d` for output multi-index `idx` (right-aligned, size-1 dims broadcast).
std::int64_t broadcastOffset(const Dims& d, const Dims& idx) {
  const Dims st = stridesOf(d);
  std::int64_t off = 0;
  for (std::size_t i = 0; i < d.size(); ++i) off += (d[i] == 1 ? 0 : idx[idx.size() - d.size() + i]) * st[i];
  return off;
}

TEST(WhereOp, ThreeWayBroadcast) {
  Rng rng(621);
  for (int c = 0; c < 20; ++c) {
    const Dims out = randomDims(rng, static_cast<std::size_t>(randInt(rng, 1, 4)), 2, 5);
    const Dims dc = broadcastOperand(rng, out), dx = broadcastOperand(rng, out), dy = c == 0 ? out : broadcastOperand(rng, out);
    OnnxBuilder b(13);
    const bool isInt = c % 3 == 2;
    const int t = isInt ? kInt64 : kFloat;
    b.input("c", dc, kBool).input("x", dx, t).input("y", dy, t).output("z", t);
    b.node("Where", {"c", "x", "y"}, {"z"});
    Dims expectDims = out;
    // The operands may not reach the full rank or size of `out`; the engine reports the true broadcast.
    std::size_t rank = std::max({dc.size(), dx.size(), dy.size()});
    expectDims.assign(out.end() - static_cast<std::ptrdiff_t>(rank), out.end());
    for (std::size_t i = 0; i < rank; ++i) {
      std::int64_t m = 1;
      for (const Dims* d : {&dc, &dx, &dy})
        if (d->size() + i >= rank) m = std::max(m, (*d)[i + d->size() - rank]);
      expectDims[i] = m;
    }
    auto s = b.session();
    ASSERT_EQ(s.outputDims(0, 0), expectDims);
    std::vector<std::uint8_t> cv(static_cast<std::size_t>(product(dc)));
    for (auto& v : cv) v = rng.accept(0.5) ? 1 : 0;
    std::vector<std::int64_t> xv(static_cast<std::size_t>(product(dx))), yv(static_cast<std::size_t>(product(dy)));
    for (auto& v : xv) v = randInt(rng, 0, 1000);
    for (auto& v : yv) v = -randInt(rng, 1, 1000);
    std::vector<std::int64_t> want(static_cast<std::size_t>(product(expectDims)));
    for (std::size_t o = 0; o < want.size(); ++o) {
      const Dims idx = unravel(static_cast<std::int64_t>(o), expectDims);
      want[o] = cv[broadcastOffset(dc, idx)] ? xv[broadcastOffset(dx, idx)] : yv[broadcastOffset(dy, idx)];
    }
    std::vector<HostTensor> in{HostTensor::of(dc, cv)};
    if (isInt) {
      in.push_back(HostTensor::of(dx, xv));
      in.push_back(HostTensor::of(dy, yv));
      EXPECT_EQ(runTyped(s, in)[0].as<std::int64_t>(), want) << c;
    } else {
      in.push_back(HostTensor::of(dx, std::vector<float>(xv.begin(), xv.end())));
      in.push_back(HostTensor::of(dy, std::vector<float>(yv.begin(), yv.end())));
      const auto got = runTyped(s, in)[0].as<float>();
      EXPECT_EQ(std::vector<std::int64_t>(got.begin(), got.end()), want) << c;
    }
  }
}

TEST(CompareOp, AllPredicatesFloatAndInt) {
  Rng rng(622);
  const std::vector<std::pair<std::string, bool (*)(double, double)>> ops = {
      {"Equal", [](double a, double b) { return a == b; }},
      {"Greater", [](double a, double b) { return a > b; }},
      {"Less", [](double a, double b) { return a < b; }},
      {"GreaterOrEqual", [](double a, double b) { return a >= b; }},
      {"LessOrEqual", [](double a, double b) { return a <= b; }},
  };
  for (const auto& [op, pred] : ops) {
    for (int t : {kFloat, kInt64, kInt32}) {
      const Dims out = randomDims(rng, 3, 2, 6);
      const Dims da = broadcastOperand(rng, out), db = broadcastOperand(rng, out);
      OnnxBuilder b(13);
      b.input("a", da, t).input("b", db, t).output("y", kBool);
      b.node(op, {"a", "b"}, {"y"});
      auto s = b.session();
      const Dims yd = s.outputDims(0, 0);
      // Small integers make ties common, so Equal and the *OrEqual forms are really exercised.
      std::vector<std::int64_t> av(static_cast<std::size_t>(product(da))), bv(static_cast<std::size_t>(product(db)));
      for (auto& v : av) v = randInt(rng, -3, 3);
      for (auto& v : bv) v = randInt(rng, -3, 3);
      std::vector<std::uint8_t> want(static_cast<std::size_t>(product(yd)));
      for (std::size_t o = 0; o < want.size(); ++o) {
        const Dims idx = unravel(static_cast<std::int64_t>(o), yd);
        want[o] = pred(static_cast<double>(av[broadcastOffset(da, idx)]), static_cast<double>(bv[broadcastOffset(db, idx)]));
      }
      std::vector<HostTensor> in;
      if (t == kFloat) {
        in = {HostTensor::of(da, std::vector<float>(av.begin(), av.end())), HostTensor::of(db, std::vector<float>(bv.begin(), bv.end()))};
      } else if (t == kInt32) {
        in = {HostTensor::of(da, std::vector<std::int32_t>(av.begin(), av.end())), HostTensor::of(db, std::vector<std::int32_t>(bv.begin(), bv.end()))};
      } else {
        in = {HostTensor::of(da, av), HostTensor::of(db, bv)};
      }
      EXPECT_EQ(runTyped(s, in)[0].as<std::uint8_t>(), want) << op << " type " << t;
    }
  }
}

TEST(ConstantOfShapeOp, ValueTypesAndBatchDerivedShape) {
  // Shape(x) -> ConstantOfShape: the shape depends on the batch, so it is computed while planning each batch.
  OnnxBuilder b(13);
  b.input("x", {-1, 3}).output("zeros").output("sevens", kInt64).output("y");
  b.node("Shape", {"x"}, {"s"});
  b.node("ConstantOfShape", {"s"}, {"zeros"});
  auto& n = b.node("ConstantOfShape", {"s"}, {"sevens"});
  auto* a = n.add_attribute();
  a->set_name("value");
  a->set_type(onnx::AttributeProto::TENSOR);
  a->mutable_t()->set_data_type(onnx::TensorProto::INT64);
  a->mutable_t()->add_dims(1);
  a->mutable_t()->add_int64_data(7);
  b.node("Add", {"x", "zeros"}, {"y"});
  auto s = b.session();
  for (std::int64_t batch : {1, 4}) {
    EXPECT_EQ(s.outputDims(0, batch), (Dims{batch, 3}));
    EXPECT_EQ(s.outputDims(1, batch), (Dims{batch, 3}));
    std::vector<float> x(static_cast<std::size_t>(batch * 3), 2.5f);
    auto out = runTyped(s, {HostTensor::of({batch, 3}, x)}, batch);
    EXPECT_EQ(out[0].as<float>(), std::vector<float>(x.size(), 0.f));
    EXPECT_EQ(out[1].as<std::int64_t>(), std::vector<std::int64_t>(x.size(), 7));
    EXPECT_EQ(out[2].as<float>(), x);
  }
}

TEST(RangeOp, TypesSignsAndBatchDerivedLimit) {
  Rng rng(624);
  for (int c = 0; c < 12; ++c) {
    const bool isFloat = c % 2 == 0;
    const double start = static_cast<double>(randInt(rng, -10, 10)) + (isFloat ? rng.uniform(0, 1) : 0);
    double delta = static_cast<double>(randInt(rng, 1, 4)) * (rng.accept(0.5) ? 1 : -1);
    if (isFloat) delta *= 0.37;
    const double limit = start + delta * static_cast<double>(randInt(rng, -2, 15)) + (isFloat ? 0.1 : 0);
    OnnxBuilder b(13);
    b.input("x", {1}).output("r", isFloat ? kFloat : kInt64);
    auto scalar = [&](const std::string& name, double v) {
      if (isFloat) b.initializer(name, {}, {static_cast<float>(v)});
      else b.initializerInt64(name, {}, {static_cast<std::int64_t>(v)});
    };
    scalar("start", start);
    scalar("limit", limit);
    scalar("delta", delta);
    b.node("Range", {"start", "limit", "delta"}, {"r"});
    auto s = b.session();
    const auto fs = static_cast<float>(start), fl = static_cast<float>(limit), fd = static_cast<float>(delta);
    const std::int64_t n = std::max<std::int64_t>(0, static_cast<std::int64_t>(std::ceil(isFloat ? (static_cast<double>(fl) - fs) / fd : (limit - start) / delta)));
    ASSERT_EQ(s.outputDims(0, 1), (Dims{n})) << start << " " << limit << " " << delta;
    auto out = runTyped(s, {HostTensor::of({1}, std::vector<float>{0.f})}, 1)[0];
    for (std::int64_t i = 0; i < n; ++i) {
      if (isFloat) EXPECT_NEAR(out.as<float>()[i], fs + static_cast<float>(i) * fd, 1e-5 * (1 + std::abs(fs) + std::abs(i * fd)));
      else EXPECT_EQ(out.as<std::int64_t>()[i], static_cast<std::int64_t>(start) + i * static_cast<std::int64_t>(delta));
    }
  }
  // Range(0, batch, 1) from the batch size: planned per batch.
  OnnxBuilder b(13);
  b.input("x", {-1, 2}).output("r", kInt64);
  b.initializerInt64("zero", {}, {0});
  b.initializerInt64("one", {}, {1});
  b.node("Shape", {"x"}, {"s"});
  OnnxBuilder::attr(b.node("Gather", {"s", "zero"}, {"n"}), "axis", 0);
  b.node("Range", {"zero", "n", "one"}, {"r"});
  auto s = b.session();
  for (std::int64_t batch : {2, 5}) {
    auto out = runTyped(s, {HostTensor::of({batch, 2}, std::vector<float>(static_cast<std::size_t>(batch * 2)))}, batch)[0];
    std::vector<std::int64_t> want(static_cast<std::size_t>(batch));
    for (std::int64_t i = 0; i < batch; ++i) want[i] = i;
    EXPECT_EQ(out.as<std::int64_t>(), want);
  }
}

TEST(OptionalInputs, OmittedClipBoundPlansAndRuns) {
  // An omitted optional input ("" in the node) reaches the planner as "no tensor": the EdgeConv head's
  // Clip(x, min) once corrupted the heap there. Several batches (plans) and a destroyed session exercise it.
  Rng rng(625);
  OnnxBuilder b(13);
  b.input("x", {-1, 6}).output("y");
  b.initializer("lo", {}, {0.1f});
  b.node("Clip", {"x", "lo", ""}, {"y"});
  const long before = heapGuardViolations();
  for (int round = 0; round < 2; ++round) {
    auto s = b.session();
    for (std::int64_t batch : {1, 3, 8}) {
      const auto x = randomVec(rng, static_cast<std::size_t>(batch * 6));
      std::vector<double> want(x.size());
      for (std::size_t i = 0; i < x.size(); ++i) want[i] = std::max(0.1, static_cast<double>(x[i]));
      expectClose(runFloat(s, {x}, batch)[0], want, "clip without max");
    }
  }
  EXPECT_EQ(heapGuardViolations(), before) << "the plans of this model wrote outside their heap blocks";
}

}  // namespace
}  // namespace e2e::test
