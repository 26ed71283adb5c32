# tests/bench/normalize.sh — normalize's rows for `make bench` (sourced by
# tests/bench/run.sh with $BIN, $BENCH_TMP and $CORPUS set; see lib.sh).
#   normalize            the corpus as it is (already clean news: the
#                        common case of re-running a pipeline)
#   normalize messy      100 MB of the same records made untidy: CRLF
#                        paragraphs, double spaces after sentences, no-break
#                        spaces after commas
#   normalize 10 MB/1 GB peak memory must not grow with the input (run.sh
#                        makes these two files)
bench_row "normalize" "$CORPUS" "$BIN/normalize"
head -c 100000000 "$CORPUS" | sed '$d' |
	sed 's/\. /.  /g; s/\\n\\n/ \\r\\n\\r\\n\\r\\n/g; s/, /,\xc2\xa0/g' >"$BENCH_TMP/normalize-messy.jsonl"
bench_row "normalize messy" "$BENCH_TMP/normalize-messy.jsonl" "$BIN/normalize"
rm -f "$BENCH_TMP/normalize-messy.jsonl"
BENCH_RUNS=1 bench_row "normalize 10 MB" "$BENCH_TMP/../10mb.jsonl" "$BIN/normalize"
BENCH_RUNS=1 bench_row "normalize 1 GB" "$BENCH_TMP/../1gb.jsonl" "$BIN/normalize"
