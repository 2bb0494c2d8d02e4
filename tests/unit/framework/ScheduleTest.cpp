#include <gtest/gtest.h>

#include "e2e/core/Error.hpp"
#include "e2e/dataformats/CaloHits.hpp"
#include "e2e/dataformats/Objects.hpp"
#include "e2e/framework/Schedule.hpp"

using namespace e2e;
using namespace e2e::fw;

namespace {

class MakeHits : public Module {
public:
  MakeHits(std::string name, std::string label) : Module(std::move(name)), m_out(this, "hits", std::move(label)) {}
  void produce(Event& ev) const override {
    auto& hits = ev.put(m_out);
    for (std::uint64_t i = 0; i <= ev.index(); ++i) hits.add(static_cast<std::uint32_t>(i), 1.0f, 0.0f);
  }

private:
  Output<EcalHits> m_out;
};

class SumHits : public Module {
public:
  SumHits(std::string name, std::string in, std::string out)
      : Module(std::move(name)), m_in(this, "hits", std::move(in)), m_out(this, "sum", std::move(out)) {}
  void produce(Event& ev) const override {
    const auto& hits = ev.get(m_in);
    float sum = 0;
    for (float e : hits.energy) sum += e;
    ev.put(m_out).add(0, sum);
  }

private:
  Input<EcalHits> m_in;
  Output<Predictions> m_out;
};

class ReadsPhotons : public Module {
public:
  ReadsPhotons(std::string name, std::string in) : Module(std::move(name)), m_in(this, "photons", std::move(in)) {}
  void produce(Event&) const override {}

private:
  Input<Photons> m_in;
};

std::string wiringError(std::vector<std::unique_ptr<Module>> modules) {
  try {
    Schedule s(std::move(modules));
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

template <class... M>
std::vector<std::unique_ptr<Module>> seq(std::unique_ptr<M>... m) {
  std::vector<std::unique_ptr<Module>> v;
  (v.push_back(std::move(m)), ...);
  return v;
}

}  // namespace

TEST(Schedule, RunsModulesInOrderAndRecyclesProducts) {
  Schedule s(seq(std::make_unique<MakeHits>("sim", "ecal"), std::make_unique<SumHits>("sum", "ecal", "total")));
  Event ev = s.makeEvent();
  for (std::uint64_t i = 0; i < 5; ++i) {
    ev.reset(i, 1);
    s.process(ev);
  }
  EXPECT_EQ(s.slots(), 2u);
  EXPECT_NE(s.describe().find("sum.hits -> ecal (EcalHits)"), std::string::npos);
}

TEST(Schedule, MissingInputNamesModuleHandleAndLabel) {
  const auto err = wiringError(seq(std::make_unique<SumHits>("sum", "ecal", "total")));
  EXPECT_NE(err.find("sum.hits -> ecal"), std::string::npos) << err;
  EXPECT_NE(err.find("no earlier module produces"), std::string::npos) << err;
}

TEST(Schedule, ConsumingBeforeProducingIsMissing) {
  const auto err = wiringError(seq(std::make_unique<SumHits>("sum", "ecal", "total"), std::make_unique<MakeHits>("sim", "ecal")));
  EXPECT_NE(err.find("sum.hits -> ecal"), std::string::npos) << err;
}

TEST(Schedule, DuplicateOutputIsRejected) {
  const auto err = wiringError(seq(std::make_unique<MakeHits>("simA", "ecal"), std::make_unique<MakeHits>("simB", "ecal")));
  EXPECT_NE(err.find("simB.hits -> ecal"), std::string::npos) << err;
  EXPECT_NE(err.find("already produced by simA.hits -> ecal"), std::string::npos) << err;
}

TEST(Schedule, TypeMismatchIsRejected) {
  const auto err = wiringError(seq(std::make_unique<MakeHits>("sim", "ecal"), std::make_unique<ReadsPhotons>("tagger", "ecal")));
  EXPECT_NE(err.find("tagger.photons -> ecal"), std::string::npos) << err;
  EXPECT_NE(err.find("expects Photons but 'ecal' is EcalHits"), std::string::npos) << err;
}

TEST(Schedule, DuplicateModuleNames) {
  const auto err = wiringError(seq(std::make_unique<MakeHits>("sim", "a"), std::make_unique<MakeHits>("sim", "b")));
  EXPECT_NE(err.find("two modules are named 'sim'"), std::string::npos) << err;
}

TEST(Event, ProductsAreValuesOfThisEvent) {
  // A probe module reads the product back through a wired handle.
  struct Probe : Module {
    Probe() : Module("probe"), in(this, "in", "total") {}
    void produce(Event&) const override {}
    Input<Predictions> in;
  };
  std::vector<std::unique_ptr<Module>> mods;
  mods.push_back(std::make_unique<MakeHits>("sim", "ecal"));
  mods.push_back(std::make_unique<SumHits>("sum", "ecal", "total"));
  auto probe = std::make_unique<Probe>();
  Probe* p = probe.get();
  mods.push_back(std::move(probe));
  Schedule s2(std::move(mods));
  Event ev2 = s2.makeEvent();
  for (std::uint64_t i = 0; i < 4; ++i) {
    ev2.reset(i, 0);
    EXPECT_FALSE(ev2.has(p->in));
    s2.process(ev2);
    ASSERT_TRUE(ev2.has(p->in));
    EXPECT_FLOAT_EQ(ev2.get(p->in).value.at(0), static_cast<float>(i + 1));
    EXPECT_EQ(ev2.get(p->in).size(), 1u);
  }
}
