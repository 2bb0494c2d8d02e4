#pragma once
// A graph-network tagger on hit graphs: each selected object's graph (from the HitGraphs producer) becomes a
// fixed-size node matrix — features in the card's order and scaled by its node_scales, cut or zero-padded to the
// card's node count — plus a node mask when the model takes one. Kept nodes are the builder's order (highest
// energy first), so cutting keeps the most energetic hits.
#include <vector>

#include "e2e/dataformats/Frames.hpp"
#include "e2e/taggers/ObjectTagger.hpp"

namespace e2e::taggers {

class GraphTagger : public ObjectTagger {
public:
  struct Config : TaggerConfig {
    std::string graphs = "jet_graphs";  // label of the HitGraphs product holding one graph per object

    template <class F, class... S>
    static void fields(F&& f, S&&... s) {
      f("graphs", "label of the HitGraphs product with one graph per object (HitGraphs module)", s.graphs...);
      commonFields(f, s...);
    }
    void check(const fw::ConfigCheck& c) const { checkCommon(c); }
  };

  GraphTagger(const fw::BuildContext& ctx, const Config& cfg);
  GraphTagger(std::string name, const Config& cfg, bool jets, ModelCard card, std::shared_ptr<const Engine> engine);

  std::int32_t claim(fw::Event& event) const override;
  std::unique_ptr<Batch> makeBatch() const override;
  void process(Batch& batch) const override;
  void runZeros(Batch& batch, std::int64_t rows) const override;

private:
  void init();
  void mapFeatures(const HitGraphs& graphs) const;

  fw::Input<HitGraphs> m_graphs;
  const ModelInput* m_nodes = nullptr;
  bool m_mask = false;
  std::int64_t m_maxNodes = 0, m_features = 0;
  mutable std::vector<int> m_featureOf;  // model feature f reads graph feature m_featureOf[f]; set on the first event
};

}  // namespace e2e::taggers
