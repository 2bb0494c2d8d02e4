// The hot-path contract for this folder's graph operators (LayerNorm, Slice, Split, comparisons, Where,
// Expand, Einsum, TopK, GatherElements, ScatterElements, ScatterND, and the fused LayerNorm/Attention): after the
// first run of a (batch, threads) pair, run() allocates nothing. This executable replaces operator new for that purpose, and also guards every
// block: a pattern just before and after it is checked on delete, so a write next to an engine allocation
// (e.g. through index -1 of a vector) is counted (heapGuardViolations) instead of silently corrupting the heap.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#include "TypedOpUtil.hpp"

namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0}, g_violations{0};
constexpr std::size_t kGuard = 64;  // bytes before (size + pattern) and after each block
constexpr unsigned char kPattern = 0xA5;

bool intact(const unsigned char* p, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (p[i] != kPattern) return false;
  return true;
}
}  // namespace

namespace e2e::test {
long heapGuardViolations() { return g_violations.load(); }
}  // namespace e2e::test

// The replacement pair is malloc/free on purpose; GCC cannot see that they match.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

void* operator new(std::size_t n) {
  if (g_counting.load(std::memory_order_relaxed)) ++g_allocations;
  auto* raw = static_cast<unsigned char*>(std::malloc(n + 2 * kGuard));
  if (!raw) throw std::bad_alloc();
  std::memcpy(raw, &n, sizeof n);
  std::memset(raw + sizeof n, kPattern, kGuard - sizeof n);
  std::memset(raw + kGuard + n, kPattern, kGuard);
  return raw + kGuard;
}
void* operator new[](std::size_t n) { return operator new(n); }
void operator delete(void* p) noexcept {
  if (!p) return;
  auto* raw = static_cast<unsigned char*>(p) - kGuard;
  std::size_t n;
  std::memcpy(&n, raw, sizeof n);
  if (!intact(raw + sizeof n, kGuard - sizeof n) || !intact(raw + kGuard + n, kGuard)) {
    ++g_violations;
    std::fprintf(stderr, "heap guard: bytes next to a %zu-byte block were overwritten\n", n);
  }
  std::free(raw);
}
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { operator delete(p); }

namespace e2e::test {
namespace {

OnnxBuilder graphOpsModel(Rng& rng) {
  OnnxBuilder b(18);
  b.input("x", {-1, 8, 16}).output("sc").output("nd").output("ex");
  b.initializer("s", {16}, randomVec(rng, 16, 0.5, 1.5)).initializer("b", {16}, randomVec(rng, 16));
  b.node("LayerNormalization", {"x", "s", "b"}, {"ln"});
  addInitializerInt64(b, "st", {1});
  addInitializerInt64(b, "en", {7});
  addInitializerInt64(b, "ax", {1});
  b.node("Slice", {"ln", "st", "en", "ax"}, {"sl"});
  auto& sp = b.node("Split", {"sl"}, {"p", "q"});
  OnnxBuilder::attr(sp, "axis", 2);
  OnnxBuilder::attr(sp, "num_outputs", 2);
  b.node("Greater", {"p", "q"}, {"g"});
  b.node("Where", {"g", "p", "q"}, {"w"});
  OnnxBuilder::attrString(b.node("Einsum", {"w", "w"}, {"e"}), "equation", "bij,bkj->bik");
  addInitializerInt64(b, "k", {3});
  b.node("TopK", {"e", "k"}, {"v", "i"});
  OnnxBuilder::attr(b.node("GatherElements", {"e", "i"}, {"ge"}), "axis", 2);
  auto& se = b.node("ScatterElements", {"ge", "i", "v"}, {"sc"});
  OnnxBuilder::attr(se, "axis", 2);
  OnnxBuilder::attrString(se, "reduction", "add");
  b.initializerInt64("ndi", {2, 1}, {0, 1});
  b.initializer("ndu", {2, 6, 6}, randomVec(rng, 72));
  OnnxBuilder::attrString(b.node("ScatterND", {"e", "ndi", "ndu"}, {"nd"}), "reduction", "mul");
  b.node("Shape", {"w"}, {"ws"});
  b.initializer("row", {8}, randomVec(rng, 8));
  b.node("Expand", {"row", "ws"}, {"ex"});
  return b;
}

TEST(GraphOpsAllocation, SteadyStateRunsAllocateNothing) {
  Rng rng(651);
  auto s = graphOpsModel(rng).session();
  for (std::int64_t batch : {2, 9}) {
    for (int threads : {1, 2}) {
      const auto x = randomVec(rng, static_cast<std::size_t>(batch * 8 * 16));
      std::vector<std::vector<float>> out(3);
      std::vector<void*> ptr;
      for (std::size_t i = 0; i < 3; ++i) {
        out[i].resize(static_cast<std::size_t>(s.outputElements(i, batch)));
        ptr.push_back(out[i].data());
      }
      const void* in[] = {x.data()};
      runtime::RunOptions o;
      o.threads = threads;
      s.run(in, ptr, batch, o);  // plans, binds, touches the arena
      const auto first = out;
      g_allocations = 0;
      g_counting = true;
      for (int r = 0; r < 10; ++r) s.run(in, ptr, batch, o);
      g_counting = false;
      EXPECT_EQ(g_allocations.load(), 0) << "batch " << batch << " threads " << threads;
      EXPECT_EQ(out, first) << "repeated runs must give identical results";
    }
  }
  const long before = heapGuardViolations();
  s = graphOpsModel(rng).session();  // destroys the first session's plans and workspaces
  EXPECT_EQ(heapGuardViolations(), before);
}

// x [N, 20, 16] -> decomposed LayerNorm (fused into LayerNormalization) -> self-attention softmax(y yT / 4) y
// (fused into Attention): the engine's own fused kernels, no oneDNN primitive.
OnnxBuilder fusedTransformerModel(Rng& rng) {
  OnnxBuilder b(13);
  b.input("x", {-1, 20, 16}).output("a");
  OnnxBuilder::attrInts(b.node("ReduceMean", {"x"}, {"m"}), "axes", {-1});
  b.node("Sub", {"x", "m"}, {"d"});
  b.initializer("two", {}, {2.f}).initializer("eps", {}, {1e-5f}).initializer("quarter", {}, {0.25f});
  b.node("Pow", {"d", "two"}, {"d2"});
  OnnxBuilder::attrInts(b.node("ReduceMean", {"d2"}, {"var"}), "axes", {-1});
  b.node("Add", {"var", "eps"}, {"ve"});
  b.node("Sqrt", {"ve"}, {"sd"});
  b.node("Div", {"d", "sd"}, {"n"});
  b.initializer("gamma", {16}, randomVec(rng, 16, 0.5, 1.5));
  b.node("Mul", {"n", "gamma"}, {"y"});
  OnnxBuilder::attrInts(b.node("Transpose", {"y"}, {"yt"}), "perm", {0, 2, 1});
  b.node("MatMul", {"y", "yt"}, {"s"});
  b.node("Mul", {"s", "quarter"}, {"ss"});
  OnnxBuilder::attr(b.node("Softmax", {"ss"}, {"p"}), "axis", -1);
  b.node("MatMul", {"p", "y"}, {"a"});
  return b;
}

TEST(GraphOpsAllocation, FusedTransformerOpsAllocateNothing) {
  Rng rng(653);
  auto s = fusedTransformerModel(rng).session();
  ASSERT_NE(s.dumpGraph().find(": Attention("), std::string::npos) << s.dumpGraph();
  ASSERT_NE(s.dumpGraph().find(": LayerNormalization("), std::string::npos) << s.dumpGraph();
  for (std::int64_t batch : {1, 7}) {
    for (int threads : {1, 2}) {
      const auto x = randomVec(rng, static_cast<std::size_t>(batch * 20 * 16));
      std::vector<float> y(static_cast<std::size_t>(s.outputElements(0, batch)));
      const void* in[] = {x.data()};
      void* out[] = {y.data()};
      runtime::RunOptions o;
      o.threads = threads;
      s.run(in, out, batch, o);
      const auto first = y;
      g_allocations = 0;
      g_counting = true;
      for (int r = 0; r < 10; ++r) s.run(in, out, batch, o);
      g_counting = false;
      EXPECT_EQ(g_allocations.load(), 0) << "batch " << batch << " threads " << threads;
      EXPECT_EQ(y, first) << "repeated runs must give identical results";
    }
  }
  const long before = heapGuardViolations();
  s = fusedTransformerModel(rng).session();
  EXPECT_EQ(heapGuardViolations(), before);
}

TEST(GraphOpsAllocation, CounterSeesPlanning) {
  Rng rng(652);
  auto s = graphOpsModel(rng).session();
  const auto x = randomVec(rng, 5 * 8 * 16);
  std::vector<std::vector<float>> out(3);
  std::vector<void*> ptr;
  for (std::size_t i = 0; i < 3; ++i) {
    out[i].resize(static_cast<std::size_t>(s.outputElements(i, 5)));
    ptr.push_back(out[i].data());
  }
  const void* in[] = {x.data()};
  g_allocations = 0;
  g_counting = true;
  s.run(in, ptr, 5);  // a new batch: planning allocates, and the counter must see it
  g_counting = false;
  EXPECT_GT(g_allocations.load(), 10);
}

}  // namespace
}  // namespace e2e::test
