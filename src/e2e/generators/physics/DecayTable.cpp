#include "e2e/generators/physics/DecayTable.hpp"

#include <cstdlib>

#include "e2e/generators/physics/ParticleData.hpp"

namespace e2e::gen {
namespace {

using namespace pdg;
// Shorthands for antiparticles in the lists below.
constexpr int kPiMinus = -kPiPlus, kKMinus = -kKPlus, kK0bar = -kK0, kPositron = -kElectron, kMuPlus = -kMuon;
constexpr int kNuEbar = -kNuE, kNuMubar = -kNuMu, kD0bar = -kD0, kDMinus = -kDPlus, kDsMinus = -kDsPlus;

constexpr DecayChannel kPi0Ch[] = {{1.0, 2, {kPhoton, kPhoton}}};
constexpr DecayChannel kEtaCh[] = {
    {0.3941, 2, {kPhoton, kPhoton}},
    {0.3268, 3, {kPi0, kPi0, kPi0}},
    {0.2292, 3, {kPiPlus, kPiMinus, kPi0}},
    {0.0422, 3, {kPiPlus, kPiMinus, kPhoton}},
};
constexpr DecayChannel kRho0Ch[] = {{1.0, 2, {kPiPlus, kPiMinus}}};
constexpr DecayChannel kRhoPlusCh[] = {{1.0, 2, {kPiPlus, kPi0}}};
constexpr DecayChannel kOmegaCh[] = {
    {0.892, 3, {kPiPlus, kPiMinus, kPi0}},
    {0.084, 2, {kPi0, kPhoton}},
    {0.015, 2, {kPiPlus, kPiMinus}},
};
constexpr DecayChannel kPhiCh[] = {
    {0.492, 2, {kKPlus, kKMinus}},
    {0.340, 2, {kK0L, kK0S}},
    {0.153, 3, {kPiPlus, kPiMinus, kPi0}},
};
constexpr DecayChannel kK0SCh[] = {{0.692, 2, {kPiPlus, kPiMinus}}, {0.307, 2, {kPi0, kPi0}}};
// K*0 = d sbar, K*+ = u sbar.
constexpr DecayChannel kKStar0Ch[] = {{2.0 / 3, 2, {kKPlus, kPiMinus}}, {1.0 / 3, 2, {kK0, kPi0}}};
constexpr DecayChannel kKStarPlusCh[] = {{2.0 / 3, 2, {kK0, kPiPlus}}, {1.0 / 3, 2, {kKPlus, kPi0}}};
constexpr DecayChannel kLambdaCh[] = {{0.639, 2, {kProton, kPiMinus}}, {0.358, 2, {kNeutron, kPi0}}};
// D+ = c dbar.
constexpr DecayChannel kDPlusCh[] = {
    {0.0938, 3, {kKMinus, kPiPlus, kPiPlus}},   {0.0307, 2, {kK0bar, kPiPlus}},
    {0.0699, 3, {kK0bar, kPiPlus, kPi0}},       {0.0625, 4, {kKMinus, kPiPlus, kPiPlus, kPi0}},
    {0.0310, 4, {kK0bar, kPiPlus, kPiPlus, kPiMinus}}, {0.0873, 3, {kK0bar, kPositron, kNuE}},
    {0.0876, 3, {kK0bar, kMuPlus, kNuMu}},
};
// D0 = c ubar.
constexpr DecayChannel kD0Ch[] = {
    {0.0395, 2, {kKMinus, kPiPlus}},          {0.1440, 3, {kKMinus, kPiPlus, kPi0}},
    {0.0823, 4, {kKMinus, kPiPlus, kPiPlus, kPiMinus}}, {0.0280, 3, {kK0bar, kPiPlus, kPiMinus}},
    {0.0240, 2, {kK0bar, kPi0}},              {0.0886, 4, {kKMinus, kPiPlus, kPi0, kPi0}},
    {0.0353, 3, {kKMinus, kPositron, kNuE}},  {0.0341, 3, {kKMinus, kMuPlus, kNuMu}},
};
// Ds+ = c sbar.
constexpr DecayChannel kDsCh[] = {
    {0.045, 2, {kPhi, kPiPlus}},     {0.017, 2, {kEta, kPiPlus}},   {0.029, 2, {kK0bar, kKPlus}},
    {0.011, 3, {kPiPlus, kPiPlus, kPiMinus}}, {0.024, 3, {kPhi, kPositron, kNuE}}, {0.019, 3, {kPhi, kMuPlus, kNuMu}},
};
// Lambda_c+ = u d c.
constexpr DecayChannel kLambdaCCh[] = {
    {0.0628, 3, {kProton, kKMinus, kPiPlus}}, {0.0159, 2, {kProton, kK0bar}}, {0.0130, 2, {kLambda, kPiPlus}},
    {0.0700, 3, {kLambda, kPiPlus, kPi0}},     {0.0360, 3, {kLambda, kPositron, kNuE}},
    {0.0460, 4, {kProton, kKMinus, kPiPlus, kPi0}},
};
// B mesons: b -> c W, with the W giving pions or a lepton pair; inclusive-like averages of the exclusive modes.
constexpr DecayChannel kBPlusCh[] = {  // u bbar
    {0.10, 2, {kD0bar, kPiPlus}},       {0.20, 3, {kD0bar, kPiPlus, kPi0}},
    {0.20, 4, {kD0bar, kPiPlus, kPiPlus, kPiMinus}}, {0.10, 4, {kD0bar, kPiPlus, kPi0, kPi0}},
    {0.10, 3, {kDMinus, kPiPlus, kPiPlus}}, {0.10, 2, {kD0bar, kDsPlus}},
    {0.10, 3, {kD0bar, kPositron, kNuE}}, {0.10, 3, {kD0bar, kMuPlus, kNuMu}},
};
constexpr DecayChannel kB0Ch[] = {  // d bbar
    {0.20, 2, {kDMinus, kPiPlus}},      {0.20, 3, {kDMinus, kPiPlus, kPi0}},
    {0.20, 4, {kDMinus, kPiPlus, kPiPlus, kPiMinus}}, {0.10, 3, {kD0bar, kPiPlus, kPiMinus}},
    {0.10, 2, {kDMinus, kDsPlus}},      {0.10, 3, {kDMinus, kPositron, kNuE}},
    {0.10, 3, {kDMinus, kMuPlus, kNuMu}},
};
constexpr DecayChannel kBsCh[] = {  // s bbar
    {0.30, 2, {kDsMinus, kPiPlus}},     {0.20, 3, {kDsMinus, kPiPlus, kPi0}},
    {0.20, 4, {kDsMinus, kPiPlus, kPiPlus, kPiMinus}}, {0.15, 3, {kDsMinus, kPositron, kNuE}},
    {0.15, 3, {kDsMinus, kMuPlus, kNuMu}},
};
constexpr DecayChannel kLambdaBCh[] = {  // u d b
    {0.30, 2, {kLambdaC, kPiMinus}},    {0.20, 3, {kLambdaC, kPiMinus, kPi0}},
    {0.20, 4, {kLambdaC, kPiMinus, kPiPlus, kPiMinus}}, {0.15, 3, {kLambdaC, kElectron, kNuEbar}},
    {0.15, 3, {kLambdaC, kMuon, kNuMubar}},
};

struct Entry {
  int pdg;
  std::span<const DecayChannel> channels;
};
constexpr Entry kEntries[] = {
    {kPi0, kPi0Ch},         {kRho0, kRho0Ch},     {kRhoPlus, kRhoPlusCh}, {kEta, kEtaCh},
    {kOmega, kOmegaCh},     {kK0S, kK0SCh},       {kKStar0, kKStar0Ch},   {kKStarPlus, kKStarPlusCh},
    {kPhi, kPhiCh},         {kDPlus, kDPlusCh},   {kD0, kD0Ch},           {kDsPlus, kDsCh},
    {kB0, kB0Ch},           {kBPlus, kBPlusCh},   {kBs0, kBsCh},          {kLambda, kLambdaCh},
    {kLambdaC, kLambdaCCh}, {kLambdaB, kLambdaBCh},
};

}  // namespace

std::span<const DecayChannel> decayChannels(int pdgId) {
  const int a = std::abs(pdgId);
  for (const Entry& e : kEntries)
    if (e.pdg == a) return e.channels;
  return {};
}

}  // namespace e2e::gen
