#!/usr/bin/env bash
# quotes-loo.sh — DEV ONLY (not part of `make test`): leave-one-novel-out
# figures of extract-quotes' speaker model on OpenBoek. For each of the five
# novels, trains a model on everything make-model.sh trains on except that
# novel (filters/extract-quotes/make-model.sh ... --exclude NOVEL-part), then
# scores each novel with the model that never saw it
# (tests/dev/eval-quotes-openboek.sh --loo --fold-model).
#   tests/dev/quotes-loo.sh [EPOCHS SEED ENSEMBLE] [-- extract-quotes options]
# QUOTES_LOO_KEEP=FILE keeps the fold predictions in FILE: list the wrong
# speakers with score-quotes-openboek.py --errors GOLD FILE.
# Needs bin/ built; skips (exit 0) when the shared data is absent.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${ZEEF_DEV_DATA:-$root/../shared/data}
[ -d "$data/quotes/openboek" ] || data=/work/shared/data
ob=$data/quotes/openboek
if [ ! -d "$ob" ]; then echo "quotes-loo: no dev data, skipped"; exit 0; fi
epochs=10 seed=1 ensemble=15
if [ $# -ge 3 ] && [ "$1" != -- ]; then epochs=$1 seed=$2 ensemble=$3; shift 3; fi
[ "${1:-}" = -- ] && shift
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for novel in $(jq -r '.id | sub("-part.*"; "")' "$ob/openboek-train-records.jsonl" | sort -u); do
	sh "$root/filters/extract-quotes/make-model.sh" "$data" "$epochs" "$seed" "$ensemble" \
		"$tmp/$novel.txt" "$novel-part" >/dev/null
done
keep=()
[ -n "${QUOTES_LOO_KEEP:-}" ] && keep=(--keep "$QUOTES_LOO_KEEP")
bash "$here/eval-quotes-openboek.sh" --loo --fold-model "$tmp/{novel}.txt" "${keep[@]}" "$root/bin" -- "$@"
