#!/bin/sh
# Rebuild summarize's built-in model, common/lang/nl/summary-model.txt (a
# developer tool, not part of the build): training records from the
# reference extracts of the development data (tests/dev/summary-train-data.py,
# which reads /work/shared/data or DATA), then summarize --train with
# leave-one-out cross-validation and the nested figure. Deterministic: the
# same data and code give the same file. Needs bin/summarize built.
# usage: filters/summarize/make-model.sh [DATA]
set -eu
data=${1:-/work/shared/data}
out=common/lang/nl/summary-model.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 tests/dev/summary-train-data.py "$data" >"$tmp/train.jsonl"
bin/summarize --train --nested --model-out="$tmp/model.txt" "$tmp/train.jsonl" | tee "$tmp/log"
{
	echo "# summary-model.txt — the ranking model of summarize (filters/summarize/model.h):"
	echo "# one weight per sentence feature of a linear score, fitted as a pairwise"
	echo "# ranker (logistic loss on score differences, L2) on the reference extracts of"
	echo "# the development data (two annotators per document: 40 UD Alpino dev news"
	echo "# documents and 5 seed articles, see filters/summarize/README.md), and the"
	echo "# selection parameters short_news and redundancy. The L2 strength, short_news"
	echo "# and redundancy were chosen by leave-one-out cross-validation over all 45"
	echo "# documents. Made by filters/summarize/make-model.sh; retrain when a feature,"
	echo "# a word list or the training data changes. ROUGE-1 F1 (mean over documents):"
	sed -n '/^documents/,/^weights/p' "$tmp/log" | sed '$d' | sed 's/^/#   /'
	cat "$tmp/model.txt"
} >"$out"
echo "wrote $out"
