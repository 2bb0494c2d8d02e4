#!/bin/sh
# run_config.sh E2E CONFIG WORKDIR EVENTS: runs one configuration on EVENTS events and checks the report.
e2e=$1 config=$2 work=$3 events=$4
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
"$e2e" -q run "$config" --events "$events" --threads 2 --report report.json > out.txt 2> err.txt
rc=$?
cat out.txt err.txt
if [ $rc -ne 0 ]; then
  if grep -q "no such file (looked for" err.txt; then
    echo "SKIPPED: a shipped model this configuration needs is not in models/ yet"
    exit 77
  fi
  exit $rc
fi
grep -q "\"events\":$events," report.json || { echo "FAIL: report.json does not count $events events"; exit 1; }
grep -q "throughput: $events events" out.txt || { echo "FAIL: no throughput line"; exit 1; }
# Every tagger must have scored something on its own sample.
if grep -q '"batches":' report.json && grep -q '"objects":0,"batches"' report.json; then
  echo "FAIL: a tagger scored no object"
  exit 1
fi
for f in $(sed -n 's/^path = "\(.*\)"$/\1/p' "$config"); do
  [ -f "$f" ] || { echo "FAIL: output $f was not written"; exit 1; }
done
echo "OK"
