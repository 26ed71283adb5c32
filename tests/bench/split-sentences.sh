# tests/bench/split-sentences.sh — sourced by tests/bench/run.sh, which sets
# $BIN, $BENCH_TMP, $CORPUS (JSONL news records) and defines bench_row.
# Rows: split-sentences on 100 MB and on 2 MB of the corpus, and ucto
# (Debian's `ucto`, installed when missing) on the texts of the same 2 MB,
# as plain text with a blank line between records: ucto runs at about
# 0.3 MB/s, so its input stays small. Peak RSS at 2 MB and at 100 MB shows
# that memory does not grow with the input.

split_bench_cut() { # BYTES OUT: the first BYTES of $CORPUS, whole lines only
	head -c "$1" "$CORPUS" | head -n -1 >"$2"
}

split_bench_large=$BENCH_TMP/split-sentences-100MB.jsonl
split_bench_small=$BENCH_TMP/split-sentences-2MB.jsonl
split_bench_cut 100000000 "$split_bench_large"
split_bench_cut "${BENCH_UCTO_BYTES:-2000000}" "$split_bench_small"

bench_row "split-sentences" "$split_bench_large" "$BIN/split-sentences"
bench_row "split-sentences (2 MB)" "$split_bench_small" "$BIN/split-sentences"

if ! command -v ucto >/dev/null; then
	sh "$(dirname "${BASH_SOURCE[0]}")/../deps.sh" ucto ||
		echo "bench: ucto could not be installed; its row is left out" >&2
fi
if command -v ucto >/dev/null; then
	jq -r '.text + "\n"' <"$split_bench_small" >"$BENCH_TMP/split-sentences-2MB.txt"
	bench_row "ucto -L nld -n (2 MB)" "$BENCH_TMP/split-sentences-2MB.txt" ucto -L nld -n
fi
rm -f "$split_bench_large" "$split_bench_small" "$BENCH_TMP/split-sentences-2MB.txt"
