# tests/bench/zeef.sh — sourced by tests/bench/run.sh ($BIN, $BENCH_TMP,
# $CORPUS, bench_row). The same chain four ways on 2 cores: as a plain shell
# pipe, through `zeef run` serially, with `workers: 2` on every stage, and
# under GNU parallel (--pipe --keep-order -j2 --block 1M). Before the rows,
# it checks that all four give byte-identical output.
zeef_bench() {
	local here chain=() stages1=() stages2=() f input="$BENCH_TMP/zeef-input.jsonl" label
	here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../stand-ins" && pwd)
	for f in split-sentences tag-entities extract-quotes summarize; do
		[ -x "$BIN/$f" ] && chain+=("$f")
	done
	if [ ${#chain[@]} -eq 0 ]; then
		# No filters yet: a CPU-bound stand-in stage, so the runner's own
		# share and the speed-up still show.
		label="awk-stand-in x2"
		stages1=("{run: awk, name: s1, args: ['{ for (i = 0; i < 100; i++) x = gsub(/e/, \"e\"); print }']}"
		         "{run: $here/stand-in, name: s2}")
	else
		label=$(IFS=+; echo "${chain[*]}")
		for f in "${chain[@]}"; do stages1+=("{run: $BIN/$f}"); done
	fi
	for f in "${stages1[@]}"; do stages2+=("${f%\}}, workers: 2}"); done
	{ echo "zeef: 1"; echo "stages:"; printf '  - %s\n' "${stages1[@]}"; } > "$BENCH_TMP/zeef-1.yaml"
	{ echo "zeef: 1"; echo "stages:"; printf '  - %s\n' "${stages2[@]}"; } > "$BENCH_TMP/zeef-2.yaml"
	head -c "${ZEEF_BENCH_BYTES:-30000000}" "$CORPUS" | sed '$d' > "$input"
	local shell_line
	shell_line=$("$BIN/zeef" show "$BENCH_TMP/zeef-1.yaml")
	"$BIN/zeef" run "$BENCH_TMP/zeef-1.yaml" < "$input" > "$BENCH_TMP/zeef-out1" &&
	"$BIN/zeef" run "$BENCH_TMP/zeef-2.yaml" < "$input" > "$BENCH_TMP/zeef-out2" &&
	parallel --pipe --keep-order -j2 --block 1M "$BIN/zeef" run "$BENCH_TMP/zeef-1.yaml" \
		< "$input" > "$BENCH_TMP/zeef-out3" &&
	bash -c "$shell_line" < "$input" > "$BENCH_TMP/zeef-out4" || { echo "bench: zeef chain failed" >&2; return 1; }
	if cmp -s "$BENCH_TMP/zeef-out1" "$BENCH_TMP/zeef-out2" && cmp -s "$BENCH_TMP/zeef-out1" "$BENCH_TMP/zeef-out3" &&
	   cmp -s "$BENCH_TMP/zeef-out1" "$BENCH_TMP/zeef-out4"; then
		echo "zeef: $label: serial, workers: 2 and GNU parallel outputs are byte-identical"
	else
		echo "zeef: $label: OUTPUTS DIFFER between serial, workers: 2 and GNU parallel" >&2
		return 1
	fi
	rm -f "$BENCH_TMP"/zeef-out?
	bench_row "shell pipe $label" "$input" bash -c "$shell_line"
	bench_row "zeef run $label" "$input" "$BIN/zeef" run "$BENCH_TMP/zeef-1.yaml"
	bench_row "zeef workers:2 $label" "$input" "$BIN/zeef" run "$BENCH_TMP/zeef-2.yaml"
	bench_row "parallel -j2 $label" "$input" parallel --pipe --keep-order -j2 --block 1M \
		"$BIN/zeef" run "$BENCH_TMP/zeef-1.yaml"
	rm -f "$input"
}
zeef_bench
