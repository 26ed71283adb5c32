#!/usr/bin/env bash
# eval-quotes-news.sh — DEV ONLY (not part of `make test`): run extract-quotes on
# the CoNLL-2002 news quotation set (filters/extract-quotes/train/news-*) and
# score it with `zeef score quotes`, the train split and the set-aside test split.
#   tests/dev/eval-quotes-news.sh [--pipeline] [--split train|test] [BINDIR] [-- extract-quotes options]
# --pipeline: run split-sentences | tag-entities first, as the default pipeline does.
# --split: score one split only (default: both).
# The set is in the repository (research use only, see its README); no shared data needed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
set_dir=$root/filters/extract-quotes/train
pipeline=0
splits="train test"
while [ $# -gt 0 ]; do
	case $1 in
	--pipeline) pipeline=1; shift ;;
	--split) splits=$2; shift 2 ;;
	--) break ;;
	*) break ;;
	esac
done
bin=$root/bin
if [ $# -gt 0 ] && [ "$1" != -- ]; then bin=$1; shift; fi
if [ "${1:-}" = -- ]; then shift; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

for split in $splits; do
	recs=$set_dir/news-$split-records.jsonl
	if [ "$pipeline" = 1 ]; then
		"$bin/split-sentences" <"$recs" | "$bin/tag-entities" >"$tmp/in.jsonl"
	else
		cp "$recs" "$tmp/in.jsonl"
	fi
	"$bin/extract-quotes" "$@" <"$tmp/in.jsonl" >"$tmp/$split.out.jsonl"
	echo "== news $split ($(wc -l <"$set_dir/news-$split-gold.jsonl") quotations, $(wc -l <"$recs") articles)"
	"$bin/zeef" score quotes --scare "$set_dir/news-$split-scare.jsonl" \
		"$set_dir/news-$split-gold.jsonl" "$tmp/$split.out.jsonl"
done
