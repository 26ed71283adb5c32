# tests/bench/extract-quotes.sh — extract-quotes' rows for `make bench`
# (sourced by tests/bench/run.sh with $BIN, $BENCH_TMP and $CORPUS set and
# bench_row defined; see lib.sh).
#   extract-quotes               records as the default pipeline hands them
#                                over: 20 MB of the corpus through
#                                split-sentences | tag-entities (the input
#                                grows to about three times that with the
#                                sentences and entities); the target is
#                                >= 50 MB/s
#   extract-quotes (text only)   50 MB of bare {id, text} records: the
#                                shared splitter runs inside for records
#                                with quotations
quotes_bench_cut() { # BYTES OUT: the first BYTES of $CORPUS, whole lines only
	head -c "$1" "$CORPUS" | head -n -1 >"$2"
}
quotes_bench_text=$BENCH_TMP/extract-quotes-text.jsonl
quotes_bench_full=$BENCH_TMP/extract-quotes-entities.jsonl
quotes_bench_cut 50000000 "$quotes_bench_text"
head -c 20000000 "$quotes_bench_text" | head -n -1 | "$BIN/split-sentences" |
	"$BIN/tag-entities" >"$quotes_bench_full" ||
	echo "bench: extract-quotes: could not make the input with entities" >&2
[ -s "$quotes_bench_full" ] && bench_row "extract-quotes" "$quotes_bench_full" "$BIN/extract-quotes"
bench_row "extract-quotes (text only)" "$quotes_bench_text" "$BIN/extract-quotes"
rm -f "$quotes_bench_text" "$quotes_bench_full"
