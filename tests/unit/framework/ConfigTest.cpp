#include <gtest/gtest.h>

#include "ToyModules.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/framework/RunConfig.hpp"

using namespace e2e;
using namespace e2e::fw;

namespace {

struct TaggerConfig {
  float ptMin = 10;
  int maxBatch = 64;
  std::string model = "models/eg.onnx";
  std::vector<std::string> channels{"ecal", "ecal_time"};
  bool sigmoid = true;

  template <class F, class... S>
  static void fields(F&& f, S&&... s) {
    f("pt_min", "minimum pT [GeV]", s.ptMin...);
    f("max_batch", "objects per batch", s.maxBatch...);
    f("model", "ONNX model", s.model...);
    f("channels", "image channels", s.channels...);
    f("sigmoid", "apply a sigmoid", s.sigmoid...);
  }
  void check(const ConfigCheck& c) const { c.require(maxBatch > 0, "max_batch", "must be > 0"); }
};

ConfigTable tableOf(const std::string& toml) {
  // Parse through a run config so tests use the real TOML decoding.
  const auto rc = RunConfig::parse("[run]\npath = [\"m\"]\n[modules.m]\n" + toml, "test.toml");
  return rc.moduleTable("m");
}

std::string errorOf(auto&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(Config, ReadsEveryFieldKind) {
  const auto t = tableOf("type = \"X\"\npt_min = 25\nmax_batch = 8\nmodel = \"a.onnx\"\nchannels = [\"ecal\"]\nsigmoid = false\n");
  const auto c = readConfig<TaggerConfig>(t, "modules.m");
  EXPECT_FLOAT_EQ(c.ptMin, 25.f);
  EXPECT_EQ(c.maxBatch, 8);
  EXPECT_EQ(c.model, "a.onnx");
  EXPECT_EQ(c.channels, std::vector<std::string>{"ecal"});
  EXPECT_FALSE(c.sigmoid);
}

TEST(Config, DefaultsWhenAbsent) {
  const auto c = readConfig<TaggerConfig>(tableOf(""), "modules.m");
  EXPECT_EQ(c.maxBatch, 64);
  EXPECT_EQ(c.channels.size(), 2u);
}

TEST(Config, UnknownKeyNamesSectionKeyAndKnownKeys) {
  const auto err = errorOf([] { readConfig<TaggerConfig>(tableOf("pt_mn = 3\n"), "modules.m"); });
  EXPECT_NE(err.find("[modules.m] pt_mn: unknown key"), std::string::npos) << err;
  EXPECT_NE(err.find("pt_min"), std::string::npos) << err;
}

TEST(Config, WrongKindNamesKeyAndLine) {
  const auto err = errorOf([] { readConfig<TaggerConfig>(tableOf("max_batch = \"big\"\n"), "modules.m"); });
  EXPECT_NE(err.find("[modules.m] max_batch: expected an integer, got a string (line 4)"), std::string::npos) << err;
  const auto err2 = errorOf([] { readConfig<TaggerConfig>(tableOf("channels = [\"ecal\", 3]\n"), "modules.m"); });
  EXPECT_NE(err2.find("[modules.m] channels: expected a string, got an integer"), std::string::npos) << err2;
}

TEST(Config, CheckRejectsBadValue) {
  const auto err = errorOf([] { readConfig<TaggerConfig>(tableOf("max_batch = 0\n"), "modules.m"); });
  EXPECT_EQ(err, "[modules.m] max_batch: must be > 0");
}

TEST(Config, DescriptionReadsBackToTheSameConfig) {
  TaggerConfig c;
  c.ptMin = 12.5f;
  c.model = "dir/with \"quotes\".onnx";
  c.channels = {"a", "b", "c"};
  const std::string text = describeConfig(c);
  const auto back = readConfig<TaggerConfig>(tableOf(text), "modules.m");
  EXPECT_EQ(describeConfig(back), text);
  EXPECT_EQ(back.model, c.model);
  EXPECT_NE(documentConfig(c).find("pt_min = 12.5  # minimum pT [GeV]"), std::string::npos);
}

TEST(RunConfig, StructuralMistakesAreNamed) {
  EXPECT_NE(errorOf([] { RunConfig::parse("[modules.a]\ntype=\"X\"\n", "c.toml"); }).find("no [run] table"), std::string::npos);
  EXPECT_NE(errorOf([] { RunConfig::parse("[run]\npath=[\"a\"]\n", "c.toml"); })
                .find("[run] path: module 'a' has no [modules.a] table"),
            std::string::npos);
  EXPECT_NE(errorOf([] { RunConfig::parse("[run]\npath=[\"a\"]\n[modules.a]\n[modules.b]\n", "c.toml"); })
                .find("[modules.b]: not on the [run] path"),
            std::string::npos);
  EXPECT_NE(errorOf([] { RunConfig::parse("[run]\npath=[\"a\"]\n[other]\n", "c.toml"); }).find("unknown top-level entry 'other'"),
            std::string::npos);
  EXPECT_NE(errorOf([] { RunConfig::parse("[run]\npath=[\"a\",\"a\"]\n[modules.a]\n", "c.toml"); }).find("lists 'a' twice"),
            std::string::npos);
  EXPECT_NE(errorOf([] { RunConfig::parse("[run]\nevnts = 3\npath=[\"a\"]\n[modules.a]\n", "c.toml"); })
                .find("[run] evnts: unknown key"),
            std::string::npos);
  const auto syntax = errorOf([] { RunConfig::parse("[run]\npath = [\"a\"\n", "c.toml"); });
  EXPECT_EQ(syntax.rfind("c.toml:", 0), 0u) << syntax;
}

namespace {
struct EmptyConfig {
  template <class F, class... S>
  static void fields(F&&, S&&...) {}
};
class ToySourceModule : public test::ToySource {
public:
  using Config = EmptyConfig;
  ToySourceModule(const BuildContext& ctx, const Config&) : test::ToySource(5, -1, 0, ctx.name) {}
};
class CollectorModule : public test::Collector {
public:
  using Config = TaggerConfig;
  CollectorModule(const BuildContext& ctx, const Config&) : test::Collector(false, ctx.name) {
    EXPECT_EQ(ctx.products.at("photons"), "Photons");  // products of earlier modules are visible to factories
  }
};
}  // namespace

TEST(RunConfig, BuildsModulesThroughTheRegistry) {
  ModuleRegistry reg;
  reg.add(moduleFactory<ToySourceModule>("Toy", "toy source"));
  reg.add(moduleFactory<CollectorModule>("Collect", "collector"));
  const auto rc = RunConfig::parse(
      "[run]\nevents = 5\npath = [\"src\", \"out\"]\n[modules.src]\ntype = \"Toy\"\n[modules.out]\ntype = \"Collect\"\n"
      "max_batch = 3\n",
      "c.toml");
  RunSettings settings;
  auto mods = rc.build(reg, settings);
  ASSERT_EQ(mods.size(), 2u);
  EXPECT_EQ(mods[1]->typeName(), "Collect");
  EXPECT_NE(mods[1]->configText().find("max_batch = 3"), std::string::npos);
  const std::string desc = rc.describe({mods[0].get(), mods[1].get()});
  EXPECT_NE(desc.find("[modules.out]\ntype = \"Collect\"\npt_min = 10.0"), std::string::npos) << desc;
  // The description is itself a valid run configuration.
  EXPECT_NO_THROW(RunConfig::parse(desc, "described"));

  const auto bad = RunConfig::parse("[run]\npath = [\"src\"]\n[modules.src]\ntype = \"Tyo\"\n", "c.toml");
  const auto err = errorOf([&] { bad.build(reg, settings); });
  EXPECT_NE(err.find("[modules.src] type: unknown module type 'Tyo' (known: Toy, Collect)"), std::string::npos) << err;
  EXPECT_NE(reg.document().find("type = \"Collect\"\npt_min = 10.0  # minimum pT [GeV]"), std::string::npos);
}
