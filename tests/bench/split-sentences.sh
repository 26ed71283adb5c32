# tests/bench/split-sentences.sh — split-sentences' rows for `make bench`
# (sourced by tests/bench/run.sh with $BIN, $BENCH_TMP and $CORPUS set; see
# lib.sh).
#   split-sentences            the corpus (normalized news records)
#   split-sentences 10 MB/1 GB peak memory must not grow with the input
#                              (run.sh makes these two files)
#   split-sentences (2 MB)     and ucto -L nld -n (2 MB): the same records, as
#                              JSON Lines for split-sentences and as plain
#                              text (a blank line between records) for ucto,
#                              Debian's `ucto`, installed when missing; ucto
#                              runs at about 0.3 MB/s, so its input stays small
bench_row "split-sentences" "$CORPUS" "$BIN/split-sentences"
BENCH_RUNS=1 bench_row "split-sentences 10 MB" "$BENCH_TMP/../10mb.jsonl" "$BIN/split-sentences"
BENCH_RUNS=1 bench_row "split-sentences 1 GB" "$BENCH_TMP/../1gb.jsonl" "$BIN/split-sentences"

head -c "${BENCH_UCTO_BYTES:-2000000}" "$CORPUS" | sed '$d' >"$BENCH_TMP/split-sentences-2MB.jsonl"
bench_row "split-sentences (2 MB)" "$BENCH_TMP/split-sentences-2MB.jsonl" "$BIN/split-sentences"
if ! command -v ucto >/dev/null; then
	sh "$(dirname "${BASH_SOURCE[0]}")/../deps.sh" ucto ||
		echo "bench: ucto could not be installed; its row is left out" >&2
fi
if command -v ucto >/dev/null; then
	jq -r '.text + "\n"' <"$BENCH_TMP/split-sentences-2MB.jsonl" >"$BENCH_TMP/split-sentences-2MB.txt"
	bench_row "ucto -L nld -n (2 MB)" "$BENCH_TMP/split-sentences-2MB.txt" ucto -L nld -n
fi
rm -f "$BENCH_TMP/split-sentences-2MB.jsonl" "$BENCH_TMP/split-sentences-2MB.txt"
