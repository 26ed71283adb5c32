# tests/bench/hostile.sh — text built to make rules slow, for `make bench`
# (sourced by tests/bench/run.sh with $BIN and $BENCH_TMP set; see lib.sh).
# Each input comes at two sizes, a tenth and the whole, so the rows show
# whether time grows linearly (the same MB/s at both sizes):
#   quotes     100 000 quote marks, none of them closed ("Ja en "…)
#   sentence   one 50 MB sentence without a full stop (lower-case words)
#   names      1 000 000 capitalised names in short sentences
# Every filter runs on each; one run per row (BENCH_RUNS=1).
hostile_record() { # FILE PIECE COUNT [END]: one record, PIECE repeated COUNT times
	{
		printf '{"id":"hostile","text":"'
		yes "$2" | head -n "$3" | tr -d '\n'
		printf '%s"}\n' "${4:-}"
	} >"$1"
}
hostile_record "$BENCH_TMP/quotes-10k.jsonl" '\"Ja en ' 10000
hostile_record "$BENCH_TMP/quotes-100k.jsonl" '\"Ja en ' 100000
hostile_record "$BENCH_TMP/sentence-5mb.jsonl" 'de minister zei dat het plan ' $((5000000 / 29))
hostile_record "$BENCH_TMP/sentence-50mb.jsonl" 'de minister zei dat het plan ' $((50000000 / 29))
hostile_record "$BENCH_TMP/names-100k.jsonl" 'Jan Jansen en Piet Bakker. ' 25000
hostile_record "$BENCH_TMP/names-1m.jsonl" 'Jan Jansen en Piet Bakker. ' 250000
for f in "$BIN"/*; do
	name=$(basename "$f")
	[ "$name" = zeef ] && continue
	for input in quotes-10k quotes-100k sentence-5mb sentence-50mb names-100k names-1m; do
		BENCH_RUNS=1 bench_row "$name $input" "$BENCH_TMP/$input.jsonl" "$f"
	done
done
rm -f "$BENCH_TMP"/quotes-*.jsonl "$BENCH_TMP"/sentence-*mb.jsonl "$BENCH_TMP"/names-*.jsonl
