#!/bin/sh
# A misspelt key is one error line naming the table and the key; exit code 1; nothing runs.
e2e=$1 work=$2 dir=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
sed 's/^processes = /procesess = /' "$dir/gen_only.toml" > bad.toml
"$e2e" run bad.toml > out.txt 2> err.txt
rc=$?
cat err.txt
[ $rc -eq 1 ] || { echo "FAIL: exit code $rc, expected 1"; exit 1; }
[ "$(wc -l < err.txt)" -eq 1 ] || { echo "FAIL: expected one error line"; exit 1; }
grep -q "\[modules.source\] procesess: unknown key" err.txt || { echo "FAIL: the message does not name the key"; exit 1; }
sed 's/^events = 40/events = "forty"/' "$dir/gen_only.toml" > bad2.toml
"$e2e" run bad2.toml 2> err2.txt
[ $? -eq 1 ] && grep -q "\[run\] events: expected an integer, got a string" err2.txt || { cat err2.txt; echo "FAIL: bad value"; exit 1; }
[ ! -e gen.h5 ] || { echo "FAIL: an output was written"; exit 1; }
echo OK
