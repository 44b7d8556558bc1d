#!/usr/bin/env bash
# Checks the instance of layout cases with ../shared/tools/truth/factcheck.py against the
# lines of their .facts files it can read: fact lines without dimensions, concepts as local
# names (it matches only contexts without dimensions, and `!` lines are not facts).
# usage: tests/data/layouts/factcheck.sh [NAME...]   (every case when none is named)
# The binary is $XBRLIFY, else target/debug/xbrlify; the tool $FACTCHECK, else ../shared's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
bin="${XBRLIFY:-target/debug/xbrlify}"
factcheck="${FACTCHECK:-../shared/tools/truth/factcheck.py}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [[ $# -eq 0 ]]; then
    set -- $(ls tests/data/layouts/*.facts | xargs -n1 basename | sed 's/\.facts$//')
fi
failed=0
for name in "$@"; do
    dir=tests/data/layouts
    if grep -q '^!error' "$dir/$name.facts"; then
        continue
    fi
    "$bin" convert "$dir/$name.txt" -o "$tmp/$name.xml" 2>/dev/null
    grep -v -e '^!' -e '^[^#]*\[' "$dir/$name.facts" | sed 's/^[A-Za-z-]*://' >"$tmp/$name.tsv"
    printf '%s: ' "$name"
    python3 "$factcheck" "$tmp/$name.xml" "$tmp/$name.tsv" || failed=1
done
exit "$failed"
