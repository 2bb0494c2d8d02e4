#!/bin/sh
# docs/pipeline.md's module reference is exactly what `e2e run --list-modules` prints.
e2e=$1 work=$2 dir=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
doc="$dir/../../../docs/pipeline.md"
sed -n '/^## Module reference/,$p' "$doc" | sed -n '/^```toml$/,/^```$/p' | sed '1d;$d' > documented.txt
"$e2e" run --list-modules > actual.txt || exit 1
diff -u documented.txt actual.txt || { echo "FAIL: docs/pipeline.md module reference is stale: regenerate it with e2e run --list-modules"; exit 1; }
[ -s actual.txt ] || exit 1
echo OK
