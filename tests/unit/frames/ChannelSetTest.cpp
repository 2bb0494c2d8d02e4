#include <gtest/gtest.h>

#include "e2e/core/Error.hpp"
#include "e2e/frames/ChannelSet.hpp"

using namespace e2e::frames;

TEST(ChannelSet, RegistryHasThe13SpecChannelsPlusTime) {
  EXPECT_EQ(channelRegistry().size(), 14u);
  const auto set = ChannelSet::parse("ecal,hcal,trk_pt,trk_d0,trk_dz,bpix1,bpix2,bpix3,bpix4,tib1,tib2,tob1,tob2");
  EXPECT_EQ(set.size(), 13u);
  EXPECT_EQ(set.def(5).layer, 1);
  EXPECT_EQ(set.def(5).subdet, e2e::TrackerSubdet::BPIX);
  EXPECT_EQ(set.def(8).layer, 4);
  EXPECT_EQ(set.def(12).subdet, e2e::TrackerSubdet::TOB);
  EXPECT_EQ(set.def(12).layer, 2);
}

TEST(ChannelSet, KeepsTheOrderAsked) {
  const auto set = ChannelSet::parse(" hcal, ecal ,trk_pt", "25,1,0.5");
  ASSERT_EQ(set.size(), 3u);
  EXPECT_STREQ(set.name(0), "hcal");
  EXPECT_STREQ(set.name(1), "ecal");
  EXPECT_EQ(set.kind(0), ChannelKind::Hcal);
  EXPECT_FLOAT_EQ(set.scale(0), 25.0f);
  EXPECT_FLOAT_EQ(set.scale(2), 0.5f);
  EXPECT_EQ(set.indexOf("trk_pt"), 2);
  EXPECT_EQ(set.indexOf("bpix1"), -1);
}

TEST(ChannelSet, UnknownNameIsAnErrorNamingIt) {
  try {
    (void)ChannelSet::parse("ecal,bpix5");
    FAIL() << "no error";
  } catch (const e2e::Error& e) {
    EXPECT_NE(std::string(e.what()).find("'bpix5'"), std::string::npos) << e.what();
  }
}

TEST(ChannelSet, RejectsRepeatsBadScalesAndEmpty) {
  EXPECT_THROW((void)ChannelSet::parse("ecal,ecal"), e2e::Error);
  EXPECT_THROW((void)ChannelSet::parse("ecal,hcal", "1"), e2e::Error);
  EXPECT_THROW((void)ChannelSet::parse("ecal", "x"), e2e::Error);
  EXPECT_THROW((void)ChannelSet::parse(""), e2e::Error);
}
