#!/bin/sh
# Events from other generators: a 4-vector text file and a HepMC3 file go through simulation and reconstruction
# to an event file, read to their end when no event count is given; a malformed line stops the run naming it.
e2e=$1 work=$2 dir=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
cat > events.txt <<'TXT'
# three events: px py pz E [pdg]
40.0 10.0 5.0 41.54 22
-20.0 3.0 1.0 20.25
#END
0.0 30.0 -10.0 31.63 11
#END
25.0 -25.0 0.0 35.36 22
TXT
for kind in text hepmc3; do
  if [ $kind = text ]; then input=events.txt type=TextSource want=3; else
    input="$dir/../../unit/generators/data/two_events.hepmc3" type=HepMC3Source want=2; fi
  cat > $kind.toml <<TOML
[run]
path = ["source", "simulation", "photons", "output"]
[modules.source]
type = "$type"
path = "$input"
[modules.simulation]
type = "Simulation"
[modules.photons]
type = "PhotonReco"
[modules.output]
type = "EventFileOutput"
path = "$kind.h5"
TOML
  "$e2e" -q run $kind.toml > out_$kind.txt 2>&1 || { cat out_$kind.txt; echo "FAIL: $kind run"; exit 1; }
  "$e2e" info $kind.h5 > info_$kind.txt || exit 1
  grep -q "$want events" info_$kind.txt || { cat info_$kind.txt; echo "FAIL: $kind: expected $want events"; exit 1; }
  grep -q "^ *ecal " info_$kind.txt || { echo "FAIL: $kind: no simulated hits"; exit 1; }
done
# --events below the file's length stops early.
"$e2e" -q run text.toml --events 2 --force > /dev/null || exit 1
"$e2e" info text.h5 | grep -q "2 events" || { echo "FAIL: --events 2"; exit 1; }
# A malformed line: the reader's file:line message, with the event it happened in.
printf '1.0 2.0 3.0 4.0 22\n#END\n1.0 2.0 oops 4.0\n' > broken.txt
sed 's/events.txt/broken.txt/; s/text.h5/broken.h5/' text.toml > broken.toml
"$e2e" run broken.toml 2> err.txt
rc=$?
cat err.txt
[ $rc -eq 1 ] || { echo "FAIL: exit code $rc"; exit 1; }
grep -q "event 1: .*broken.txt.*3" err.txt || { echo "FAIL: event and line not named"; exit 1; }
[ ! -e broken.h5 ] || { echo "FAIL: output left behind"; exit 1; }
echo OK
