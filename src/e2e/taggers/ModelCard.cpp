#include "e2e/taggers/ModelCard.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "e2e/core/Error.hpp"
#include "e2e/taggers/Json.hpp"

namespace e2e::taggers {
namespace {

std::vector<std::string> strings(const Json& v, const std::string& what) {
  std::vector<std::string> out;
  if (v.isNull()) return out;
  if (!v.isArray()) fail(what, ": expected an array of strings");
  for (const Json& s : v.array()) {
    if (!s.isString()) fail(what, ": expected an array of strings");
    out.push_back(s.string());
  }
  return out;
}

std::vector<float> numbers(const Json& v, std::size_t n, const std::string& what) {
  std::vector<float> out;
  if (v.isNull()) return out;
  if (v.isNumber()) return std::vector<float>(n, static_cast<float>(v.number()));
  if (!v.isArray()) fail(what, ": expected a number or an array of numbers");
  for (const Json& x : v.array()) {
    if (!x.isNumber()) fail(what, ": expected numbers");
    out.push_back(static_cast<float>(x.number()));
  }
  return out;
}

}  // namespace

std::int64_t ModelInput::elements() const {
  std::int64_t n = 1;
  for (auto d : shape) n *= d;
  return n;
}

ModelCard ModelCard::parse(const std::string& text, const std::string& origin) {
  const Json root = Json::parse(text, origin);
  if (!root.isObject()) fail(origin, ": a model card is a JSON object");
  ModelCard card;
  card.path = origin;
  card.name = root["name"].isString() ? root["name"].string() : std::filesystem::path(origin).stem().string();
  if (!root["task"].isString()) fail(origin, ": no \"task\" (egamma, qg, top, tau or mass)");
  card.task = taskFromName(root["task"].string());
  if (card.task == Task::Unknown) fail(origin, ": unknown task '", root["task"].string(), "'");
  if (!root["inputs"].isArray() || root["inputs"].array().empty()) fail(origin, ": no \"inputs\"");
  for (const Json& in : root["inputs"].array()) {
    ModelInput mi;
    if (!in["name"].isString()) fail(origin, ": an input without a name");
    mi.name = in["name"].string();
    const std::string what = origin + ": input '" + mi.name + "'";
    const Json& shape = in["shape"];
    if (!shape.isArray() || shape.array().empty()) fail(what, ": no shape");
    // The first dimension is the batch ("batch"); the rest are fixed.
    for (std::size_t i = 1; i < shape.array().size(); ++i) {
      const Json& d = shape.array()[i];
      if (!d.isNumber() || d.number() < 1) fail(what, ": shape dimension ", i, " is not a positive number");
      mi.shape.push_back(static_cast<std::int64_t>(d.number()));
    }
    if (mi.name == "image") {
      if (mi.shape.size() != 3) fail(what, ": expected shape [batch, C, H, W]");
      mi.channels = strings(in["channels"], what + " channels");
      const auto c = static_cast<std::size_t>(mi.shape[0]);
      if (mi.channels.size() != c) fail(what, ": ", mi.channels.size(), " channel names for ", c, " channels");
      mi.frameScales = numbers(in["frame_scales"], c, what + " frame_scales");
      if (mi.frameScales.empty()) mi.frameScales.assign(c, 1.f);
      const Json& pre = in["preprocessing"];
      mi.scales = numbers(pre["scales"], c, what + " preprocessing.scales");
      mi.zeroSuppression = numbers(pre["zero_suppression"], c, what + " preprocessing.zero_suppression");
      if (mi.scales.empty()) mi.scales.assign(c, 1.f);
      if (mi.zeroSuppression.empty()) mi.zeroSuppression.assign(c, 0.f);
      if (mi.scales.size() != c || mi.zeroSuppression.size() != c || mi.frameScales.size() != c)
        fail(what, ": preprocessing needs one scale and one threshold per channel");
    } else if (mi.name == "nodes") {
      if (mi.shape.size() != 2) fail(what, ": expected shape [batch, nodes, features]");
      mi.features = strings(in["features"], what + " features");
      if (mi.features.size() != static_cast<std::size_t>(mi.shape[1]))
        fail(what, ": ", mi.features.size(), " feature names for ", mi.shape[1], " features");
      mi.nodeScales = numbers(in["node_scales"], mi.features.size(), what + " node_scales");
      if (!mi.nodeScales.empty() && mi.nodeScales.size() != mi.features.size()) fail(what, ": one node scale per feature");
    } else if (mi.name == "position") {
      if (mi.shape != std::vector<std::int64_t>{2}) fail(what, ": expected shape [batch, 2] (ieta, iphi)");
    } else if (mi.name == "mask") {
      if (mi.shape.size() != 1) fail(what, ": expected shape [batch, nodes]");
    } else {
      fail(what, ": unknown input (taggers provide image, position, nodes and mask)");
    }
    card.inputs.push_back(std::move(mi));
  }
  for (const Json& out : root["outputs"].array())
    if (out["name"].isString()) card.outputs.push_back(out["name"].string());
  if (card.outputs.empty()) fail(origin, ": no \"outputs\"");
  if (root["metrics"]["auc"].isNumber()) card.auc = root["metrics"]["auc"].number();
  for (const auto& [key, value] : root["metrics"].members())
    if (value.isNumber()) card.metrics.emplace_back(key, value.number());
  return card;
}

ModelCard ModelCard::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) fail(path, ": model card not found (every model needs its <name>.json card next to it)");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

std::string ModelCard::cardPathFor(const std::string& modelPath) {
  return std::filesystem::path(modelPath).replace_extension(".json").string();
}

const ModelInput* ModelCard::input(const std::string& inputName) const {
  for (const auto& i : inputs)
    if (i.name == inputName) return &i;
  return nullptr;
}

}  // namespace e2e::taggers
