#!/bin/bash
# Usage: frames_cli.sh E2E_BINARY EVENT_FILE SOURCE_DIR
set -euo pipefail
e2e=$1 events=$2 src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
check() {  # check NAME EXPECTED_EXIT COMMAND...
  local name=$1 want=$2
  shift 2
  set +e
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  set -e
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit $got, expected $want"; cat "$work/out" "$work/err"; fails=$((fails + 1))
  else
    echo "ok   $name"
  fi
}

check photons 0 "$e2e" --threads 2 frames --in "$events" --objects photons --channels ecal,ecal_time --require-truth 11,22 --out "$work/ph.h5"
check egamma 0 "$e2e" frames --in "$events" --layout egamma --require-truth 11,22 --out "$work/eg.h5"
check jets-graphs 0 "$e2e" frames --in "$events" --objects jets --channels trk_pt,ecal,hcal,bpix1 --graphs --k 4 --out "$work/jets.h5"
check jets-public 0 "$e2e" frames --in "$events" --layout jets --min-pt 50 --out "$work/pub.h5"
check jets-full-path 0 "$e2e" --threads 1 frames --in "$events" --objects jets --channels trk_pt,ecal,hcal,bpix1 --graphs --k 4 --path full --out "$work/jets_full.h5"
check no-overwrite 1 "$e2e" frames --in "$events" --objects jets --out "$work/jets.h5"
check unknown-channel 1 "$e2e" frames --in "$events" --objects jets --channels ecal,bpix5 --out "$work/x.h5"
check bad-objects 2 "$e2e" frames --in "$events" --objects muons --out "$work/x.h5"
check missing-input 1 "$e2e" frames --in "$work/none.h5" --objects jets --out "$work/x.h5"
check show-crop 0 "$e2e" show "$work/jets.h5" --index 1 --out "$work/jet.png"
check show-event 0 "$e2e" show "$events" --index 2 --out "$work/event.png"
check show-range 1 "$e2e" show "$work/ph.h5" --index 100000 --out "$work/x.png"
for f in "$work/jet.png" "$work/event.png"; do
  [ "$(head -c 4 "$f" | tail -c 3)" = "PNG" ] || { echo "FAIL $f is not a PNG"; fails=$((fails + 1)); }
done
[ ! -e "$work/x.h5" ] && [ ! -e "$work/x.h5.tmp" ] || { echo "FAIL a failed run left a file"; fails=$((fails + 1)); }

# The sparse and full-frame crop paths write the same images, and the thread count changes nothing.
if /usr/bin/python3 -c "import h5py, numpy" 2>/dev/null; then
  check python-reader 0 env PYTHONPATH="$src/python" /usr/bin/python3 - "$work" <<'PY'
import sys
import numpy as np
import h5py
from e2e_train.layouts import Source
w = sys.argv[1]
a, b = h5py.File(f"{w}/jets.h5"), h5py.File(f"{w}/jets_full.h5")
assert np.array_equal(a["X"][:], b["X"][:]), "sparse and full-frame crops differ"
assert np.array_equal(a["graph_nodes"][:], b["graph_nodes"][:])
for name, layout, shape in (("ph.h5", "e2e", (2, 32, 32)), ("eg.h5", "egamma", (2, 32, 32)),
                            ("jets.h5", "e2e", (4, 125, 125)), ("pub.h5", "jet", (3, 125, 125))):
    s = Source(f"{w}/{name}")
    assert s.layout == layout, (name, s.layout)
    x = s.read_images(0, s.size)
    assert x.shape[1:] == shape and s.size > 0, (name, x.shape)
    assert np.isfinite(x).all() and x.sum() > 0, name
eg = h5py.File(f"{w}/eg.h5")
assert eg["X"].shape[1:] == (32, 32, 2) and set(np.unique(eg["y"][:])) <= {0.0, 1.0}
assert 0 < eg["y"][:].sum() < len(eg["y"]), "egamma needs both photons and electrons"
nodes, mask = Source(f"{w}/jets.h5").read_graphs(0, 4, 64)
assert mask.sum() > 0
print("python reader ok")
PY
fi
if [ "$fails" = 0 ]; then echo "frames_cli: all passed"; else echo "frames_cli: $fails failed"; exit 1; fi
