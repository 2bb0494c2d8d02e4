#!/bin/sh
# Ctrl-C during a long run: events in flight finish, the run stops with exit code 1 and a clear message, and no
# output file is left behind looking complete (nor its temporary).
e2e=$1 work=$2 dir=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
sed 's/^events = 40/events = 10000000/' "$dir/gen_only.toml" > long.toml
"$e2e" run long.toml --threads 2 > out.txt 2> err.txt &
pid=$!
# Wait until it is really running (the temporary output exists), then interrupt it.
i=0
while [ ! -e gen.h5.tmp ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
sleep 1
kill -INT $pid
wait $pid
rc=$?
cat out.txt err.txt
[ $rc -eq 1 ] || { echo "FAIL: exit code $rc, expected 1"; exit 1; }
grep -q "interrupted after [0-9]* of 10000000 events" err.txt || { echo "FAIL: no interruption message"; exit 1; }
[ ! -e gen.h5 ] || { echo "FAIL: gen.h5 exists after an interrupted run"; exit 1; }
[ ! -e gen.h5.tmp ] || { echo "FAIL: gen.h5.tmp left behind"; exit 1; }
echo OK
