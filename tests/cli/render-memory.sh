#!/usr/bin/env bash
# `zeef render` streams: 40 times the records cost no more memory than once
# (the page is written as the records are read; the document list waits in a
# temporary file, not in memory).
set -u
here=$(cd "$(dirname "$0")" && pwd)
news=$here/../fixtures/render/news.jsonl
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for _ in $(seq 100); do cat "$news"; done >"$tmp/small.jsonl"                   # ~0.5 MB
for _ in $(seq 40); do cat "$tmp/small.jsonl"; done >"$tmp/big.jsonl"          # ~19 MB
# Under ASan, freed memory waits in a quarantine that would look like growth.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=1
rss() { /usr/bin/time -f %M -o "$tmp/rss" "$BIN/zeef" render "$1" >"$tmp/page" || return 1; cat "$tmp/rss"; }
small=$(rss "$tmp/small.jsonl") && big=$(rss "$tmp/big.jsonl") || { echo "FAIL: zeef render failed"; exit 1; }
docs=$(grep -c '<article class="doc"' "$tmp/page")
echo "peak RSS: $small KiB for 0.5 MB, $big KiB for 19 MB ($docs documents)"
[ "$docs" -eq 8000 ] || { echo "FAIL: $docs documents drawn, want 8000"; exit 1; }
[ "$big" -le $((small + 2048)) ] || { echo "FAIL: memory grows with the input"; exit 1; }
echo ok
