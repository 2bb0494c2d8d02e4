#!/usr/bin/env bash
# Checks the CLI contract: --help/--version work, usage mistakes exit 2 and runtime failures exit 1, each with
# exactly one line on stderr and no stack trace.
set -u
e2e=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
total=0
check() {  # check NAME EXPECTED_RC EXPECTED_STDERR_LINES -- command...
  local name=$1 want_rc=$2 want_lines=$3
  shift 4
  total=$((total + 1))
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  local lines
  lines=$(wc -l <"$tmp/err")
  if [ "$rc" != "$want_rc" ]; then
    echo "FAIL $name: exit $rc, expected $want_rc"; cat "$tmp/err"; failures=$((failures + 1)); return
  fi
  if [ "$want_lines" != "-" ] && [ "$lines" != "$want_lines" ]; then
    echo "FAIL $name: $lines stderr lines, expected $want_lines"; cat "$tmp/err"; failures=$((failures + 1)); return
  fi
  echo "ok   $name"
}
check help 0 0 -- "$e2e" --help
check version 0 0 -- "$e2e" --version
total=$((total + 1)); grep -q '^e2e [0-9]' "$tmp/out" || { echo "FAIL version text"; failures=$((failures + 1)); }
check info-help 0 0 -- "$e2e" info --help
check missing-file 1 1 -- "$e2e" info "$tmp/missing.h5"
total=$((total + 1)); grep -q "missing.h5: no such file" "$tmp/err" || { echo "FAIL missing-file message"; failures=$((failures + 1)); }
echo "not hdf5" >"$tmp/bad.h5"
check corrupt-file 1 1 -- "$e2e" info "$tmp/bad.h5"
check unknown-option 2 1 -- "$e2e" info --no-such-option "$tmp/x.h5"
check no-subcommand 2 1 -- "$e2e"
check bad-threads 2 1 -- "$e2e" --threads -3 info "$tmp/x.h5"
# Precision modes of the engine benchmark: deviation from fp32 in the JSON, misuse is one line.
model=$(dirname "$0")/../../models/egamma_resnet15.onnx
if [ -f "$model" ]; then
  check bench-bad-precision 2 1 -- "$e2e" bench engine --model "$model" --precision fp16
  check bench-calibration-needs-int8 2 1 -- "$e2e" bench engine --model "$model" --precision bf16 --calibration "$tmp/x.h5"
  check bench-int8 0 0 -- "$e2e" bench engine --model "$model" --batch 8 --iters 3 --precision int8 --json
  total=$((total + 1))
  grep -q '"precision": "int8".*"maxAbsDeviation": [0-9].*"maxRelDeviation": [0-9].*"calibration": "256 deterministic random rows' "$tmp/out" ||
    { echo "FAIL bench-int8 JSON"; cat "$tmp/out"; failures=$((failures + 1)); }
fi
echo "$((total - failures)) passed, $failures failed"
[ "$failures" = 0 ]
