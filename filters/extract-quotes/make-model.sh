#!/bin/sh
# Rebuild the built-in speaker model of extract-quotes,
# common/lang/nl/speakers-model.txt (a developer tool, not part of the
# build; `make train-quotes` runs it). Needs bin/extract-quotes built with
# the word lists it will ship with, jq, and the development data:
#   DATA/quotes/openboek/openboek-train-{records,gold}.jsonl  (OpenBoek)
#   DATA/seeds/*.txt, DATA/quotes/seeds-{gold,scare}.jsonl     (news seeds)
#   DATA/sentences/nl_alpino-dev.jsonl, DATA/quotes/alpino-dev-{gold,scare}.jsonl
# and, in the repository, filters/extract-quotes/train/news-train-* (the
# CoNLL-2002 news quotations; the set-aside news-test-* is never used).
# usage: make-model.sh [DATA] [EPOCHS] [SEED] [ENSEMBLE] [OUT [EXCLUDE-PREFIX...]]
# OUT (default the built-in model's file) and EXCLUDE-PREFIX (records left
# out of training, e.g. one novel for a leave-one-novel-out fold, as
# tests/dev/quotes-loo.sh does).
set -eu
data=${1:-../shared/data} epochs=${2:-10} seed=${3:-1} ensemble=${4:-15}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${5:-$root/common/lang/nl/speakers-model.txt}
[ $# -gt 5 ] && shift 5 || set --
excl=
for p in "$@"; do excl="$excl --exclude=$p"; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$data"/seeds/*.txt; do
	jq -Rs --arg id "$(basename "$f")" '{id: $id, text: .}' "$f"
done | jq -c . >"$tmp/seeds.jsonl"
jq -c '{id, text}' "$data/sentences/nl_alpino-dev.jsonl" >"$tmp/alpino.jsonl"
"$root/bin/extract-quotes" --train --epochs="$epochs" --seed="$seed" --ensemble="$ensemble" $excl \
	--gold "$data/quotes/openboek/openboek-train-gold.jsonl" \
	--gold "$data/quotes/seeds-gold.jsonl" \
	--gold "$data/quotes/alpino-dev-gold.jsonl" \
	--gold "$here/train/news-train-gold.jsonl" \
	--scare "$data/quotes/seeds-scare.jsonl" --scare "$data/quotes/alpino-dev-scare.jsonl" \
	--scare "$here/train/news-train-scare.jsonl" \
	--model-out "$tmp/model.txt" \
	"$data/quotes/openboek/openboek-train-records.jsonl" "$tmp/seeds.jsonl" "$tmp/alpino.jsonl" \
	"$here/train/news-train-records.jsonl" | tee "$tmp/log"
{
	echo "# The built-in speaker model of extract-quotes: the weights of an averaged"
	echo "# perceptron that ranks the people who may have said a quotation (see"
	echo "# filters/extract-quotes/features.c for the features, README.md there for"
	echo "# how it is used). Format: zeef-speakers-model 1 (common/perceptron.h)."
	echo "# Trained on:"
	echo "#   OpenBoek (andreasvc/openboek): 25 records of five Dutch novels, 606"
	echo "#     quotations with their speakers; licence CC BY 4.0"
	echo "#   CoNLL-2002 Dutch (De Morgen, 2000): the news quotations annotated for"
	echo "#     Zeef in filters/extract-quotes/train/news-train-*; the CoNLL-2002"
	echo "#     data is licensed for research use only, and so is this model"
	echo "#   the Zeef seed articles and UD Dutch Alpino dev documents (CC BY-SA"
	echo "#     4.0) with the quotations annotated for Zeef"
	echo "# Made by filters/extract-quotes/make-model.sh:"
	echo "#   make-model.sh DATA $epochs $seed $ensemble"
	echo "# with the word lists in this folder; retrain when they or the features change."
	sed -n 's/^seed [0-9]* epoch \([0-9]*\): /# last epoch \1: /p' "$tmp/log" | tail -1
	sed 's|^# trained on:.*|# trained on: openboek-train-records.jsonl seeds alpino-dev news-train-records.jsonl|; s|^# gold:.*|# gold: the gold quotations of each|' "$tmp/model.txt"
} >"$out"
echo "wrote $out ($(wc -c <"$out") bytes)"
