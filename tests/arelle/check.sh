#!/usr/bin/env bash
# Validates xbrlify's output with Arelle, fully offline.
#
#   tests/arelle/check.sh FILE [FILE ...]
#
# Each FILE is an instance (INSTANCE.xml) or a report package (.xbr, .zip). Beside an
# instance, the same conversion as Inline XBRL (INSTANCE.html), xBRL-JSON (INSTANCE.json) and
# a report package (INSTANCE.xbr) are validated too when present, and the facts Arelle loads
# from each (saved as xBRL-JSON by its saveLoadableOIM plugin; tests/arelle/facts.py) must be
# the instance's: the same concepts, entities, periods, units, dimensions, values and
# decimals, once the duplicates Inline XBRL shows are reduced to their most precise fact and
# the package's extension facts are set aside.
#
# The calculation relationships Arelle re-checks are a report package's own: its calculation
# linkbase holds each footing relationship xbrlify verified in every context where
# Calculations 1.1 binds it (src/xbrl/package/calculation.rs). An instance validated without
# its package beside it is checked for everything but calculations.
#
# Builds the taxonomy package (tests/arelle/package.py: subset us-gaap, srt and dei 2024
# schemas from taxonomy/concepts.tsv, a catalog rewriting the official 2024 addresses), then
# runs Arelle on each document: XBRL 2.1, XDT dimensions, Calculations 1.1 round-to-nearest
# (--calc c11r), the Unit Type Registry (--utr) and inconsistent duplicate facts; a report
# package also against Report Packages 1.0.
#
# Prints every message of level warning or above, one a line, sorted:
#   LEVEL [code] message - file
# Exit status: 0 no messages; 1 Arelle reported errors, inconsistencies or warnings;
# 2 usage error or Arelle could not run.
#
# Environment: ARELLE_VENV, the venv holding arelle-release (default tests/arelle/.venv,
# created from tests/arelle/requirements.txt when absent; tests/arelle/venv.sh).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${ARELLE_VENV:-$here/.venv}"

[[ $# -ge 1 ]] || { echo "usage: $(basename "$0") INSTANCE.xml|PACKAGE.xbr ..." >&2; exit 2; }
files=()
for f in "$@"; do
    [[ -f "$f" ]] || { echo "check.sh: no such file: $f" >&2; exit 2; }
    files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
done

source "$here/venv.sh"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/xbrlify-arelle.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# One Arelle run per document, all against the same subset package.
# $tmp/runs lists each run: the file it belongs to, its run number, its document.
python3 "$here/package.py" "$tmp/subset.zip"
n=0
k=0
: >"$tmp/runs"
for f in "${files[@]}"; do
    k=$((k + 1))
    case "$f" in
        *.xbr | *.zip) docs=("$f") ;;
        *) docs=("$f" "${f%.xml}.html" "${f%.xml}.json" "${f%.xml}.xbr") ;;
    esac
    for doc in "${docs[@]}"; do
        [[ -f "$doc" ]] || continue
        n=$((n + 1))
        printf '%s\t%s\t%s\n' "$k" "$n" "$doc" >>"$tmp/runs"
        set +e
        XDG_CONFIG_HOME="$tmp/xdg" "$venv/bin/arelleCmdLine" \
            --disablePersistentConfig --workOffline \
            --packages "$tmp/subset.zip" \
            --plugins saveLoadableOIM \
            --file "$doc" --validate \
            --calc c11r \
            --validateDuplicateFacts inconsistent \
            --utr \
            --validationExitCode \
            --logFileMode w --logFile "$tmp/log-$n.json" \
            --saveLoadableOIM "$tmp/oim-$n.json" \
            >"$tmp/stdout-$n" 2>&1
        rc=$?
        set -e
        if [[ ! -s "$tmp/log-$n.json" ]] || [[ $rc -ne 0 && $rc -ne 3 ]]; then
            echo "check.sh: Arelle failed on $doc (exit $rc):" >&2
            cat "$tmp/stdout-$n" >&2
            exit 2
        fi
    done
done

"$venv/bin/python" "$here/facts.py" "$tmp/runs" "$tmp" || differ=1

"$venv/bin/python" - "$tmp" "$n" "${differ:-0}" <<'PY'
import json, sys

tmp, expected, differ = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
QUIET = {"info", "debug", "assertion-satisfied"}
rows, validated = [], 0
for n in range(1, expected + 1):
    for e in json.load(open(f"{tmp}/log-{n}.json", encoding="utf-8"))["log"]:
        level = e.get("level", "")
        text = e["message"]["text"]
        if level == "info" and "validated in" in text:
            validated += 1
        if level in QUIET:
            continue
        prefix = f"[{e['code']}] "
        text = text[len(prefix):] if text.startswith(prefix) else text
        refs = e.get("refs") or [{}]
        href = refs[0].get("href", "").split("#")[0].rsplit("/", 1)[-1]
        rows.append(f"{level.upper()} [{e['code']}] {text.strip()} - {href}")
for msg in sorted(rows):
    print(msg)
print(f"check.sh: {validated} of {expected} documents validated, {len(rows)} messages")
sys.exit(1 if rows or validated != expected or differ else 0)
PY
