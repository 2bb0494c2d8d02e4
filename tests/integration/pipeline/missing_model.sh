#!/bin/sh
# A tagger whose model file does not exist: one error line naming the configured path.
e2e=$1 work=$2 dir=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
cat > missing.toml <<'TOML'
[run]
events = 5
path = ["source", "simulation", "photons", "photon_crops", "egamma"]
[modules.source]
type = "Generator"
[modules.simulation]
type = "Simulation"
[modules.photons]
type = "PhotonReco"
[modules.photon_crops]
type = "PhotonCrops"
[modules.egamma]
type = "EGammaTagger"
model = "no/such/model.onnx"
TOML
"$e2e" run missing.toml 2> err.txt
rc=$?
cat err.txt
[ $rc -eq 1 ] || { echo "FAIL: exit code $rc"; exit 1; }
grep -q "\[modules.egamma\] model: model no/such/model.onnx: no such file" err.txt || { echo "FAIL: path not named"; exit 1; }
echo OK
