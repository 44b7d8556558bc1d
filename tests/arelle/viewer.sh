#!/usr/bin/env bash
# Builds Arelle's iXBRL Viewer of an Inline XBRL document, fully offline.
#
#   tests/arelle/viewer.sh DOCUMENT.html OUT.html
#
# DOCUMENT.html is xbrlify's Inline XBRL (`xbrlify convert --format ixbrl`); the standard
# taxonomies come from the offline subset package tests/arelle/package.py builds.
# OUT.html is the viewer: the document with the viewer's data, opened in a browser. The
# viewer's JavaScript (ixbrlviewer.js) is copied beside it from the installed ixbrl-viewer
# package, so the viewer works with no network.
#
# Exit status: 0 the viewer was written; 1 Arelle or the plugin reported an error; 2 usage.
# Environment: ARELLE_VENV, as for tests/arelle/check.sh.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${ARELLE_VENV:-$here/.venv}"

[[ $# -eq 2 ]] || { echo "usage: $(basename "$0") DOCUMENT.html OUT.html" >&2; exit 2; }
doc="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[[ -f "$doc" ]] || { echo "viewer.sh: no such document: $doc" >&2; exit 2; }
mkdir -p "$(dirname "$2")"
out="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"

source "$here/venv.sh"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/xbrlify-viewer.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

python3 "$here/package.py" "$tmp/pkg.zip" >/dev/null
js="$(echo "$venv"/lib/python3*/site-packages/iXBRLViewerPlugin/viewer/dist/ixbrlviewer.js)"
set +e
XDG_CONFIG_HOME="$tmp/xdg" "$venv/bin/arelleCmdLine" \
    --disablePersistentConfig --workOffline \
    --packages "$tmp/pkg.zip" \
    --plugins iXBRLViewerPlugin \
    --file "$doc" \
    --save-viewer "$out" \
    --viewer-url "$js" \
    --logFile "$tmp/log.txt" >"$tmp/stdout" 2>&1
rc=$?
set -e
if [[ $rc -ne 0 ]] || grep -Eq '^\[[^]]*(error|exception|Error|Exception)' "$tmp/log.txt" || [[ ! -s "$out" ]]; then
    echo "viewer.sh: the viewer of $doc was not built (exit $rc):" >&2
    cat "$tmp/log.txt" "$tmp/stdout" >&2
    exit 1
fi
echo "viewer.sh: $out"
