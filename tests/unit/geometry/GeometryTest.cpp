#include <gtest/gtest.h>

#include <cmath>

#include "e2e/core/Error.hpp"
#include "e2e/geometry/EcalGeometry.hpp"
#include "e2e/geometry/HcalGeometry.hpp"
#include "e2e/geometry/TrackerGeometry.hpp"

using namespace e2e::geo;

TEST(EcalGeometry, BarrelEdgeAndCellSize) {
  EXPECT_NEAR(kCrystalDEta, 0.0174, 1e-4);
  EXPECT_TRUE(inBarrel(1.4789));
  EXPECT_FALSE(inBarrel(1.4791));
  EXPECT_EQ(ebRow(-1.4789), 0);
  EXPECT_EQ(ebRow(1.4789), kEBRows - 1);
  EXPECT_EQ(ebRow(0.0001), 85);
  EXPECT_EQ(ebRow(-0.0001), 84);
  for (int r = 0; r < kEBRows; ++r) EXPECT_EQ(ebRow(ebRowCenterEta(r)), r);
}

TEST(EcalGeometry, PhiColumnsWrap) {
  EXPECT_EQ(phiColumn(-kPi), 0);
  EXPECT_EQ(phiColumn(kPi - 1e-9), kPhiBins - 1);
  EXPECT_EQ(phiColumn(kPi + 1e-9), 0);  // wraps
  EXPECT_EQ(phiColumn(0.0), 180);
  for (int c = 0; c < kPhiBins; ++c) EXPECT_EQ(phiColumn(phiColumnCenter(c)), c);
  EXPECT_NEAR(wrapPhi(3 * kPi), -kPi, 1e-12);
}

TEST(EcalGeometry, EcalIdRoundTrip) {
  const auto eb = EcalId::barrel(169, 359);
  EXPECT_FALSE(EcalId::isEndcap(eb));
  EXPECT_EQ(EcalId::ebIeta(eb), 169);
  EXPECT_EQ(EcalId::ebIphi(eb), 359);
  const auto ee = EcalId::endcap(-1, 99, 3);
  EXPECT_TRUE(EcalId::isEndcap(ee));
  EXPECT_EQ(EcalId::eeSide(ee), -1);
  EXPECT_EQ(EcalId::eeIx(ee), 99);
  EXPECT_EQ(EcalId::eeIy(ee), 3);
  EXPECT_EQ(EcalId::eeSide(EcalId::endcap(+1, 0, 0)), +1);
}

TEST(EcalGeometry, EndcapCoversItsEtaRange) {
  // Every direction in 1.5 < |eta| < 2.95 hits an existing crystal, and the crystal's centre is close by.
  int checked = 0;
  for (double eta = 1.5; eta < 2.95; eta += 0.05)
    for (double phi = -3.1; phi < 3.1; phi += 0.3)
      for (int side : {-1, 1}) {
        const auto cell = eeCellAt(side * eta, phi);
        ASSERT_TRUE(cell.has_value()) << eta << " " << phi;
        EXPECT_EQ(cell->side, side);
        EXPECT_NEAR(eeCellEta(side, cell->ix, cell->iy), side * eta, 0.1);
        ++checked;
      }
  EXPECT_GT(checked, 500);
  EXPECT_FALSE(eeCellAt(1.2, 0.0).has_value());
  EXPECT_FALSE(eeCellAt(3.2, 0.0).has_value());
}

TEST(Frame, RowLayout) {
  EXPECT_EQ(frameRow(-2.999), 0);
  EXPECT_EQ(frameRow(-1.4791), kEERows - 1);
  EXPECT_EQ(frameRow(-1.4789), kFrameEBFirstRow);
  EXPECT_EQ(frameRow(1.4789), kFrameEBFirstRow + kEBRows - 1);
  EXPECT_EQ(frameRow(1.4791), kFrameEBFirstRow + kEBRows);
  EXPECT_EQ(frameRow(2.999), kFrameRows - 1);
  EXPECT_EQ(frameRow(3.01), -1);
  EXPECT_EQ(frameRow(-3.01), -1);
  for (int r = 0; r < kFrameRows; ++r) {
    EXPECT_EQ(frameRow(frameRowCenterEta(r)), r) << r;
    EXPECT_LT(frameRowLowEdge(r), frameRowLowEdge(r + 1));
  }
  // The frame is symmetric in eta.
  for (int r = 0; r < kFrameRows / 2; ++r) EXPECT_NEAR(frameRowCenterEta(r), -frameRowCenterEta(kFrameRows - 1 - r), 1e-9);
}

TEST(Frame, EcalCellsLandInTheirRows) {
  const auto eb = EcalId::barrel(0, 17);
  EXPECT_EQ(ecalFramePos(eb).row, kFrameEBFirstRow);
  EXPECT_EQ(ecalFramePos(eb).col, 17);
  for (int ix = 0; ix < kEEGrid; ix += 7)
    for (int iy = 0; iy < kEEGrid; iy += 3) {
      if (!eeCellExists(ix, iy)) continue;
      const auto plus = ecalFramePos(EcalId::endcap(+1, ix, iy));
      const auto minus = ecalFramePos(EcalId::endcap(-1, ix, iy));
      EXPECT_GE(plus.row, kFrameEBFirstRow + kEBRows);
      EXPECT_LT(minus.row, kEERows);
      EXPECT_EQ(plus.row + minus.row, kFrameRows - 1);  // mirror rows
      EXPECT_EQ(plus.col, minus.col);
    }
}

TEST(HcalGeometry, RingEdges) {
  EXPECT_EQ(hcalIeta(0.01), 1);
  EXPECT_EQ(hcalIeta(-0.01), -1);
  EXPECT_EQ(hcalIeta(1.478), 17);
  EXPECT_EQ(hcalIeta(1.48), 18);
  EXPECT_EQ(hcalIeta(1.739), 20);
  EXPECT_EQ(hcalIeta(1.741), 21);
  EXPECT_EQ(hcalIeta(1.82), 21);
  EXPECT_EQ(hcalIeta(1.84), 22);
  EXPECT_EQ(hcalIeta(2.64), 27);
  EXPECT_EQ(hcalIeta(2.99), 28);
  EXPECT_EQ(hcalIeta(3.01), 0);
  EXPECT_NEAR(hcalRingHighEta(17), kEBEtaMax, 1e-12);
  EXPECT_NEAR(hcalRingLowEta(-28), -3.0, 1e-12);
  for (int ring = 0; ring < kHcalRings; ++ring) EXPECT_EQ(hcalRingIndex(hcalIetaOfIndex(ring)), ring);
  EXPECT_EQ(hcalRingIndex(-28), 0);
  EXPECT_EQ(hcalRingIndex(28), kHcalRings - 1);
}

TEST(HcalGeometry, TowerIsFiveByFiveCrystals) {
  // Every EB crystal's frame row / 5 is its HCAL ring, and its column / 5 its tower iphi.
  for (int row = 0; row < kEBRows; ++row) {
    const double eta = ebRowCenterEta(row);
    EXPECT_EQ(hcalRingIndex(hcalIeta(eta)), (kFrameEBFirstRow + row) / 5) << row;
  }
  for (int col = 0; col < kPhiBins; ++col) EXPECT_EQ(hcalIphi(1, phiColumnCenter(col)), col / 5);
  // Endcap frame rows too: ring index = row / 5.
  for (int r = 0; r < kFrameRows; ++r) EXPECT_EQ(hcalRingIndex(hcalIeta(frameRowCenterEta(r))), r / 5) << r;
}

TEST(HcalGeometry, PhiAlignmentAndWideTowers) {
  EXPECT_EQ(hcalIphi(5, -kPi + 1e-6), 0);
  EXPECT_EQ(hcalIphi(25, phiColumnCenter(7)), 0);   // 10-degree tower: even index
  EXPECT_EQ(hcalIphi(25, phiColumnCenter(12)), 2);
  EXPECT_EQ(hcalPhiSpan(20), 1);
  EXPECT_EQ(hcalPhiSpan(-21), 2);
  // The tower centre lies in the middle of its 5 (or 10) crystal columns.
  EXPECT_NEAR(hcalTowerCenterPhi(1, 0), phiColumnCenter(2), 1e-12);
  EXPECT_EQ(hcalCenterFrameCol(3), 17);
  EXPECT_EQ(hcalCenterFrameRow(1), 5 * 28 + 2);
}

TEST(TrackerGeometry, Layers) {
  EXPECT_EQ(trackerLayers().size(), 14u);
  EXPECT_DOUBLE_EQ(trackerLayer(e2e::TrackerSubdet::BPIX, 1).radius, 2.9);
  EXPECT_DOUBLE_EQ(trackerLayer(e2e::TrackerSubdet::BPIX, 4).radius, 16.0);
  EXPECT_DOUBLE_EQ(trackerLayer(e2e::TrackerSubdet::TOB, 6).radius, 108.0);
  double last = 0;
  for (const auto& l : trackerLayers()) {
    EXPECT_GT(l.radius, last);
    last = l.radius;
  }
  EXPECT_LT(last, kEcalRadius);
  EXPECT_THROW(trackerLayer(e2e::TrackerSubdet::BPIX, 5), e2e::Error);
}

TEST(Field, TrackBendingFromSpec) {
  // SPEC: R = pT / (0.3 B) = 0.877 m per GeV; phi shift at the ECAL face for 10 GeV is 0.074 rad.
  EXPECT_NEAR(1.0 / (0.3 * kBField), 0.877, 1e-3);
  EXPECT_NEAR(std::asin(0.3 * kBField * kEcalRadius / 100.0 / (2 * 10.0)), 0.074, 1e-3);
}
