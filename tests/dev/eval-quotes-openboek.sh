#!/usr/bin/env bash
# eval-quotes-openboek.sh — DEV ONLY (not part of `make test`): run extract-quotes
# on the OpenBoek fiction records (../shared/data/quotes/openboek) and score span
# P/R/F1 and speaker accuracy per quote type with score-quotes-openboek.py.
#   tests/dev/eval-quotes-openboek.sh [--pipeline] [--loo] [--fold-model TEMPLATE]
#                                     [--pred FILE] [--keep FILE] [BINDIR]
#                                     [-- extract-quotes options]
# --pipeline    run split-sentences | tag-entities first, as the default pipeline does.
# --loo         leave one novel out: run extract-quotes once per novel, on that
#               novel's records only, and report per novel beside the total.
# --fold-model TEMPLATE
#               with --loo: pass `--model FILE` to extract-quotes, FILE being
#               TEMPLATE with {novel} replaced by the held-out novel (e.g.
#               build/quotes-loo/{novel}.txt, a model trained without that novel).
# --pred FILE   score FILE (extract-quotes output for the records) instead of
#               running extract-quotes.
# --keep FILE   also write the predictions scored to FILE (to list the wrong
#               speakers: score-quotes-openboek.py --errors GOLD FILE).
# Skips (exit 0) when the shared data is absent.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pipeline=0 loo=0 template= predfile= keep=
while [ $# -gt 0 ]; do
	case $1 in
	--pipeline) pipeline=1; shift ;;
	--loo) loo=1; shift ;;
	--fold-model) template=$2; shift 2 ;;
	--pred) predfile=$2; shift 2 ;;
	--keep) keep=$2; shift 2 ;;
	*) break ;;
	esac
done
bin=$root/bin
if [ $# -gt 0 ] && [ "$1" != -- ]; then bin=$1; shift; fi
if [ "${1:-}" = -- ]; then shift; fi
if [ -n "$template" ] && [ "$loo" = 0 ]; then
	echo "eval-quotes-openboek: --fold-model needs --loo" >&2; exit 64
fi
data=${ZEEF_DEV_DATA:-$root/../shared/data}
[ -d "$data/quotes/openboek" ] || data=/work/shared/data
ob=$data/quotes/openboek
if [ ! -d "$ob" ]; then echo "eval-quotes-openboek: no dev data, skipped"; exit 0; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

run() {   # run RECORDS OUT [extract-quotes options...]
	local in=$1 out=$2; shift 2
	if [ "$pipeline" = 1 ]; then
		"$bin/split-sentences" <"$in" | "$bin/tag-entities" | "$bin/extract-quotes" "$@" >"$out"
	else
		"$bin/extract-quotes" "$@" <"$in" >"$out"
	fi
}

if [ -n "$predfile" ]; then
	cp "$predfile" "$tmp/pred.jsonl"
elif [ "$loo" = 1 ]; then
	: >"$tmp/pred.jsonl"
	for novel in $(jq -r '.id | sub("-part.*"; "")' "$ob/openboek-train-records.jsonl" | sort -u); do
		jq -c --arg n "$novel" 'select(.id | startswith($n + "-part"))' \
			"$ob/openboek-train-records.jsonl" >"$tmp/fold.jsonl"
		if [ -n "$template" ]; then
			run "$tmp/fold.jsonl" "$tmp/fold.out" --model "${template//\{novel\}/$novel}" "$@"
		else
			run "$tmp/fold.jsonl" "$tmp/fold.out" "$@"
		fi
		cat "$tmp/fold.out" >>"$tmp/pred.jsonl"
	done
else
	run "$ob/openboek-train-records.jsonl" "$tmp/pred.jsonl" "$@"
fi
[ -n "$keep" ] && cp "$tmp/pred.jsonl" "$keep"
by=()
[ "$loo" = 1 ] && by=(--by-novel)
python3 "$here/score-quotes-openboek.py" "${by[@]}" "$ob/openboek-train-gold.jsonl" "$tmp/pred.jsonl"
