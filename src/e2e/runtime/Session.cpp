#include "e2e/runtime/Session.hpp"

#include <omp.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/KernelRegistry.hpp"
#include "e2e/runtime/kernels/cpu/LowPrecision.hpp"
#include "e2e/runtime/onnx/OnnxImporter.hpp"
#include "e2e/runtime/passes/Passes.hpp"
#include "e2e/runtime/passes/Precision.hpp"
#include "e2e/runtime/plan/BatchSplit.hpp"
#include "e2e/runtime/plan/Calibration.hpp"
#include "e2e/runtime/plan/Planner.hpp"
#include "e2e/runtime/plan/ShapeInference.hpp"
#include "e2e/runtime/plan/Workspace.hpp"

namespace e2e::runtime {
namespace {

// Restores the calling thread's OpenMP thread count when a run or a planning step ends.
class ThreadScope {
public:
  explicit ThreadScope(int threads) : m_prev(omp_get_max_threads()) {
    if (threads != m_prev) omp_set_num_threads(threads);
  }
  ~ThreadScope() {
    if (omp_get_max_threads() != m_prev) omp_set_num_threads(m_prev);
  }
  ThreadScope(const ThreadScope&) = delete;
  ThreadScope& operator=(const ThreadScope&) = delete;

private:
  int m_prev;
};

}  // namespace

struct Session::Impl {
  dnnl::engine engine{dnnl::engine::kind::cpu, 0};
  Graph graph;
  std::vector<std::unique_ptr<Kernel>> kernels;
  std::vector<const Kernel*> kernelPtrs;
  std::vector<TensorInfo> inputs, outputs;
  bool dynamic = false;
  std::int64_t staticBatch = 1;
  int defaultThreads = 1;
  Precision precision = Precision::Fp32;
  std::int64_t chunk = 0;  // rows per chunk for split batches; 0: never split
  double flopsPerRow = 0;  // conv + matmul FLOPs of one row (dynamic-batch models)
  std::vector<std::size_t> inRowBytes, outRowBytes;

  mutable std::mutex mutex;
  mutable std::map<std::pair<std::int64_t, int>, std::unique_ptr<Plan>> plans;
  mutable std::vector<std::unique_ptr<Workspace>> workspaces;
  mutable std::vector<Workspace*> freeWorkspaces;

  void init(Graph g, const SessionOptions& options, const std::string& what);
  void applyPrecision(const SessionOptions& options, const std::string& what);
  int resolveThreads(int t) const { return t > 0 ? t : defaultThreads; }
  std::int64_t resolveBatch(std::int64_t batch) const;
  // Caller holds the mutex.
  const Plan& planFor(std::int64_t batch, int threads) const;
  Workspace* acquire() const;
  void release(Workspace* ws) const;
  void runWhole(const void* const* inputs, void* const* outputs, std::int64_t batch, int threads) const;
  void runChunked(const void* const* inputs, void* const* outputs, std::int64_t batch, int threads) const;
};

namespace {
constexpr std::size_t kMaxChunkIo = 16;
constexpr int kMaxLanes = 64;
constexpr double kMinFlopsPerThread = 20e6;

std::size_t rowBytes(const TensorInfo& t) {
  std::size_t n = dtypeSize(t.dtype);
  for (std::size_t i = 1; i < t.dims.size(); ++i) n *= static_cast<std::size_t>(t.dims[i]);
  return n;
}
}  // namespace

void Session::Impl::init(Graph g, const SessionOptions& options, const std::string& what) {
  graph = std::move(g);
  defaultThreads = options.threads > 0 ? options.threads : omp_get_num_procs();
  // Dynamic dims: only the leading one, shared by all inputs that have it.
  bool anyStatic = false;
  for (int in : graph.inputs) {
    const Value& v = graph.values[in];
    if (!v.hasShape) fail(what, ": input '", v.name, "' has no declared shape");
    for (std::size_t d = 1; d < v.dims.size(); ++d)
      if (v.dims[d] == kDynamicDim)
        fail(what, ": input '", v.name, "' has a dynamic dimension ", d, "; only the leading (batch) one may be dynamic");
    if (!v.dims.empty() && v.dims[0] == kDynamicDim) dynamic = true;
    else if (!v.dims.empty() && !anyStatic) {
      staticBatch = v.dims[0];
      anyStatic = true;
    }
  }
  // Every node must have a kernel before any pass runs, so errors name the nodes of the file as written. Identity
  // nodes go first: they are pure renames (the other nodes keep their names), and PyTorch routes shared
  // initialisers through them (e.g. identical zero biases), which kernels that need constant inputs must see.
  eliminateIdentities(graph);
  for (const auto& n : graph.nodes) createKernel(Backend::Cpu, n, graph);
  optimizeGraph(graph, engine, options.optimize);
  applyPrecision(options, what);
  for (const auto& n : graph.nodes) {
    kernels.push_back(createKernel(Backend::Cpu, n, graph));
    kernelPtrs.push_back(kernels.back().get());
  }
  for (int in : graph.inputs) inputs.push_back({graph.values[in].name, graph.values[in].dtype, graph.values[in].dims});
  for (int out : graph.outputs) outputs.push_back({graph.values[out].name, graph.values[out].dtype, graph.values[out].dims});
  if (dynamic) {
    std::lock_guard lock(mutex);
    flopsPerRow = planFor(1, 1).flops;
  }
  if (dynamic && options.splitBatch && isBatchSeparable(graph) && inputs.size() <= kMaxChunkIo &&
      outputs.size() <= kMaxChunkIo) {
    std::lock_guard lock(mutex);
    chunk = chooseChunkRows(planFor(1, 1).arenaBytes);
    for (const auto& t : inputs) inRowBytes.push_back(rowBytes(t));
    for (const auto& t : outputs) outRowBytes.push_back(rowBytes(t));
  }
  if (options.warmupBatch > 0) {
    std::lock_guard lock(mutex);
    const Plan& p = planFor(dynamic ? options.warmupBatch : staticBatch, defaultThreads);
    workspaces.push_back(std::make_unique<Workspace>(engine));
    workspaces.back()->prepare(p);
    freeWorkspaces.reserve(1);
    freeWorkspaces.push_back(workspaces.back().get());
  }
}

void Session::Impl::applyPrecision(const SessionOptions& options, const std::string& what) {
  precision = options.precision;
  const char* name = precisionName(precision);
  if (!options.calibration.empty() && precision != Precision::Int8)
    fail(what, ": calibration data is only used by int8 precision (requested ", name, ")");
  if (precision == Precision::Fp32) return;
  const std::vector<int> nodes = lowPrecisionNodes(graph);
  if (nodes.empty()) fail(what, ": precision ", name, ": the model has no Conv, Gemm or MatMul with constant weights");
  if (precision == Precision::Bf16) {
    assignBf16(graph, nodes);
    return;
  }
  if (options.calibration.empty())
    fail(what, ": int8 precision needs calibration data (SessionOptions::calibration: sample input batches)");
  for (const auto& b : options.calibration)
    if (b.batch < 1 || resolveBatch(b.batch) != b.batch)
      fail(what, ": calibration batch of ", b.batch, " rows is not a valid batch for this model");
  std::vector<int> values;
  for (int n : nodes) values.push_back(graph.nodes[n].inputs[0]);
  std::vector<MagnitudeHistogram> magnitudes;
  {
    ThreadScope scope(defaultThreads);  // calibration runs as the session will
    magnitudes = measureMagnitudes(graph, values, options.calibration, engine);
  }
  assignInt8(graph, nodes, magnitudes, options.int8, cpu::nativeBf16() ? DType::BFloat16 : DType::Float32);
}

std::int64_t Session::Impl::resolveBatch(std::int64_t batch) const {
  if (!dynamic) {
    if (batch != staticBatch && batch != 0)
      fail("the model has a fixed batch of ", staticBatch, "; cannot run batch ", batch);
    return staticBatch;
  }
  if (batch < 1) fail("batch must be at least 1 (got ", batch, ")");
  return batch;
}

const Plan& Session::Impl::planFor(std::int64_t batch, int threads) const {
  auto key = std::make_pair(batch, threads);
  auto it = plans.find(key);
  if (it != plans.end()) return *it->second;
  ThreadScope scope(threads);  // oneDNN sizes its work split by the thread count current at creation
  auto plan = buildPlan(graph, kernelPtrs, batch, threads, engine);
  return *plans.emplace(key, std::move(plan)).first->second;
}

Session::Session(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;
Session::~Session() = default;

Session Session::loadFromBytes(std::span<const std::byte> bytes, const SessionOptions& options, const std::string& name) {
  auto impl = std::make_unique<Impl>();
  impl->init(importOnnx(bytes, name), options, name);
  return Session(std::move(impl));
}

Session Session::load(const std::string& path, const SessionOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->init(importOnnxFile(path), options, path);
  return Session(std::move(impl));
}

const std::vector<TensorInfo>& Session::inputs() const { return m_impl->inputs; }
const std::vector<TensorInfo>& Session::outputs() const { return m_impl->outputs; }
bool Session::dynamicBatch() const { return m_impl->dynamic; }
std::int64_t Session::staticBatch() const { return m_impl->staticBatch; }
int Session::defaultThreads() const { return m_impl->defaultThreads; }
Precision Session::precision() const { return m_impl->precision; }
std::string Session::precisionSummary() const {
  return cat(precisionName(m_impl->precision), ": ", describePrecision(m_impl->graph));
}

std::vector<std::int64_t> Session::inputDims(std::size_t i, std::int64_t batch) const {
  return concreteInputDims(m_impl->graph.values[m_impl->graph.inputs.at(i)], m_impl->resolveBatch(batch));
}

std::vector<std::int64_t> Session::outputDims(std::size_t i, std::int64_t batch) const {
  std::lock_guard lock(m_impl->mutex);
  const Plan& p = m_impl->planFor(m_impl->resolveBatch(batch), m_impl->defaultThreads);
  return p.tensors[p.outputTensors.at(i)].dims;
}

std::int64_t Session::outputElements(std::size_t i, std::int64_t batch) const { return numel(outputDims(i, batch)); }

double Session::flops(std::int64_t batch) const {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->planFor(m_impl->resolveBatch(batch), m_impl->defaultThreads).flops;
}

std::string Session::dumpGraph() const { return runtime::dumpGraph(m_impl->graph); }

std::string Session::dumpPlan(std::int64_t batch, int threads) const {
  std::lock_guard lock(m_impl->mutex);
  return m_impl->planFor(m_impl->resolveBatch(batch), m_impl->resolveThreads(threads)).dump();
}

std::int64_t Session::chunkRows() const { return m_impl->chunk; }

void Session::run(std::span<const void* const> inputs, std::span<void* const> outputs, std::int64_t batch,
                  const RunOptions& options) const {
  Impl& im = *m_impl;
  if (inputs.size() != im.inputs.size()) fail("run: expected ", im.inputs.size(), " inputs, got ", inputs.size());
  if (outputs.size() != im.outputs.size()) fail("run: expected ", im.outputs.size(), " outputs, got ", outputs.size());
  const std::int64_t b = im.resolveBatch(batch);
  int threads = im.resolveThreads(options.threads);
  // `threads` is an upper bound: a run too small to share (a photon at batch 1) would spend more on waking and
  // joining workers than it saves, so it gets one thread per kMinFlopsPerThread of work.
  if (threads > 1 && im.flopsPerRow > 0) {
    const double work = im.flopsPerRow * static_cast<double>(b);
    threads = static_cast<int>(std::clamp(work / kMinFlopsPerThread, 1.0, static_cast<double>(threads)));
  }
  if (im.chunk > 0 && b > im.chunk)
    im.runChunked(inputs.data(), outputs.data(), b, threads);
  else
    im.runWhole(inputs.data(), outputs.data(), b, threads);
}

Workspace* Session::Impl::acquire() const {
  std::lock_guard lock(mutex);
  if (freeWorkspaces.empty()) {
    workspaces.push_back(std::make_unique<Workspace>(engine));
    freeWorkspaces.reserve(workspaces.size());
    return workspaces.back().get();
  }
  Workspace* ws = freeWorkspaces.back();
  freeWorkspaces.pop_back();
  return ws;
}

void Session::Impl::release(Workspace* ws) const {
  std::lock_guard lock(mutex);
  freeWorkspaces.push_back(ws);
}

void Session::Impl::runWhole(const void* const* in, void* const* out, std::int64_t b, int threads) const {
  const Plan* plan;
  {
    std::lock_guard lock(mutex);
    plan = &planFor(b, threads);
  }
  Workspace* ws = acquire();
  struct Release {
    const Impl& im;
    Workspace* ws;
    ~Release() { im.release(ws); }
  } release{*this, ws};
  ThreadScope scope(threads);
  ws->prepare(*plan);
  ws->run(*plan, in, out);
}

void Session::Impl::runChunked(const void* const* in, void* const* out, std::int64_t b, int threads) const {
  const std::int64_t chunks = (b + chunk - 1) / chunk;
  // Enough chunks for every thread: each thread runs whole chunks single-threaded (no barrier inside a chunk).
  const bool perThread = threads > 1 && threads <= kMaxLanes && chunks >= threads;
  const int inner = perThread ? 1 : threads;
  const int lanes = perThread ? threads : 1;
  const Plan* full;
  const Plan* tail = nullptr;
  {
    // Plans first, outside the parallel region: planning may throw, a chunk must not.
    std::lock_guard lock(mutex);
    full = &planFor(chunk, inner);
    if (b % chunk) tail = &planFor(b % chunk, inner);
  }
  // One workspace per lane, bound to both plans before any chunk runs (binding allocates; running does not).
  Workspace* ws[kMaxLanes];
  for (int l = 0; l < lanes; ++l) {
    ws[l] = acquire();
    ThreadScope scope(inner);
    ws[l]->prepare(*full);
    if (tail) ws[l]->prepare(*tail);
  }
  auto runChunk = [&](std::int64_t k, Workspace* w) {
    const std::int64_t start = k * chunk, rows = std::min(chunk, b - start);
    const void* ci[kMaxChunkIo];
    void* co[kMaxChunkIo];
    for (std::size_t i = 0; i < inputs.size(); ++i)
      ci[i] = static_cast<const std::byte*>(in[i]) + static_cast<std::size_t>(start) * inRowBytes[i];
    for (std::size_t o = 0; o < outputs.size(); ++o)
      co[o] = static_cast<std::byte*>(out[o]) + static_cast<std::size_t>(start) * outRowBytes[o];
    w->run(rows == chunk ? *full : *tail, ci, co);
  };
  if (perThread) {
#pragma omp parallel for num_threads(lanes) schedule(dynamic, 1)
    for (std::int64_t k = 0; k < chunks; ++k) runChunk(k, ws[omp_get_thread_num()]);
  } else {
    ThreadScope scope(inner);
    for (std::int64_t k = 0; k < chunks; ++k) runChunk(k, ws[0]);
  }
  for (int l = 0; l < lanes; ++l) release(ws[l]);
}

}  // namespace e2e::runtime
