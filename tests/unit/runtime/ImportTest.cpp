// Load-time validation: every unsupported thing is one e2e::Error naming the node, op type and opset.
#include <gtest/gtest.h>

#include "TestModels.hpp"
#include "e2e/core/Error.hpp"

namespace e2e::test {
namespace {

std::string loadError(const OnnxBuilder& b) {
  try {
    b.session();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(Import, UnsupportedOpNamesNodeOpAndOpset) {
  OnnxBuilder b(17);
  b.input("x", {-1, 4}).output("y");
  b.node("Relu", {"x"}, {"r"}, "act");
  b.node("Hardmax", {"r"}, {"y"}, "mystery");
  EXPECT_EQ(loadError(b), "node 'mystery' (Hardmax, opset 17): unsupported operator");
}

TEST(Import, UnsupportedAttributeIsNamed) {
  OnnxBuilder b(13);
  b.input("x", {-1, 4}).output("y");
  OnnxBuilder::attr(b.node("Relu", {"x"}, {"y"}, "act"), "bogus", 1);
  EXPECT_EQ(loadError(b), "node 'act' (Relu, opset 13): unsupported attribute 'bogus'");
}

TEST(Import, UnsupportedAttributeValueIsNamed) {
  OnnxBuilder b(13);
  b.input("x", {-1, 1, 8, 8}).output("y");
  auto& n = b.node("MaxPool", {"x"}, {"y"}, "pool");
  OnnxBuilder::attrInts(n, "kernel_shape", {2, 2});
  OnnxBuilder::attr(n, "storage_order", 1);
  EXPECT_EQ(loadError(b), "node 'pool' (MaxPool, opset 13): storage_order=1 is not supported");
}

TEST(Import, UnsupportedDtypeFailsAtLoad) {
  OnnxBuilder b(13);
  b.input("x", {-1, 4}, 10).output("y", 10);  // float16
  b.node("Relu", {"x"}, {"y"}, "act");
  EXPECT_EQ(loadError(b), "node 'act' (Relu, opset 13): input of type float16 is not supported");
}

TEST(Import, OpsetOutsideRange) {
  for (int opset : {10, 19}) {
    OnnxBuilder b(opset);
    b.input("x", {2}).output("y");
    b.node("Relu", {"x"}, {"y"});
    EXPECT_NE(loadError(b).find("opset " + std::to_string(opset) + " is not supported (supported: 11-18)"), std::string::npos);
  }
}

TEST(Import, ShapeMismatchFailsAtLoad) {
  OnnxBuilder b(13);
  b.input("a", {-1, 4}).input("c", {-1, 5}).output("y");
  b.node("Add", {"a", "c"}, {"y"}, "sum");
  EXPECT_NE(loadError(b).find("node 'sum' (Add, opset 13): shapes [2,4] and [2,5] do not broadcast"), std::string::npos)
      << loadError(b);
}

TEST(Import, BadBytesAndMissingFile) {
  const char junk[] = "definitely not protobuf";
  EXPECT_THROW(runtime::Session::loadFromBytes(std::as_bytes(std::span<const char>(junk, sizeof junk)), {}, "junk"), Error);
  try {
    runtime::Session::load("/nonexistent/model.onnx");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/model.onnx: cannot open model file");
  }
}

TEST(Import, OnlyLeadingDimMayBeDynamic) {
  OnnxBuilder b(13);
  b.input("x", {2, -1}).output("y");
  b.node("Relu", {"x"}, {"y"});
  EXPECT_NE(loadError(b).find("only the leading (batch) one may be dynamic"), std::string::npos);
}

TEST(Import, InfoIsQueryable) {
  auto s = tinyResNet(1).session();
  ASSERT_EQ(s.inputs().size(), 1u);
  EXPECT_EQ(s.inputs()[0].name, "x");
  EXPECT_EQ(s.inputs()[0].dims, (std::vector<std::int64_t>{-1, 4, 16, 16}));
  EXPECT_EQ(s.inputs()[0].dtype, runtime::DType::Float32);
  ASSERT_EQ(s.outputs().size(), 1u);
  EXPECT_EQ(s.outputs()[0].name, "logit");
  EXPECT_EQ(s.outputs()[0].dims, (std::vector<std::int64_t>{-1, 3}));
  EXPECT_TRUE(s.dynamicBatch());
  EXPECT_EQ(s.outputDims(0, 5), (std::vector<std::int64_t>{5, 3}));
}

}  // namespace
}  // namespace e2e::test
