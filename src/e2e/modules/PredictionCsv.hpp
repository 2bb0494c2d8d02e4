#pragma once
// A CSV of the taggers' outputs, one row per scored object: event, tagger, object row, its kinematics and truth,
// and the prediction — for a quick look in a spreadsheet or pandas without HDF5. Written to "<path>.tmp" and
// renamed when the run completes, like every output.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "e2e/dataformats/Objects.hpp"
#include "e2e/framework/Registry.hpp"

namespace e2e::modules {

class PredictionCsv : public fw::Module {
public:
  struct Config {
    std::string path = "predictions.csv";
    std::vector<std::string> predictions;
    std::vector<std::string> objects;
    bool overwrite = false;

    template <class F, class... S>
    static void fields(F&& f, S&&... s) {
      f("path", "CSV file to write", s.path...);
      f("predictions", "labels of the Predictions to write (the taggers' outputs)", s.predictions...);
      f("objects", "for each of them, the label of the Photons or Jets it scores", s.objects...);
      f("overwrite", "replace an existing file (--force sets this for every output)", s.overwrite...);
    }
    void check(const fw::ConfigCheck& c) const;
  };

  PredictionCsv(const fw::BuildContext& ctx, const Config& cfg);
  ~PredictionCsv() override;
  void beginJob(const fw::JobInfo& job) override;
  void produce(fw::Event& event) const override;
  void endJob() override;
  void abortJob() override;

private:
  struct Source {
    std::string tagger;
    std::unique_ptr<fw::Input<Predictions>> predictions;
    std::unique_ptr<fw::Input<Photons>> photons;
    std::unique_ptr<fw::Input<Jets>> jets;
  };
  std::string m_path, m_tmp;
  bool m_overwrite;
  std::vector<Source> m_sources;
  std::FILE* m_file = nullptr;
};

}  // namespace e2e::modules
