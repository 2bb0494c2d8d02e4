#pragma once
// Primary-vertex finding from tracks (z clustering). When too few tracks make a vertex, the fallback collection's
// first vertex (the simulation's) stands in, so row 0 is always the primary vertex: the same rule the dataset
// writer (frames::EventSampler) applies, so crops and jets at inference match the ones the models trained on.
#include <oneapi/tbb/enumerable_thread_specific.h>

#include <memory>

#include "e2e/dataformats/Tracks.hpp"
#include "e2e/framework/Registry.hpp"
#include "e2e/reconstruction/VertexFinder.hpp"

namespace e2e::modules {

class VertexReco : public fw::Module {
public:
  struct Config {
    std::string tracks = "tracks";
    std::string fallback = "vertices";
    std::string output = "recoVertices";
    reco::VertexConfig finder;

    template <class F, class... S>
    static void fields(F&& f, S&&... s) {
      f("tracks", "label of the Tracks", s.tracks...);
      f("fallback", "label of Vertices whose row 0 is used when no vertex is found; empty: none", s.fallback...);
      f("output", "label of the Vertices product (row 0: primary)", s.output...);
      f("gap", "cm: largest z distance between neighbouring tracks of one vertex", s.finder.gap...);
      f("min_tracks", "fewest tracks that make a vertex", s.finder.minTracks...);
      f("max_sigma_dz", "cm: tracks measured worse than this do not seed vertices", s.finder.maxSigmaDz...);
    }
    void check(const fw::ConfigCheck& c) const {
      c.require(finder.gap > 0, "gap", "must be > 0");
      c.require(finder.minTracks >= 1, "min_tracks", "must be >= 1");
    }
  };

  VertexReco(const fw::BuildContext& ctx, const Config& cfg);
  void produce(fw::Event& event) const override;

private:
  reco::VertexFinder m_finder;
  fw::Input<Tracks> m_tracks;
  std::unique_ptr<fw::Input<Vertices>> m_fallback;
  fw::Output<Vertices> m_out;
  mutable tbb::enumerable_thread_specific<reco::VertexScratch> m_scratch;
};

}  // namespace e2e::modules
