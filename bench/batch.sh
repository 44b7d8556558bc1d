#!/usr/bin/env bash
# Batch conversion at archive scale.
#
# Builds a synthetic archive under a temporary folder by replicating the corpus releases (the
# seed in tests/corpus and the development releases in $XBRLIFY_CORPUS, default
# ../shared/corpus, in turn) to COUNT files, 1,000 to a folder, converts it with
# `xbrlify convert ARCHIVE --out-dir OUT` at each -j, and prints wall time, MB/s of input,
# releases/s and peak RSS (from /usr/bin/time -v). Then times single releases, process start
# to exit. The archive's files are hard links to one copy of each release, read from the page
# cache: the figures are the converter's, not the disk's. CPU s is user + system time: on a
# machine shared with other work it varies less than the wall time.
#
# With SET=html the archive replicates the HTML releases instead ($XBRLIFY_CORPUS/html: EDGAR
# submissions with HTML exhibits, an HTML exhibit and web pages of releases), each keeping its
# extension (.txt, .htm, .html).
#
# Usage: bench/batch.sh [COUNT...]        default counts: 1000 10000 50000 (SET=html: 140 700)
#        JOBS="1 2" bench/batch.sh 10000  -j values (default "1 2")
#        SET=html bench/batch.sh 700      the HTML releases (default SET=text)
#        RUNS=20 bench/batch.sh           runs per single release (default 200; SET=html: 20)
#        OUT_DIR=/dev/shm bench/batch.sh  where the outputs go (default: the temporary folder);
#                                         a tmpfs leaves out the file system's cost of creating
#                                         files
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${XBRLIFY_CORPUS:-$root/../shared/corpus}
input_set=${SET:-text}
case $input_set in
text) default_counts=(1000 10000 50000) runs=${RUNS:-200} ;;
html) default_counts=(140 700) runs=${RUNS:-20} ;;
*) echo "SET is text or html, not $input_set" >&2; exit 2 ;;
esac
if [ "$#" -gt 0 ]; then counts=("$@"); else counts=("${default_counts[@]}"); fi
read -r -a jobs <<<"${JOBS:-1 2}"

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin=$root/target/release/xbrlify

tmp=$(mktemp -d "${TMPDIR:-/tmp}/xbrlify-bench.XXXXXX")
outs=$tmp
if [ -n "${OUT_DIR:-}" ]; then outs=$(mktemp -d "$OUT_DIR/xbrlify-bench-out.XXXXXX"); fi
trap 'rm -rf "$tmp" "$outs"' EXIT

mkdir "$tmp/releases"
if [ "$input_set" = html ]; then
    [ -d "$corpus/html" ] || { echo "no HTML releases at $corpus/html (set XBRLIFY_CORPUS)" >&2; exit 1; }
    cp "$corpus"/html/*.txt "$corpus"/html/*.htm "$corpus"/html/*.html "$tmp/releases/"
else
    cp "$root/tests/corpus/atg-2003-q3.txt" "$tmp/releases/"
    if [ -d "$corpus/dev" ]; then
        cp "$corpus"/dev/*.txt "$tmp/releases/"
    else
        echo "no corpus at $corpus (set XBRLIFY_CORPUS): replicating the seed alone" >&2
    fi
fi
releases=("$tmp"/releases/*)

echo "machine: $(nproc) cores; $(uptime | sed 's/.*load average/load average/')"
echo "outputs in: $(df --output=fstype "$outs" | tail -1) ($outs)"
echo "releases replicated ($input_set): ${#releases[@]} ($(cat "${releases[@]}" | wc -c) bytes together)"
echo
printf '%8s %3s %9s %8s %8s %11s %9s %7s\n' files -j 'input MB' 'wall s' 'MB/s' 'releases/s' 'RSS MiB' 'CPU s'

for count in "${counts[@]}"; do
    archive=$tmp/archive-$count
    for ((i = 0; i < count; i++)); do
        folder=$archive/$((i / 1000))
        [ -d "$folder" ] || mkdir -p "$folder"
        release=${releases[i % ${#releases[@]}]}
        ln "$release" "$folder/r$i.${release##*.}"
    done
    bytes=$(find "$archive" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
    for j in "${jobs[@]}"; do
        # A fresh folder per run, removed only at the end: creating files where many were just
        # deleted costs ext4 extra work (it skips recently freed inodes) that is no part of a
        # conversion.
        out=$outs/out-$count-$j
        sync
        /usr/bin/time -v -o "$tmp/time" "$bin" convert "$archive" --out-dir "$out" -j "$j" \
            --report "$tmp/report.jsonl" 2>"$tmp/stderr" || {
            echo "conversion failed:" >&2
            tail -5 "$tmp/stderr" >&2
            exit 1
        }
        converted=$(grep -c '"status":"\(converted\|warnings\)"' "$tmp/report.jsonl")
        [ "$converted" -eq "$count" ] || {
            echo "only $converted of $count converted" >&2
            exit 1
        }
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, t, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + t[k]; print s }' "$tmp/time")
        rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time")
        cpu=$(awk -F': ' '/(User|System) time/ { s += $2 } END { print s }' "$tmp/time")
        awk -v n="$count" -v j="$j" -v b="$bytes" -v w="$wall" -v r="$rss" -v c="$cpu" 'BEGIN {
            printf "%8d %3d %9.1f %8.2f %8.1f %11.0f %9.1f %7.2f\n", n, j, b / 1e6, w, b / 1e6 / w, n / w, r / 1024, c }'
    done
done

echo
echo "single release, process start to exit (mean of $runs runs):"
for release in "${releases[@]}"; do
    for target in stdout file; do
        start=$(date +%s%N)
        for ((i = 0; i < runs; i++)); do
            if [ "$target" = stdout ]; then
                "$bin" convert "$release" >/dev/null 2>&1
            else
                "$bin" convert "$release" -o "$tmp/one.xml" 2>/dev/null
            fi
        done
        end=$(date +%s%N)
        awk -v t=$((end - start)) -v n="$runs" -v name="$(basename "$release")" -v to="$target" 'BEGIN {
            printf "  %-26s to %-6s %6.2f ms\n", name, to, t / n / 1e6 }'
    done
done
