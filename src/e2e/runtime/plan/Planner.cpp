#include "e2e/runtime/plan/Planner.hpp"

#include <algorithm>
#include <climits>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/kernels/KernelRegistry.hpp"
#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"
#include "e2e/runtime/plan/CopySteps.hpp"
#include "e2e/runtime/plan/ShapeInference.hpp"

namespace e2e::runtime {
namespace {

constexpr std::size_t kAlign = 64;
std::size_t alignUp(std::size_t n) { return (n + kAlign - 1) / kAlign * kAlign; }

std::size_t layoutBytes(const Layout& l, const Dims& d, DType t) {
  return l.plain ? static_cast<std::size_t>(numel(d)) * dtypeSize(t) : l.md.get_size();
}

class Planner;

class NodePlanContext final : public PlanContext {
public:
  NodePlanContext(Planner& p, int nodeIndex);
  const Node& node() const override { return m_node; }
  int threads() const override;
  const dnnl::engine& engine() const override;
  const Dims& inputDims(int i) const override;
  DType inputType(int i) const override;
  const Tensor* inputValue(int i) const override;
  const Layout& inputLayout(int i) const override;
  const Dims& outputDims(int i) const override;
  DType outputType(int i) const override;
  bool outputIsGraphOutput(int i) const override;
  void requireInputLayout(int i, const dnnl::memory::desc& md) override;
  void requirePlainInput(int i) override;
  void setOutputLayout(int i, const dnnl::memory::desc& md) override;
  void aliasOutput(int out, int in) override;
  bool tryInPlace(int out, int in) override;
  void requestScratch(std::size_t bytes) override;

  std::vector<int> inTensors;
  std::vector<Layout> outLayouts;
  std::vector<int> outAlias;  // plan tensor viewed by the output, or -1

private:
  Planner& m_p;
  int m_index;
  const Node& m_node;
};

class Planner {
public:
  Planner(const Graph& g, const std::vector<const Kernel*>& kernels, std::int64_t batch, int threads,
          const dnnl::engine& engine)
      : graph(g), kernels(kernels), engine(engine), plan(std::make_unique<Plan>()) {
    plan->batch = batch;
    plan->threads = threads;
  }

  std::unique_ptr<Plan> build() {
    info = inferGraphShapes(graph, kernels, plan->batch, engine);
    computeLastUses();
    valueTensor.assign(graph.values.size(), -1);
    for (std::size_t k = 0; k < graph.inputs.size(); ++k) {
      int v = graph.inputs[k];
      int t = newTensor(v, Layout{});
      plan->tensors[t].kind = PlanTensor::Kind::Input;
      plan->tensors[t].index = static_cast<int>(k);
      valueTensor[v] = t;
      plan->inputTensors.push_back(t);
    }
    outputTaken.assign(graph.outputs.size(), false);
    for (std::size_t n = 0; n < graph.nodes.size(); ++n)
      if (!info.evaluated[n]) planNode(static_cast<int>(n));
    finishOutputs();
    assignArena();
    for (auto& t : info.owned) plan->planValues.push_back(std::move(t));
    return std::move(plan);
  }

  int tensorOf(int v) {
    if (valueTensor[v] >= 0) return valueTensor[v];
    if (!info.values[v]) throw std::logic_error("planner: value '" + graph.values[v].name + "' has no producer");
    int t = newTensor(v, Layout{});
    plan->tensors[t].kind = PlanTensor::Kind::Constant;
    plan->tensors[t].constant = info.values[v]->raw();
    valueTensor[v] = t;
    return t;
  }

  int newTensor(int v, Layout layout) {
    PlanTensor pt;
    pt.name = graph.values[v].name;
    pt.dtype = info.types[v];
    pt.dims = info.dims[v];
    pt.layout = std::move(layout);
    pt.bytes = layoutBytes(pt.layout, pt.dims, pt.dtype);
    plan->tensors.push_back(std::move(pt));
    tensorValue.push_back(v);
    return static_cast<int>(plan->tensors.size()) - 1;
  }

  // Reorders tensor t into `want` (once per tensor and layout: later consumers share the result).
  int reorderTo(int t, const Layout& want) {
    const PlanTensor& src = plan->tensors[t];
    if (src.layout.plain == want.plain && (want.plain || src.layout.md == want.md)) return t;
    for (const auto& r : reorders)
      if (r.src == t && r.layout.plain == want.plain && (want.plain || r.layout.md == want.md)) return r.dst;
    if (!cpu::dnnlSupports(src.dtype)) throw std::logic_error("planner: layout change on a non-oneDNN type");
    auto fromMd = src.layout.plain ? cpu::plainDesc(src.dims, src.dtype) : src.layout.md;
    auto toMd = want.plain ? cpu::plainDesc(src.dims, src.dtype) : want.md;
    int dst = newTensor(tensorValue[t], want);
    plan->tensors[dst].name.append("#").append(cpu::describeDesc(toMd));
    PlanStep st;
    st.step = makeReorderStep(fromMd, toMd, engine, plan->scratchBytes);
    st.in = {t};
    st.out = {dst};
    st.label = "reorder";
    plan->steps.push_back(std::move(st));
    reorders.push_back({t, want, dst});
    return dst;
  }

  bool canOverwrite(int t, int nodeIndex) const {
    int r = plan->root(t);
    if (plan->tensors[r].kind != PlanTensor::Kind::Arena) return false;
    for (std::size_t u = 0; u < plan->tensors.size(); ++u) {
      if (plan->root(static_cast<int>(u)) != r) continue;
      int v = tensorValue[u];
      if (v >= 0 && lastUse[v] > nodeIndex) return false;
    }
    // Reordered copies made from the same value must also be dead.
    int v = tensorValue[t];
    return v < 0 || lastUse[v] <= nodeIndex;
  }

  void planNode(int n) {
    const Node& node = graph.nodes[n];
    NodePlanContext ctx(*this, n);
    std::unique_ptr<Step> step;
    try {
      step = kernels[n]->plan(ctx);
    } catch (const Error& e) {
      throw Error(cat(nodeWhere(node), ": ", e.what()));
    } catch (const dnnl::error& e) {
      throw Error(cat(nodeWhere(node), ": oneDNN cannot implement it (", e.what(), ")"));
    }
    InfoShapeContext sctx(node, info);
    plan->flops += kernels[n]->flops(sctx);
    PlanStep ps;
    ps.step = std::move(step);
    ps.in = ctx.inTensors;
    ps.label = node.name + " " + node.label();
    for (std::size_t o = 0; o < node.outputs.size(); ++o) {
      int v = node.outputs[o];
      if (v < 0) {
        // Omitted optional output: give the step a scratch-sized dummy so it can still write.
        ps.out.push_back(-1);
        continue;
      }
      int t = newTensor(v, ctx.outLayouts[o]);
      PlanTensor& pt = plan->tensors[t];
      if (ctx.outAlias[o] >= 0) {
        pt.kind = PlanTensor::Kind::Alias;
        pt.index = ctx.outAlias[o];
      } else if (pt.layout.plain) {
        for (std::size_t k = 0; k < graph.outputs.size(); ++k)
          if (graph.outputs[k] == v && !outputTaken[k]) {
            pt.kind = PlanTensor::Kind::Output;
            pt.index = static_cast<int>(k);
            outputTaken[k] = true;
            plan->outputTensors.resize(graph.outputs.size(), -1);
            plan->outputTensors[k] = t;
            break;
          }
      }
      valueTensor[v] = t;
      ps.out.push_back(t);
    }
    for (auto& o : ps.out)
      if (o < 0) {
        // Unused optional outputs still need somewhere to go: a private arena tensor.
        PlanTensor pt;
        pt.name = node.name + "#unused";
        plan->tensors.push_back(pt);
        tensorValue.push_back(-1);
        o = static_cast<int>(plan->tensors.size()) - 1;
      }
    plan->steps.push_back(std::move(ps));
  }

  void finishOutputs() {
    plan->outputTensors.resize(graph.outputs.size(), -1);
    for (std::size_t k = 0; k < graph.outputs.size(); ++k) {
      if (outputTaken[k]) continue;
      int v = graph.outputs[k];
      int src = valueTensor[v] >= 0 ? valueTensor[v] : tensorOf(v);
      int t = newTensor(v, Layout{});
      plan->tensors[t].kind = PlanTensor::Kind::Output;
      plan->tensors[t].index = static_cast<int>(k);
      plan->outputTensors[k] = t;
      PlanStep st;
      if (plan->tensors[src].layout.plain) {
        st.step = makeCopyStep(plan->tensors[t].bytes);
        st.label = "copy";
      } else {
        st.step = makeReorderStep(plan->tensors[src].layout.md, cpu::plainDesc(plan->tensors[t].dims, plan->tensors[t].dtype),
                                  engine, plan->scratchBytes);
        st.label = "reorder";
      }
      st.in = {src};
      st.out = {t};
      plan->steps.push_back(std::move(st));
    }
  }

  void computeLastUses() {
    lastUse.assign(graph.values.size(), -1);
    for (std::size_t n = 0; n < graph.nodes.size(); ++n)
      for (int v : graph.nodes[n].inputs)
        if (v >= 0) lastUse[v] = static_cast<int>(n);
    for (int v : graph.outputs) lastUse[v] = INT_MAX;
  }

  // Liveness per arena root, then greedy placement (largest first, lowest free offset among overlapping lives).
  void assignArena() {
    auto& ts = plan->tensors;
    for (std::size_t s = 0; s < plan->steps.size(); ++s) {
      auto touch = [&](int t) {
        if (t < 0) return;  // an omitted optional input (Clip without min, ...): no tensor
        int r = plan->root(t);
        if (ts[r].kind != PlanTensor::Kind::Arena) return;
        if (ts[r].first < 0) ts[r].first = static_cast<int>(s);
        ts[r].last = std::max(ts[r].last, static_cast<int>(s));
      };
      for (int t : plan->steps[s].in) touch(t);
      for (int t : plan->steps[s].out) touch(t);
    }
    std::vector<int> order;
    for (std::size_t t = 0; t < ts.size(); ++t)
      if (ts[t].kind == PlanTensor::Kind::Arena && ts[t].first >= 0) order.push_back(static_cast<int>(t));
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return ts[a].bytes > ts[b].bytes; });
    std::vector<int> placed;
    std::size_t top = 0;
    for (int t : order) {
      std::vector<std::pair<std::size_t, std::size_t>> busy;
      for (int p : placed)
        if (ts[p].first <= ts[t].last && ts[t].first <= ts[p].last) busy.push_back({ts[p].offset, alignUp(ts[p].bytes)});
      std::sort(busy.begin(), busy.end());
      std::size_t off = 0, need = alignUp(std::max<std::size_t>(ts[t].bytes, 1));
      for (const auto& [o, sz] : busy) {
        if (off + need <= o) break;
        off = std::max(off, o + sz);
      }
      ts[t].offset = off;
      top = std::max(top, off + need);
      placed.push_back(t);
    }
    plan->arenaBytes = top;
    plan->scratchBytes = alignUp(plan->scratchBytes);
  }

  struct ReorderEntry {
    int src;
    Layout layout;
    int dst;
  };

  const Graph& graph;
  const std::vector<const Kernel*>& kernels;
  const dnnl::engine& engine;
  std::unique_ptr<Plan> plan;
  ShapeInfo info;
  std::vector<int> valueTensor, tensorValue, lastUse;
  std::vector<bool> outputTaken;
  std::vector<ReorderEntry> reorders;
};

NodePlanContext::NodePlanContext(Planner& p, int nodeIndex)
    : m_p(p), m_index(nodeIndex), m_node(p.graph.nodes[nodeIndex]) {
  for (int v : m_node.inputs) inTensors.push_back(v >= 0 ? p.tensorOf(v) : -1);
  outLayouts.resize(m_node.outputs.size());
  outAlias.assign(m_node.outputs.size(), -1);
}

int NodePlanContext::threads() const { return m_p.plan->threads; }
const dnnl::engine& NodePlanContext::engine() const { return m_p.engine; }
const Dims& NodePlanContext::inputDims(int i) const { return m_p.plan->tensors[inTensors[i]].dims; }
DType NodePlanContext::inputType(int i) const { return m_p.plan->tensors[inTensors[i]].dtype; }
const Tensor* NodePlanContext::inputValue(int i) const { return m_p.info.values[m_node.inputs[i]]; }
const Layout& NodePlanContext::inputLayout(int i) const { return m_p.plan->tensors[inTensors[i]].layout; }
const Dims& NodePlanContext::outputDims(int i) const { return m_p.info.dims[m_node.outputs[i]]; }
DType NodePlanContext::outputType(int i) const { return m_p.info.types[m_node.outputs[i]]; }
bool NodePlanContext::outputIsGraphOutput(int i) const {
  return m_node.outputs[i] >= 0 && m_p.graph.isGraphOutput(m_node.outputs[i]);
}

void NodePlanContext::requireInputLayout(int i, const dnnl::memory::desc& md) {
  if (cpu::isPlainDesc(md, inputDims(i), inputType(i)))
    requirePlainInput(i);
  else
    inTensors[i] = m_p.reorderTo(inTensors[i], Layout{false, md});
}

void NodePlanContext::requirePlainInput(int i) {
  if (!inputLayout(i).plain) inTensors[i] = m_p.reorderTo(inTensors[i], Layout{});
}

void NodePlanContext::setOutputLayout(int i, const dnnl::memory::desc& md) {
  if (cpu::isPlainDesc(md, outputDims(i), outputType(i)))
    outLayouts[i] = Layout{};
  else
    outLayouts[i] = Layout{false, md};
}

void NodePlanContext::aliasOutput(int out, int in) {
  requirePlainInput(in);
  outLayouts[out] = Layout{};
  outAlias[out] = inTensors[in];
}

bool NodePlanContext::tryInPlace(int out, int in) {
  const PlanTensor& src = m_p.plan->tensors[inTensors[in]];
  const Layout& want = outLayouts[out];
  if (src.layout.plain != want.plain || (!want.plain && !(src.layout.md == want.md))) return false;
  if (src.bytes != layoutBytes(want, outputDims(out), outputType(out)) || src.dtype != outputType(out)) return false;
  if (outputIsGraphOutput(out) || !m_p.canOverwrite(inTensors[in], m_index)) return false;
  outAlias[out] = inTensors[in];
  return true;
}

void NodePlanContext::requestScratch(std::size_t bytes) {
  m_p.plan->scratchBytes = std::max(m_p.plan->scratchBytes, bytes);
}

}  // namespace

std::unique_ptr<Plan> buildPlan(const Graph& graph, const std::vector<const Kernel*>& kernels, std::int64_t batch,
                                int threads, const dnnl::engine& engine) {
  return Planner(graph, kernels, batch, threads, engine).build();
}

}  // namespace e2e::runtime
