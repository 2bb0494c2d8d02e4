#pragma once
// A CNN/ViT tagger on object crops: for each selected object that has a crop in the configured Frames product,
// the crop's channels are taken in the card's order, zero-suppressed and scaled as the card says, and batched
// across events; the model's output becomes the object's prediction. With a "position" input (mass regression)
// the crop centre's frame (row, column) is passed too. One class serves EGammaTagger, QuarkGluonTagger,
// TopTagger, TauTagger and MassRegressor, which differ only in their default configuration.
#include <vector>

#include "e2e/dataformats/Frames.hpp"
#include "e2e/taggers/ObjectTagger.hpp"

namespace e2e::taggers {

class CropTagger : public ObjectTagger {
public:
  struct Config : TaggerConfig {
    std::string frames = "photon_crops";  // label of the Frames product holding one crop per object

    template <class F, class... S>
    static void fields(F&& f, S&&... s) {
      f("frames", "label of the Frames product with one crop per object (PhotonCrops / JetCrops)", s.frames...);
      commonFields(f, s...);
    }
    void check(const fw::ConfigCheck& c) const { checkCommon(c); }
  };

  CropTagger(const fw::BuildContext& ctx, const Config& cfg);
  CropTagger(std::string name, const Config& cfg, bool jets, ModelCard card, std::shared_ptr<const Engine> engine);

  std::int32_t claim(fw::Event& event) const override;
  std::unique_ptr<Batch> makeBatch() const override;
  void process(Batch& batch) const override;
  void runZeros(Batch& batch, std::int64_t rows) const override;

private:
  void init(const Config& cfg);
  void mapChannels(const Frames& frames) const;

  fw::Input<Frames> m_frames;
  const ModelInput* m_image = nullptr;
  bool m_position = false;
  std::int64_t m_imageElements = 0;
  // Model channel c reads crop channel m_channelOf[c]; resolved on the first event (claim() is serial).
  mutable std::vector<int> m_channelOf;
};

}  // namespace e2e::taggers
