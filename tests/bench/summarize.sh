# shellcheck shell=bash
# tests/bench/summarize.sh — summarize on news records (sentences computed by
# the shared splitter; given by split-sentences; and with the entities and
# quotes of tag-entities and extract-quotes too, the input of a full
# pipeline: the row the 60 MB/s bar of issue 19 is about), and on one 1 MB and one
# 10 MB document to show that time grows linearly with a document's length.
# OTS (`ots -d nl`, Debian's summarizer) runs beside it on the same two
# documents as plain text; it is installed when missing (apt-get, with sudo
# when not root), and left out when that fails.
# Sourced by tests/bench/run.sh ($BIN, $BENCH_TMP, $CORPUS, bench_row).
summarize_tmp=$BENCH_TMP/summarize
mkdir -p "$summarize_tmp"
head -c 50000000 "$CORPUS" | sed '$d' >"$summarize_tmp/news.jsonl"
bench_row "summarize (splits itself)" "$summarize_tmp/news.jsonl" "$BIN/summarize"
if [ -x "$BIN/split-sentences" ]; then
	"$BIN/split-sentences" <"$summarize_tmp/news.jsonl" >"$summarize_tmp/split.jsonl"
	bench_row "summarize (sentences given)" "$summarize_tmp/split.jsonl" "$BIN/summarize"
	if [ -x "$BIN/tag-entities" ] && [ -x "$BIN/extract-quotes" ]; then
		"$BIN/tag-entities" <"$summarize_tmp/split.jsonl" | "$BIN/extract-quotes" \
			>"$summarize_tmp/tagged.jsonl"
		bench_row "summarize (tagged, quoted)" "$summarize_tmp/tagged.jsonl" "$BIN/summarize"
	fi
fi
# One document of about N bytes: corpus texts joined as paragraphs.
summarize_doc() { # BYTES NAME
	head -c "$1" "$CORPUS" | sed '$d' |
		jq -s -c --arg id "$2" '{id: $id, text: (map(.text) | join("\n\n"))}' \
		>"$summarize_tmp/$2.jsonl"
	jq -j .text "$summarize_tmp/$2.jsonl" >"$summarize_tmp/$2.txt"
}
summarize_doc 1000000 doc-1mb
summarize_doc 10000000 doc-10mb
bench_row "summarize 1 MB document" "$summarize_tmp/doc-1mb.jsonl" "$BIN/summarize"
bench_row "summarize 10 MB document" "$summarize_tmp/doc-10mb.jsonl" "$BIN/summarize"
if ! command -v ots >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then apt-get install -y ots >/dev/null 2>&1
	else sudo -n apt-get install -y ots >/dev/null 2>&1; fi
fi
# OTS slows down faster than linearly: one run per document, stopped after
# SUMMARIZE_OTS_LIMIT seconds (default 60); the row then says so.
summarize_ots_row() { # NAME INPUT
	local limit=${SUMMARIZE_OTS_LIMIT:-60} t r
	if /usr/bin/time -f '%e %M' -o "$summarize_tmp/time" timeout "$limit" ots -d nl \
		<"$2" >/dev/null 2>&1; then
		read -r t r <"$summarize_tmp/time"
		awk -v n="$1" -v b="$(stat -c %s "$2")" -v t="$t" -v r="$r" 'BEGIN {
			printf "%-28s %9.1f MB %10.2f MB/s %9.1f MiB\n", n, b / 1e6, (t > 0 ? b / 1e6 / t : 0), r / 1024 }'
	else
		awk -v n="$1" -v b="$(stat -c %s "$2")" -v l="$limit" 'BEGIN {
			printf "%-28s %9.1f MB %10s MB/s  (stopped after %d s)\n", n, b / 1e6, "< " sprintf("%.2f", b / 1e6 / l), l }'
	fi
}
if command -v ots >/dev/null 2>&1; then
	summarize_ots_row "ots -d nl 1 MB document" "$summarize_tmp/doc-1mb.txt"
	summarize_ots_row "ots -d nl 10 MB document" "$summarize_tmp/doc-10mb.txt"
else
	echo "summarize bench: ots not available, its rows left out" >&2
fi
rm -rf "$summarize_tmp"
