#!/bin/sh
# Remakes the pictures of docs/frames.md ("Gallery") with nothing but e2e commands:
# generate + simulate -> frames -> show.
# Usage: docs/img/make_gallery.sh [E2E_BINARY] [WORK_DIR] [PICTURE_DIR (default: this folder)]
# About half a minute on two cores. Each picture is the first object of its sample that passes the
# sample's selection (index 0), so nothing is hand-picked.
set -eu
E2E=${1:-build/bin/e2e}
WORK=${2:-out/gallery}
IMG=${3:-$(cd "$(dirname "$0")" && pwd)}
[ -x "$E2E" ] || { echo "make_gallery: no e2e binary at $E2E (run make build first)" >&2; exit 1; }
mkdir -p "$WORK" "$IMG"
e2e() { "$E2E" --seed 1 --quiet "$@"; }

# Single particles: 50 GeV photon and electron guns in the barrel, [ECAL energy] crops 32 x 32.
for p in photon electron; do
  e2e generate --process "$p" --events 20 --pt 50 --simulate --out "$WORK/$p.h5" --force
  e2e frames --in "$WORK/$p.h5" --objects photons --channels ecal --leading 1 \
    --label-from electron --require-truth 11,22 --out "$WORK/$p.crops.h5" --force
  e2e show "$WORK/$p.crops.h5" --index 0 --out "$IMG/$p.png" --force
done

# Quark and gluon AK4 jets (pT-hat 300-470 GeV), track pT + ECAL + HCAL, 125 x 125.
for f in quark gluon; do
  e2e generate --process "dijet-$f" --events 20 --simulate --out "$WORK/$f.h5" --force
  e2e frames --in "$WORK/$f.h5" --objects jets --jet-radius 0.4 --channels trk_pt,ecal,hcal --min-pt 70 \
    --leading 2 --label-from quark --require-truth 1,2,3,4,5,21 --out "$WORK/$f.crops.h5" --force
  e2e show "$WORK/$f.crops.h5" --index 0 --out "$IMG/${f}_jet.png" --force
done

# A fully merged boosted top (AK8, pT > 400 GeV) and a hadronic tau (AK4, pT > 20 GeV, with BPIX1 hits).
e2e generate --process ttbar-boosted --events 20 --simulate --out "$WORK/ttbar.h5" --force
e2e frames --in "$WORK/ttbar.h5" --objects jets --jet-radius 0.8 --channels trk_pt,ecal,hcal --min-pt 400 \
  --leading 2 --label-from top --require-truth 6 --out "$WORK/top.crops.h5" --force
e2e show "$WORK/top.crops.h5" --index 0 --out "$IMG/top_jet.png" --force

e2e generate --process htautau --events 20 --simulate --out "$WORK/htautau.h5" --force
e2e frames --in "$WORK/htautau.h5" --objects jets --jet-radius 0.4 --channels trk_pt,ecal,hcal,bpix1 \
  --min-pt 20 --leading 2 --label-from tau --require-truth 15 --out "$WORK/tau.crops.h5" --force
e2e show "$WORK/tau.crops.h5" --index 0 --out "$IMG/tau_jet.png" --force

# The whole-detector frame of the first boosted ttbar event (ECAL, HCAL, track pT).
e2e show "$WORK/ttbar.h5" --index 0 --out "$IMG/event_ttbar.png" --force

for f in photon electron quark_jet gluon_jet top_jet tau_jet event_ttbar; do
  [ -s "$IMG/$f.png" ] || { echo "make_gallery: $IMG/$f.png was not written" >&2; exit 1; }
done
echo "make_gallery: 7 pictures written to $IMG"
