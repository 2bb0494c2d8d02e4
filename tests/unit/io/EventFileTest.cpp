#include <gtest/gtest.h>
#include <hdf5.h>

#include <filesystem>
#include <fstream>

#include "e2e/core/Random.hpp"
#include "e2e/dataformats/CaloHits.hpp"
#include "e2e/dataformats/GenParticles.hpp"
#include "e2e/dataformats/Objects.hpp"
#include "e2e/dataformats/TrackerHits.hpp"
#include "e2e/dataformats/Tracks.hpp"
#include "e2e/io/EventFile.hpp"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

fs::path tempPath(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("e2e_io_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

// Fills every column of a collection with random values (random row count, including empty events).
template <class T>
void randomFill(T& coll, Rng& rng, std::size_t rows) {
  coll.resize(rows);
  T::columns(
      [&](const char*, auto& col) {
        for (auto& v : col) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_floating_point_v<V>) v = static_cast<V>(rng.gauss(0, 100));
          else v = static_cast<V>(rng.next());
        }
      },
      coll);
}

struct Event {
  GenParticles gen;
  EcalHits ecal;
  HcalHits hcal;
  TrackerHits trk;
  Tracks tracks;
  Vertices vertices;
  Photons photons;
  Jets jets;
  Predictions preds;
  EventInfo info;
  template <class F>
  void each(F&& f) {
    f("gen", gen), f("ecal", ecal), f("hcal", hcal), f("trk", trk), f("tracks", tracks), f("vertices", vertices);
    f("photons", photons), f("jets", jets), f("preds", preds), f("info", info);
  }
};

Event randomEvent(std::uint64_t i) {
  Rng rng(7, i);
  Event ev;
  ev.each([&](const char* label, auto& c) {
    const std::size_t rows = std::string(label) == "info" ? 1 : rng.below(i % 5 == 0 ? 1 : 200);
    randomFill(c, rng, rows);
  });
  return ev;
}

}  // namespace

TEST(EventFile, RoundTripIsExact) {
  const auto path = tempPath("roundtrip.h5");
  fs::remove(path);
  constexpr std::uint64_t kEvents = 2500;  // crosses the writer's flush boundary
  {
    io::EventWriter w(path.string(), {"e2e test", "seed = 7", ""});
    for (std::uint64_t i = 0; i < kEvents; ++i) {
      Event ev = randomEvent(i);
      ev.each([&](const char* label, auto& c) { w.put(label, c); });
      w.endEvent();
    }
    w.close();
  }
  io::EventReader r(path.string());
  ASSERT_EQ(r.events(), kEvents);
  EXPECT_EQ(r.provenance().command, "e2e test");
  EXPECT_EQ(r.provenance().config, "seed = 7");
  EXPECT_EQ(r.collections().size(), 10u);
  Event back;
  for (std::uint64_t i = 0; i < kEvents; i += 7) {
    Event ev = randomEvent(i);
    back.each([&](const char* label, auto& c) { r.get(label, i, c); });
    ev.each([&](const char* label, auto& c) {
      bool same = false;
      back.each([&](const char* l2, auto& c2) {
        if constexpr (std::is_same_v<std::decay_t<decltype(c)>, std::decay_t<decltype(c2)>>)
          if (std::string(label) == l2) same = (c == c2);
      });
      EXPECT_TRUE(same) << label << " event " << i;
    });
  }
}

TEST(EventFile, LabelFirstSeenLaterHasEmptyEarlierEvents) {
  const auto path = tempPath("late.h5");
  fs::remove(path);
  io::EventWriter w(path.string(), {});
  EcalHits hits;
  for (int i = 0; i < 3; ++i) w.endEvent();
  hits.add(42, 1.5f, 0.1f);
  w.put("ecal", hits);
  w.endEvent();
  w.close();
  io::EventReader r(path.string());
  EXPECT_EQ(r.rows("ecal", 0), 0u);
  EXPECT_EQ(r.rows("ecal", 3), 1u);
  EcalHits back;
  r.get("ecal", 3, back);
  EXPECT_EQ(back, hits);
}

TEST(EventFile, NeverOverwritesWithoutForceAndLeavesNoPartialFile) {
  const auto path = tempPath("exists.h5");
  { std::ofstream(path) << "precious"; }
  EXPECT_THROW(io::EventWriter(path.string(), {}), Error);
  const auto partial = tempPath("partial.h5");
  fs::remove(partial);
  {
    io::EventWriter w(partial.string(), {});
    w.endEvent();
    EXPECT_TRUE(fs::exists(partial.string() + ".tmp"));
    // destroyed without close(): as if the run failed
  }
  EXPECT_FALSE(fs::exists(partial));
  EXPECT_FALSE(fs::exists(partial.string() + ".tmp"));
  // --force replaces.
  io::EventWriter w(path.string(), {}, true);
  w.close();
  EXPECT_NO_THROW(io::EventReader(path.string()));
}

namespace {
std::string errorOf(const fs::path& p) {
  try {
    io::EventReader r(p.string());
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(EventFile, BadFilesAreRejectedClearly) {
  EXPECT_NE(errorOf(tempPath("missing.h5")).find("no such file"), std::string::npos);

  const auto text = tempPath("text.h5");
  { std::ofstream(text) << "not hdf5 at all"; }
  EXPECT_NE(errorOf(text).find("not an HDF5 file"), std::string::npos);

  // A truncated file: a good file cut in half.
  const auto good = tempPath("good.h5");
  fs::remove(good);
  {
    io::EventWriter w(good.string(), {});
    for (std::uint64_t i = 0; i < 300; ++i) {
      Event ev = randomEvent(i);
      ev.each([&](const char* label, auto& c) { w.put(label, c); });
      w.endEvent();
    }
    w.close();
  }
  const auto cut = tempPath("cut.h5");
  fs::copy_file(good, cut, fs::copy_options::overwrite_existing);
  fs::resize_file(cut, fs::file_size(good) / 2);
  const std::string err = errorOf(cut);
  EXPECT_FALSE(err.empty());
  EXPECT_NE(err.find(cut.string()), std::string::npos);

  // Wrong schema version.
  const auto wrong = tempPath("wrong.h5");
  fs::copy_file(good, wrong, fs::copy_options::overwrite_existing);
  {
    hid_t f = H5Fopen(wrong.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    ASSERT_GE(f, 0);
    std::uint64_t v = 99;
    hid_t a = H5Aopen(f, "schema_version", H5P_DEFAULT);
    H5Awrite(a, H5T_NATIVE_UINT64, &v);
    H5Aclose(a);
    H5Fclose(f);
  }
  EXPECT_NE(errorOf(wrong).find("schema version 99"), std::string::npos);
}

TEST(EventFile, TypeMismatchIsAnError) {
  const auto path = tempPath("types.h5");
  fs::remove(path);
  io::EventWriter w(path.string(), {});
  w.put("x", EcalHits{});
  EXPECT_THROW(w.put("x", HcalHits{}), Error);
}

TEST(EventFile, SameContentGivesByteIdenticalFiles) {
  auto write = [](const fs::path& p) {
    fs::remove(p);
    io::EventWriter w(p.string(), {"cmd", "cfg", ""});
    for (std::uint64_t i = 0; i < 50; ++i) {
      Event ev = randomEvent(i);
      ev.each([&](const char* label, auto& c) { w.put(label, c); });
      w.endEvent();
    }
    w.close();
  };
  const auto a = tempPath("same_a.h5"), b = tempPath("same_b.h5");
  write(a);
  write(b);
  std::ifstream fa(a, std::ios::binary), fb(b, std::ios::binary);
  const std::string ca((std::istreambuf_iterator<char>(fa)), {}), cb((std::istreambuf_iterator<char>(fb)), {});
  ASSERT_FALSE(ca.empty());
  EXPECT_TRUE(ca == cb) << "files differ";
}
