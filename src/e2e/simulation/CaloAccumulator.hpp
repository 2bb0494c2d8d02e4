#pragma once
// Dense per-cell energy sums for one event: every ECAL crystal and HCAL channel has a slot, and a list of the
// slots touched so far makes clearing cost what was filled, not the detector size. Allocated once per worker.
#include <cstdint>
#include <vector>

#include "e2e/geometry/Detector.hpp"

namespace e2e::sim {

class CellSums {
public:
  explicit CellSums(int cells);
  // Adds positive energy with its arrival time (the cell keeps the energy-weighted mean time).
  void add(int cell, float energy, float time) {
    if (!(energy > 0.0f)) return;  // a touched cell without energy means "noise only" to the digitizer
    const auto c = static_cast<std::size_t>(cell);
    if (!m_touched[c]) {
      m_touched[c] = 1;
      m_list.push_back(cell);
    }
    m_energy[c] += energy;
    m_energyTime[c] += energy * time;
  }
  // Registers a cell without signal (a noise-only cell); false if it was already touched.
  bool touch(int cell) {
    const auto c = static_cast<std::size_t>(cell);
    if (m_touched[c]) return false;
    m_touched[c] = 1;
    m_list.push_back(cell);
    return true;
  }
  bool touched(int cell) const { return m_touched[static_cast<std::size_t>(cell)] != 0; }
  float energy(int cell) const { return m_energy[static_cast<std::size_t>(cell)]; }
  float meanTime(int cell) const {
    const auto c = static_cast<std::size_t>(cell);
    return m_energy[c] > 0.0f ? m_energyTime[c] / m_energy[c] : 0.0f;
  }
  std::vector<int>& list() { return m_list; }
  const std::vector<int>& list() const { return m_list; }
  int cells() const { return static_cast<int>(m_energy.size()); }
  void clear();

private:
  std::vector<float> m_energy, m_energyTime;
  std::vector<std::uint8_t> m_touched;
  std::vector<int> m_list;
};

// ECAL slots: EB crystals first (ieta * 360 + iphi), then the 100 x 100 grids of EE- and EE+.
namespace ecalcell {
inline constexpr int kEB = geo::kEBRows * geo::kPhiBins;
inline constexpr int kEEPerSide = geo::kEEGrid * geo::kEEGrid;
inline constexpr int kCount = kEB + 2 * kEEPerSide;
inline int barrel(int ieta, int iphi) { return ieta * geo::kPhiBins + iphi; }
inline int endcap(int side, int ix, int iy) { return kEB + (side > 0 ? kEEPerSide : 0) + ix * geo::kEEGrid + iy; }
inline bool isEndcap(int cell) { return cell >= kEB; }
std::uint32_t id(int cell);
// Number of existing EE crystals per side (grid cells inside the acceptance).
int endcapCrystalsPerSide();
}  // namespace ecalcell

// HCAL slots: (ring index 0..55, iphi 0..71, depth 1..kMaxDepth).
namespace hcalcell {
inline constexpr int kMaxDepth = 3;
inline constexpr int kCount = geo::kHcalRings * geo::kHcalPhiBins * kMaxDepth;
// Depth segments: 2 in the barrel (HB), 3 in the endcap (HE).
int depths(int ieta);
inline int index(int ring, int iphi, int depth) { return (ring * geo::kHcalPhiBins + iphi) * kMaxDepth + depth - 1; }
int ring(int cell);
int iphi(int cell);
int depth(int cell);
// Number of readout channels (existing towers x their depths).
int channelCount();
}  // namespace hcalcell

}  // namespace e2e::sim
