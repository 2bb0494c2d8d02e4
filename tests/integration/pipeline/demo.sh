#!/bin/sh
# The README's main job on a small sample: exits 0 and prints the figures of merit (when models are shipped),
# the timing table and the throughput.
e2e=$1 work=$2 dir=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
"$e2e" -q demo --events 90 > out.txt 2> err.txt
rc=$?
cat out.txt err.txt
[ $rc -eq 0 ] || { echo "FAIL: exit code $rc"; exit 1; }
grep -q "^throughput: 90 events" out.txt || { echo "FAIL: no throughput"; exit 1; }
grep -q "^by category" out.txt || { echo "FAIL: no timing table"; exit 1; }
if ls "$(dirname "$dir")/../../models/"*.onnx > /dev/null 2>&1; then
  grep -q "^figures of merit" out.txt || { echo "FAIL: models are shipped but no figures of merit"; exit 1; }
fi
echo OK
