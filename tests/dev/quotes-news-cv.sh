#!/usr/bin/env bash
# quotes-news-cv.sh — DEV ONLY (not part of `make test`): a two-fold check
# of how extract-quotes' trained model generalizes on the news train split
# (filters/extract-quotes/train/news-train-*). The built-in model has seen
# every train article, so its train figures are in-sample; here each half
# of the articles (ids train-0*, train-2* against train-1*, testa-*) is
# scored with a model trained without it (make-model.sh ... EXCLUDE), and
# the two halves are scored together. The set-aside test split is not used.
#   tests/dev/quotes-news-cv.sh [EPOCHS SEED ENSEMBLE]
# Needs bin/ built; skips (exit 0) when the shared data is absent.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${ZEEF_DEV_DATA:-$root/../shared/data}
[ -d "$data/quotes/openboek" ] || data=/work/shared/data
if [ ! -d "$data/quotes/openboek" ]; then echo "quotes-news-cv: no dev data, skipped"; exit 0; fi
epochs=${1:-10} seed=${2:-1} ensemble=${3:-15}
set_dir=$root/filters/extract-quotes/train
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# fold NAME PREFIX...: the records whose id starts with a PREFIX, scored by
# a model trained without them
fold() {
	local name=$1; shift
	sh "$root/filters/extract-quotes/make-model.sh" "$data" "$epochs" "$seed" "$ensemble" \
		"$tmp/model-$name.txt" "$@" >/dev/null
	local re="^($(printf '%s|' "$@" | sed 's/|$//'))"
	jq -c --arg re "$re" 'select(.id | test($re))' "$set_dir/news-train-records.jsonl" |
		"$root/bin/extract-quotes" --model="$tmp/model-$name.txt" >"$tmp/pred-$name.jsonl"
	jq -c --arg re "$re" 'select(.doc | test($re))' "$set_dir/news-train-gold.jsonl" >"$tmp/gold-$name.jsonl"
	jq -c --arg re "$re" 'select(.doc | test($re))' "$set_dir/news-train-scare.jsonl" >"$tmp/scare-$name.jsonl"
}
fold a train-0 train-2
fold b train-1 testa
cat "$tmp"/pred-a.jsonl "$tmp"/pred-b.jsonl >"$tmp/pred.jsonl"
cat "$tmp"/gold-a.jsonl "$tmp"/gold-b.jsonl >"$tmp/gold.jsonl"
cat "$tmp"/scare-a.jsonl "$tmp"/scare-b.jsonl >"$tmp/scare.jsonl"
echo "== news train, two folds (each half scored by a model trained without it)"
"$root/bin/zeef" score quotes --scare "$tmp/scare.jsonl" "$tmp/gold.jsonl" "$tmp/pred.jsonl"
