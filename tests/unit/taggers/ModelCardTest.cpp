#include <gtest/gtest.h>

#include "e2e/core/Error.hpp"
#include "e2e/taggers/Json.hpp"
#include "e2e/taggers/ModelCard.hpp"

using namespace e2e;
using namespace e2e::taggers;

namespace {
const char* kCard = R"({
  "card_version": 1, "name": "mass_resnet", "task": "mass",
  "inputs": [
    {"name": "image", "shape": ["batch", 2, 32, 32], "dtype": "float32", "channels": ["ecal", "ecal_time"],
     "preprocessing": {"zero_suppression": 0.001, "scales": [0.02, 1.0], "order": "x = ..."}},
    {"name": "position", "shape": ["batch", 2], "dtype": "float32"}
  ],
  "outputs": [{"name": "mass", "shape": ["batch", 1], "meaning": "A mass \u00e9"}],
  "metrics": {"bias": -0.01, "nested": [1, 2.5e-3, true, false, null]}
})";

std::string errorOf(const std::string& text) {
  try {
    ModelCard::parse(text, "card.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(ModelCard, ParsesInputsAndPreprocessing) {
  const auto c = ModelCard::parse(kCard, "card.json");
  EXPECT_EQ(c.task, Task::Mass);
  ASSERT_EQ(c.inputs.size(), 2u);
  EXPECT_EQ(c.inputs[0].shape, (std::vector<std::int64_t>{2, 32, 32}));
  EXPECT_EQ(c.inputs[0].channels, (std::vector<std::string>{"ecal", "ecal_time"}));
  EXPECT_EQ(c.inputs[0].zeroSuppression, (std::vector<float>{0.001f, 0.001f}));  // one number for all channels
  EXPECT_EQ(c.inputs[0].scales, (std::vector<float>{0.02f, 1.0f}));
  EXPECT_EQ(c.inputs[0].elements(), 2 * 32 * 32);
  ASSERT_NE(c.input("position"), nullptr);
  EXPECT_EQ(c.outputs, std::vector<std::string>{"mass"});
  EXPECT_LT(c.auc, 0);
  EXPECT_EQ(ModelCard::cardPathFor("models/qg.onnx"), "models/qg.json");
}

TEST(ModelCard, MistakesNameTheField) {
  EXPECT_NE(errorOf("{\"task\": \"cooking\"}").find("unknown task 'cooking'"), std::string::npos);
  EXPECT_NE(errorOf(R"({"task": "qg", "inputs": [{"name": "image", "shape": ["batch", 3, 125, 125], "channels": ["a"]}],
                        "outputs": [{"name": "logit"}]})")
                .find("input 'image': 1 channel names for 3 channels"),
            std::string::npos);
  EXPECT_NE(errorOf("{\"task\": \"qg\", \"inputs\": [1,}").find("card.json: invalid JSON at offset"), std::string::npos);
  EXPECT_NE(errorOf(R"({"task": "qg", "inputs": [{"name": "weird", "shape": ["batch", 3]}], "outputs": [{"name": "y"}]})")
                .find("unknown input"),
            std::string::npos);
}

TEST(Json, Values) {
  const Json j = Json::parse(R"({"a": [1, -2.5e1, "x\"y\n"], "b": {"c": true}, "d": null})", "t");
  EXPECT_EQ(j["a"].array().size(), 3u);
  EXPECT_DOUBLE_EQ(j["a"].array()[1].number(), -25.0);
  EXPECT_EQ(j["a"].array()[2].string(), "x\"y\n");
  EXPECT_TRUE(j["b"]["c"].boolean());
  EXPECT_TRUE(j["d"].isNull());
  EXPECT_TRUE(j["missing"].isNull());
  EXPECT_THROW(Json::parse("[1, 2", "t"), Error);
  EXPECT_THROW(Json::parse("{} extra", "t"), Error);
}
