#include <gtest/gtest.h>

#include <string>

#include "GenTestUtil.hpp"
#include "e2e/core/Error.hpp"
#include "e2e/generators/Process.hpp"
#include "e2e/generators/physics/ParticleData.hpp"
#include "e2e/generators/readers/EventSource.hpp"
#include "e2e/generators/readers/TextEventReader.hpp"

namespace e2e::gen {
namespace {

std::string data(const char* name) { return std::string(E2E_SOURCE_DIR) + "/tests/unit/generators/data/" + name; }

// The error message of `f`, or "" if it does not throw e2e::Error.
template <class F>
std::string errorOf(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(HepMC3Reader, ReadsParticlesVerticesAndUnits) {
  auto source = openEventSource(data("two_events.hepmc3"), InputFormat::kHepMC3);
  GenParticles p;
  EventInfo info;
  ASSERT_TRUE(source->next(p, info));
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(info.process[0], static_cast<std::int32_t>(Process::kHepMC3Input));
  EXPECT_EQ(p.pdgId[0], 2212);
  EXPECT_EQ(p.status[0], kGenHard);      // beam, HepMC status 4
  EXPECT_EQ(p.status[2], kGenDecayed);   // the tau has an end vertex with daughters
  EXPECT_EQ(p.status[3], kGenFinal);
  EXPECT_EQ(p.mother[2], 0);             // first incoming particle of its production vertex
  EXPECT_EQ(p.mother[4], 2);             // pi- from the tau
  EXPECT_FLOAT_EQ(p.charge[4], -1.0f);   // pdg -211
  EXPECT_FLOAT_EQ(p.vz[4], 0.31f);       // 3.1 mm
  EXPECT_NEAR(p.vt[4], 0.06 / 29.9792458, 1e-7);  // ct = 0.6 mm
  EXPECT_DOUBLE_EQ(p.e[3], 11.2);
  ASSERT_TRUE(source->next(p, info));
  ASSERT_EQ(p.size(), 3u);
  EXPECT_DOUBLE_EQ(p.px[1], 1.0);        // 1000 MeV
  EXPECT_FLOAT_EQ(p.vx[1], 1.0f);        // 1 cm
  EXPECT_EQ(info.event[0], 1u);
  EXPECT_FALSE(source->next(p, info));
  EXPECT_EQ(source->eventsRead(), 2u);
}

TEST(HepMC3Reader, MalformedFilesNameFileAndLine) {
  const std::string broken = data("broken_particle.hepmc3");
  const std::string e1 = errorOf([&] {
    auto s = openEventSource(broken, InputFormat::kHepMC3);
    GenParticles p;
    EventInfo i;
    while (s->next(p, i)) {
    }
  });
  EXPECT_NE(e1.find(broken + ":7:"), std::string::npos) << e1;
  const std::string e2 = errorOf([&] { (void)openEventSource(data("not_hepmc.hepmc3"), InputFormat::kHepMC3); });
  EXPECT_NE(e2.find("not a HepMC3 ASCII file"), std::string::npos) << e2;
  const std::string e3 = errorOf([&] { (void)openEventSource(data("missing.hepmc3"), InputFormat::kHepMC3); });
  EXPECT_NE(e3.find("cannot open"), std::string::npos) << e3;
}

TEST(TextReader, InfersSpeciesFromTheMass) {
  auto source = openEventSource(data("three_events.txt"), InputFormat::kText);
  GenParticles p;
  EventInfo info;
  ASSERT_TRUE(source->next(p, info));
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p.pdgId[0], pdg::kPhoton);
  EXPECT_EQ(p.pdgId[1], pdg::kPiPlus);
  EXPECT_FLOAT_EQ(p.charge[1], 1.0f);
  ASSERT_TRUE(source->next(p, info));
  EXPECT_EQ(p.pdgId[0], pdg::kElectron);  // given in the fifth column
  EXPECT_EQ(p.pdgId[1], pdg::kMuon);
  ASSERT_TRUE(source->next(p, info));     // last event without #END
  EXPECT_EQ(p.pdgId[0], pdg::kKPlus);
  EXPECT_EQ(p.pdgId[1], pdg::kProton);
  EXPECT_EQ(info.event[0], 2u);
  EXPECT_FALSE(source->next(p, info));
}

TEST(TextReader, MalformedLinesNameFileAndLine) {
  const std::string broken = data("broken.txt");
  const std::string e = errorOf([&] {
    auto s = openEventSource(broken, InputFormat::kText);
    GenParticles p;
    EventInfo i;
    while (s->next(p, i)) {
    }
  });
  EXPECT_NE(e.find(broken + ":3: expected 'px py pz E [pdgId]'"), std::string::npos) << e;
  EXPECT_NE(errorOf([] { (void)inferSpecies(0, 0, 10, 5, "f:1"); }).find("below |p|"), std::string::npos);
  EXPECT_NE(errorOf([] { (void)inferSpecies(0, 0, 0, 5, "f:1"); }).find("fifth column"), std::string::npos);
  EXPECT_EQ(inferSpecies(0, 0, 100, 100.0000000001, "f:1"), pdg::kPhoton);  // rounding below zero is massless
}

TEST(InputFormat, FromNamesAndExtensions) {
  EXPECT_EQ(parseInputFormat("hepmc3"), InputFormat::kHepMC3);
  EXPECT_EQ(guessInputFormat("a/b.hepmc"), InputFormat::kHepMC3);
  EXPECT_EQ(guessInputFormat("events.txt"), InputFormat::kText);
  EXPECT_THROW(guessInputFormat("events.root"), UsageError);
  EXPECT_THROW(parseInputFormat("lhe"), UsageError);
}

}  // namespace
}  // namespace e2e::gen
