#!/usr/bin/env bash
# eval-quotes.sh — DEV ONLY (not part of `make test`): run extract-quotes on
# the shared dev data and score it against the gold quotations.
#   tests/dev/eval-quotes.sh [--pipeline] [BINDIR] [-- extra extract-quotes options]
# --pipeline: run split-sentences | tag-entities first, as the default
# pipeline does, so that the records carry sentences and entities.
# Records: the seeds as {"id": file name, "text": the file exactly as read
# (the gold offsets index the raw file)}, and the Alpino dev documents as
# {"id","text"} (their gold sentences are strings, not spans, and are left
# out). Skips (exit 0) when ../shared/data is absent.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pipeline=0
if [ "${1:-}" = --pipeline ]; then pipeline=1; shift; fi
bin=${1:-$root/bin}; [ $# -gt 0 ] && shift
if [ "${1:-}" = -- ]; then shift; fi
data=${ZEEF_DEV_DATA:-$root/../shared/data}
[ -d "$data/quotes" ] || data=/work/shared/data
if [ ! -d "$data/quotes" ]; then echo "eval-quotes: no dev data, skipped"; exit 0; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

for f in "$data"/seeds/*.txt; do
	jq -Rs --arg id "$(basename "$f")" '{id: $id, text: .}' "$f"
done | jq -c . >"$tmp/seeds.jsonl"
jq -c '{id, text}' "$data/sentences/nl_alpino-dev.jsonl" >"$tmp/alpino.jsonl"

score=("$bin/zeef" score quotes)

for set in seeds alpino; do
	if [ "$pipeline" = 1 ]; then
		"$bin/split-sentences" <"$tmp/$set.jsonl" | "$bin/tag-entities" >"$tmp/$set.in.jsonl"
	else
		cp "$tmp/$set.jsonl" "$tmp/$set.in.jsonl"
	fi
	"$bin/extract-quotes" "$@" <"$tmp/$set.in.jsonl" >"$tmp/$set.out.jsonl"
done
cat "$data"/quotes/seeds-gold.jsonl "$data"/quotes/alpino-dev-gold.jsonl >"$tmp/gold.jsonl"
cat "$tmp/seeds.out.jsonl" "$tmp/alpino.out.jsonl" >"$tmp/pred.jsonl"
scare=(--scare "$data/quotes/seeds-scare.jsonl" --scare "$data/quotes/alpino-dev-scare.jsonl")

echo "== seeds (35 quotations)"
"${score[@]}" "${scare[@]}" "$data/quotes/seeds-gold.jsonl" "$tmp/seeds.out.jsonl"
echo "== alpino dev (71 quotations)"
"${score[@]}" "${scare[@]}" "$data/quotes/alpino-dev-gold.jsonl" "$tmp/alpino.out.jsonl"
echo "== all dev (106 quotations)"
"${score[@]}" "${scare[@]}" "$tmp/gold.jsonl" "$tmp/pred.jsonl"
