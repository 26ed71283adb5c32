#!/usr/bin/env bash
# `make demo` prints one record per sample article, each carrying every
# stage's field, and writes demo.html.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" && sh "$root/tests/demo.sh" "$BIN" >out.jsonl 2>err || { cat err; exit 1; }
samples=$(ls "$root"/tests/samples/*.txt | wc -l)
[ "$(wc -l <out.jsonl)" -eq "$samples" ] || { echo "FAIL: $(wc -l <out.jsonl) records for $samples samples"; exit 1; }
jq -s -e 'all(.[]; has("sentences") and has("entities") and has("quotes") and has("summary") and (.entities | length > 0) and (.quotes | length > 0))' \
	out.jsonl >/dev/null || { echo "FAIL: a demo record lacks a stage's field"; exit 1; }
grep -q '<html' demo.html || { echo "FAIL: no demo.html"; exit 1; }
grep -q 'demo.html' err || { echo "FAIL: the demo does not say where the page is"; exit 1; }
echo "demo: ok"
