#include "e2e/runtime/kernels/cpu/DnnlUtil.hpp"

#include "e2e/core/Error.hpp"

namespace e2e::runtime::cpu {

namespace {
thread_local bool t_insideDnnl = false;
}

bool insideDnnlExecute() noexcept { return t_insideDnnl; }

memory::data_type toDnnl(DType t) {
  switch (t) {
    case DType::Float32: return memory::data_type::f32;
    case DType::Float16: return memory::data_type::f16;
    case DType::BFloat16: return memory::data_type::bf16;
    case DType::Int32: return memory::data_type::s32;
    case DType::Int8: return memory::data_type::s8;
    case DType::UInt8: case DType::Bool: return memory::data_type::u8;
    default: fail("type ", dtypeName(t), " has no oneDNN equivalent");
  }
}

bool dnnlSupports(DType t) {
  return t == DType::Float32 || t == DType::Float16 || t == DType::BFloat16 || t == DType::Int32 ||
         t == DType::Int8 || t == DType::UInt8 || t == DType::Bool;
}

memory::dims toDnnlDims(const Dims& d) { return d.empty() ? memory::dims{1} : memory::dims(d.begin(), d.end()); }

memory::desc plainDesc(const Dims& d, DType t) {
  memory::dims dims = toDnnlDims(d);
  memory::dims strides(dims.size(), 1);
  for (int i = static_cast<int>(dims.size()) - 2; i >= 0; --i) strides[i] = strides[i + 1] * std::max<memory::dim>(dims[i + 1], 1);
  return memory::desc(dims, toDnnl(t), strides);
}

bool isPlainDesc(const memory::desc& md, const Dims& d, DType t) { return md == plainDesc(d, t); }

std::string describeDesc(const memory::desc& md) {
  const auto& b = md.data;
  if (b.format_kind != dnnl_blocked) return "opaque";
  // Outer strides order + inner blocks, e.g. "acdb" or "abcd:16b".
  std::string order;
  std::vector<int> idx(b.ndims);
  for (int i = 0; i < b.ndims; ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](int x, int y) {
    return b.format_desc.blocking.strides[x] > b.format_desc.blocking.strides[y];
  });
  for (int i : idx) order += static_cast<char>('a' + i);
  const auto& blk = b.format_desc.blocking;
  for (int i = 0; i < blk.inner_nblks; ++i)
    order.append(":").append(std::to_string(blk.inner_blks[i])).push_back(static_cast<char>('a' + blk.inner_idxs[i]));
  return order;
}

bool hasPadding(const memory::desc& md) {
  for (int i = 0; i < md.data.ndims; ++i)
    if (md.data.dims[i] != md.data.padded_dims[i]) return true;
  return false;
}

memory::desc inputDesc(const PlanContext& ctx, int i) {
  const Layout& l = ctx.inputLayout(i);
  return l.plain ? plainDesc(ctx.inputDims(i), ctx.inputType(i)) : l.md;
}

namespace {

struct DnnlState : StepState {
  std::vector<std::vector<memory>> mems;
  std::vector<std::vector<dnnl_exec_arg_t>> args;
};

std::byte* pointerFor(const DnnlArg& a, const BindContext* b, const ExecContext* e) {
  switch (a.src) {
    case DnnlArg::Src::Input: return b ? b->in(a.index) : e->inputs[a.index];
    case DnnlArg::Src::Output: return b ? b->out(a.index) : e->outputs[a.index];
    case DnnlArg::Src::Scratch: return (b ? b->scratch() : e->scratchBase) + a.index;
    case DnnlArg::Src::Constant: break;
  }
  return nullptr;
}

}  // namespace

std::unique_ptr<StepState> DnnlStep::bind(const BindContext& ctx) const {
  auto st = std::make_unique<DnnlState>();
  for (const auto& c : m_calls) {
    auto& mems = st->mems.emplace_back();
    auto& args = st->args.emplace_back();
    for (const auto& a : c.args) {
      if (a.src == DnnlArg::Src::Constant)
        mems.push_back(a.constant);
      else
        mems.emplace_back(a.md, ctx.engine(), pointerFor(a, &ctx, nullptr));
      args.push_back({a.arg, mems.back().get()});
    }
  }
  return st;
}

void DnnlStep::run(const ExecContext& ctx) const noexcept {
  auto* st = static_cast<DnnlState*>(ctx.state);
  for (std::size_t c = 0; c < m_calls.size(); ++c) {
    const auto& call = m_calls[c];
    auto& mems = st->mems[c];
    for (std::size_t a = 0; a < call.args.size(); ++a) {
      if (call.args[a].src == DnnlArg::Src::Constant) continue;
      void* want = pointerFor(call.args[a], nullptr, &ctx);
      void* have = nullptr;
      dnnl_memory_get_data_handle(mems[a].get(), &have);
      if (have != want) dnnl_memory_set_data_handle(mems[a].get(), want);
    }
    t_insideDnnl = true;
    dnnl_primitive_execute(call.prim.get(), ctx.stream->get(), static_cast<int>(st->args[c].size()), st->args[c].data());
    t_insideDnnl = false;
  }
}

}  // namespace e2e::runtime::cpu

namespace e2e::runtime::cpu {

bool eltwiseAlgorithm(const std::string& op, float alpha, float beta, dnnl::algorithm& alg, float& a, float& b) {
  using dnnl::algorithm;
  a = 0.f;
  b = 0.f;
  if (op == "Relu") alg = algorithm::eltwise_relu;
  else if (op == "LeakyRelu") { alg = algorithm::eltwise_relu; a = alpha; }
  else if (op == "Sigmoid") alg = algorithm::eltwise_logistic;
  else if (op == "Tanh") alg = algorithm::eltwise_tanh;
  else if (op == "Elu") { alg = algorithm::eltwise_elu; a = alpha; }
  else if (op == "Clip") { alg = algorithm::eltwise_clip_v2; a = alpha; b = beta; }
  else if (op == "Linear") { alg = algorithm::eltwise_linear; a = alpha; b = beta; }
  else if (op == "Exp") alg = algorithm::eltwise_exp;
  else if (op == "Log") alg = algorithm::eltwise_log;
  else if (op == "Sqrt") alg = algorithm::eltwise_sqrt;
  else if (op == "Abs") alg = algorithm::eltwise_abs;
  else if (op == "Neg") { alg = algorithm::eltwise_linear; a = -1.f; }
  else if (op == "Gelu") alg = algorithm::eltwise_gelu_erf;
  else return false;
  return true;
}

int residualInput(const std::vector<PostOp>& postOps) {
  for (const auto& p : postOps)
    if (p.kind == PostOp::Kind::Residual) return p.input;
  return -1;
}

bool buildPostOps(const std::vector<PostOp>& postOps, dnnl::primitive_attr& attr) {
  attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
  dnnl::post_ops po;
  bool residual = false;
  for (const auto& p : postOps) {
    if (p.kind == PostOp::Kind::Residual) {
      po.append_sum(1.f);
      residual = true;
      continue;
    }
    dnnl::algorithm alg;
    float a, b;
    if (!eltwiseAlgorithm(p.op, p.alpha, p.beta, alg, a, b)) fail("cannot fuse ", p.op);
    po.append_eltwise(1.f, alg, a, b);
  }
  attr.set_post_ops(po);
  return residual;
}

memory WeightCache::get(const Tensor& t, const memory::desc& plain, const memory::desc& want,
                        const dnnl::engine& engine) const {
  for (const auto& [md, mem] : m_entries)
    if (md == want) return mem;
  auto buf = std::make_shared<AlignedBuffer>(want.get_size());
  memory dst(want, engine, buf->data());
  memory src(plain, engine, t.raw());
  dnnl::stream s(engine);
  dnnl::reorder(src, dst).execute(s, src, dst);
  s.wait();
  m_buffers.push_back(buf);
  m_entries.emplace_back(want, dst);
  return dst;
}

void bindResidual(PlanContext& ctx, int residual, const memory::desc& dst, bool dstIsPlain, DnnlStep& step) {
  if (dstIsPlain)
    ctx.requirePlainInput(residual);
  else
    ctx.requireInputLayout(residual, dst);
  if (ctx.tryInPlace(0, residual)) return;
  // dst is somewhere else (a caller buffer, or the residual is still needed): copy the addend in first.
  dnnl::primitive_attr attr;
  attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
  dnnl::reorder::primitive_desc pd(ctx.engine(), dst, ctx.engine(), dst, attr);
  ctx.requestScratch(pd.scratchpad_desc().get_size());
  DnnlCall call{dnnl::reorder(pd), {}};
  call.args.push_back({DNNL_ARG_FROM, DnnlArg::Src::Input, residual, dst, {}});
  call.args.push_back({DNNL_ARG_TO, DnnlArg::Src::Output, 0, dst, {}});
  call.args.push_back({DNNL_ARG_SCRATCHPAD, DnnlArg::Src::Scratch, 0, pd.scratchpad_desc(), {}});
  step.add(std::move(call));
}

bool isReferenceImpl(const char* implInfo) { return std::string(implInfo).find("ref") != std::string::npos; }

}  // namespace e2e::runtime::cpu
