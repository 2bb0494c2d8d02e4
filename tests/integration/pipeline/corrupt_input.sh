#!/bin/sh
# An input file with one damaged compressed chunk in the middle of a column: the run stops naming the event whose
# rows could not be read (not event 0: the events before it were read fine), and writes no output.
e2e=$1 work=$2 dir=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
"$e2e" -q run "$dir/gen_only.toml" --events 400 > /dev/null || exit 1
/usr/bin/python3 - <<'PY' || exit 1
import h5py
with h5py.File("gen.h5", "r") as f:
    d = f["gen/px"]
    n = d.id.get_num_chunks()
    assert n >= 3, f"expected several chunks, got {n}"
    info = d.id.get_chunk_info(n - 2)
with open("gen.h5", "r+b") as raw:
    raw.seek(info.byte_offset + info.size // 2)
    raw.write(b"\xff" * 64)
PY
"$e2e" run "$dir/from_file.toml" 2> err.txt > out.txt
rc=$?
cat err.txt
[ $rc -eq 1 ] || { echo "FAIL: exit code $rc"; exit 1; }
grep -q "module 'source' (EventFileSource), event [1-9][0-9]*: " err.txt || { echo "FAIL: the event index is not named"; exit 1; }
[ ! -e sim.h5 ] && [ ! -e sim.h5.tmp ] || { echo "FAIL: output left behind"; exit 1; }
echo OK
