# bench part: normalize (sourced by run.sh)
bench_row "normalize" "$CORPUS" "$BIN/normalize"
BENCH_RUNS=1 bench_row "normalize 10 MB" "$BENCH_TMP/../10mb.jsonl" "$BIN/normalize"
BENCH_RUNS=1 bench_row "normalize 1 GB" "$BENCH_TMP/../1gb.jsonl" "$BIN/normalize"
