#!/bin/sh
# After `ctest`: prints what the ONNX conformance and model-parity tests reported (counts and deviations), which
# ctest itself keeps only in its log. Usage: tests/print_reports.sh BUILD_DIR
log="$1/Testing/Temporary/LastTest.log"
[ -f "$log" ] || { echo "print_reports: no ctest log at $log" >&2; exit 1; }
for t in onnx_conformance model_parity; do
  awk -v name="$t" '
    $0 ~ "Testing: " name "$" { want = 1; next }
    want && /^Output:/ { show = 1; getline; print "== " name; next }
    show && /<end of output>/ { exit }
    show && NF { print "   " $0 }' "$log"
done
