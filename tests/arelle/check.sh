#!/usr/bin/env bash
# Validates xbrlify instances with Arelle, fully offline.
#
#   tests/arelle/check.sh INSTANCE.xml [INSTANCE.xml ...]
#
# Each INSTANCE.xml needs its `xbrlify inspect` account beside it, INSTANCE.facts (as the
# goldens have): its footing verdicts decide which calculation relationships Arelle checks.
# The same conversion as Inline XBRL (INSTANCE.html) and xBRL-JSON (INSTANCE.json), when
# beside it, are validated too, against the same package, and the facts Arelle loads from
# each (saved as xBRL-JSON by its saveLoadableOIM plugin; tests/arelle/facts.py) must be the
# instance's: the same concepts, entities, periods, units, dimensions, values and decimals,
# once the duplicates Inline XBRL shows are reduced to their most precise fact.
#
# Builds the taxonomy package (tests/arelle/package.py: subset us-gaap, srt and dei 2024
# schemas from taxonomy/concepts.tsv, a calculation linkbase from the mapping's footing
# relationships, a catalog rewriting the official 2024 addresses), then runs Arelle once over
# all instances: XBRL 2.1, Calculations 1.1 round-to-nearest (--calc c11r), the Unit Type
# Registry (--utr) and inconsistent duplicate facts.
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

[[ $# -ge 1 ]] || { echo "usage: $(basename "$0") INSTANCE.xml ..." >&2; exit 2; }
files=()
for f in "$@"; do
    [[ -f "$f" ]] || { echo "check.sh: no such instance: $f" >&2; exit 2; }
    files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
done

source "$here/venv.sh"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/xbrlify-arelle.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# One Arelle run per document: each instance's package has the calculation relationships
# that apply to it, and its other formats are checked against the same package.
# $tmp/runs lists each run: the instance it belongs to, its run number, its document.
n=0
k=0
: >"$tmp/runs"
for f in "${files[@]}"; do
    k=$((k + 1))
    facts="${f%.xml}.facts"
    [[ -f "$facts" ]] || { echo "check.sh: no $facts beside $f" >&2; exit 2; }
    python3 "$here/package.py" "$tmp/pkg-$k.zip" "$f" "$facts"
    for doc in "$f" "${f%.xml}.html" "${f%.xml}.json"; do
        [[ -f "$doc" ]] || continue
        n=$((n + 1))
        printf '%s\t%s\t%s\n' "$k" "$n" "$doc" >>"$tmp/runs"
        set +e
        XDG_CONFIG_HOME="$tmp/xdg" "$venv/bin/arelleCmdLine" \
            --disablePersistentConfig --workOffline \
            --packages "$tmp/pkg-$k.zip" \
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
