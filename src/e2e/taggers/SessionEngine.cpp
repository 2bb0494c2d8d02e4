#include <filesystem>

#include "e2e/core/Error.hpp"
#include "e2e/runtime/Session.hpp"
#include "e2e/taggers/Engine.hpp"

namespace e2e::taggers {
namespace {

std::string dimsText(const std::vector<std::int64_t>& d) {
  std::string s = "[";
  for (std::size_t i = 0; i < d.size(); ++i) s += (i ? ", " : "") + std::to_string(d[i]);
  return s + "]";
}

class SessionEngine final : public Engine {
public:
  SessionEngine(runtime::Session session, std::string path, int threads)
      : m_session(std::move(session)), m_path(std::move(path)), m_threads(threads) {}

  void run(std::span<const float* const> inputs, float* output, std::int64_t batch) const override {
    const void* in[8];
    for (std::size_t i = 0; i < inputs.size() && i < 8; ++i) in[i] = inputs[i];
    void* out[1] = {output};
    runtime::RunOptions opt;
    opt.threads = m_threads;
    m_session.run(std::span<const void* const>(in, inputs.size()), std::span<void* const>(out, 1), batch, opt);
  }
  std::string describe() const override { return m_path + " (" + std::to_string(m_threads) + " thread(s) per batch)"; }

private:
  runtime::Session m_session;
  std::string m_path;
  int m_threads;
};

}  // namespace

std::string findModel(const std::string& path, const std::vector<std::string>& dirs) {
  namespace fs = std::filesystem;
  std::vector<std::string> tried{path};
  if (fs::is_regular_file(path)) return path;
  if (fs::path(path).is_relative()) {
    for (const auto& d : dirs) {
      for (const fs::path& candidate : {fs::path(d) / path, fs::path(d) / fs::path(path).filename()}) {
        if (fs::is_regular_file(candidate)) return candidate.string();
        tried.push_back(candidate.string());
      }
    }
  }
  std::string list;
  for (const auto& t : tried) list += (list.empty() ? "" : ", ") + t;
  fail("model ", path, ": no such file (looked for ", list, ")");
}

std::shared_ptr<const Engine> loadSessionEngine(const std::string& modelPath, const ModelCard& card, int threadsPerRun) {
  runtime::SessionOptions so;
  so.threads = threadsPerRun;
  so.warmupBatch = 1;
  runtime::Session session = runtime::Session::load(modelPath, so);
  if (session.inputs().size() != card.inputs.size())
    fail(modelPath, ": takes ", session.inputs().size(), " inputs but its card ", card.path, " lists ", card.inputs.size());
  if (!session.dynamicBatch()) fail(modelPath, ": has a fixed batch size; taggers need a dynamic batch dimension");
  for (std::size_t i = 0; i < card.inputs.size(); ++i) {
    std::vector<std::int64_t> want{1};
    want.insert(want.end(), card.inputs[i].shape.begin(), card.inputs[i].shape.end());
    const auto got = session.inputDims(i, 1);
    if (got != want)
      fail(modelPath, ": input ", i, " ('", session.inputs()[i].name, "') has shape ", dimsText(got), " for one object, its card ",
           card.path, " says ", dimsText(want), " ('", card.inputs[i].name, "')");
    if (session.inputs()[i].dtype != runtime::DType::Float32) fail(modelPath, ": input ", i, " is not float32");
  }
  if (session.outputs().size() != 1) fail(modelPath, ": taggers need exactly one output, the model has ", session.outputs().size());
  if (session.outputElements(0, 4) != 4) fail(modelPath, ": the output must hold one value per object");
  return std::make_shared<SessionEngine>(std::move(session), modelPath, threadsPerRun);
}

}  // namespace e2e::taggers
