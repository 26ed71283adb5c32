# tests/bench/normalize.sh — normalize's rows for `make bench` (sourced by
# tests/bench/run.sh with $BIN, $BENCH_TMP and $CORPUS set; see lib.sh).
#   normalize            the corpus as it is (already clean news: the
#                        common case of re-running a pipeline)
#   normalize messy      the same records made untidy: CRLF paragraphs,
#                        double spaces after sentences, no-break spaces
#   normalize 10 MB      for peak memory beside the full corpus
# Cuts are made at line ends (head -n -1 drops the partial last line).
head -c 10000000 "$CORPUS" | head -n -1 >"$BENCH_TMP/normalize-10mb.jsonl"
head -c 100000000 "$CORPUS" | head -n -1 |
	sed 's/\. /.  /g; s/\\n\\n/ \\r\\n\\r\\n\\r\\n/g; s/, /,\xc2\xa0/g' >"$BENCH_TMP/normalize-messy.jsonl"
bench_row normalize "$CORPUS" "$BIN/normalize"
bench_row "normalize messy" "$BENCH_TMP/normalize-messy.jsonl" "$BIN/normalize"
BENCH_RUNS=1 bench_row "normalize 10 MB" "$BENCH_TMP/normalize-10mb.jsonl" "$BIN/normalize"
BENCH_RUNS=1 bench_row "normalize 1 GB" "$BENCH_TMP/../1gb.jsonl" "$BIN/normalize"
rm -f "$BENCH_TMP/normalize-10mb.jsonl" "$BENCH_TMP/normalize-messy.jsonl"
