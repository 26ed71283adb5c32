# tests/bench/zeef.sh — sourced by tests/bench/run.sh ($BIN, $BENCH_TMP,
# $CORPUS, bench_row). A chain four ways on 2 cores: as a plain shell pipe,
# through `zeef run` serially, with `workers: 2` on every stage, and under
# GNU parallel (--pipe --keep-order -j2 --block 1M). First it checks that all
# four give byte-identical output. Rows for the whole chain of the filters
# that are built, then for tag-entities alone: a serial chain already keeps
# two cores busy when its stages cost the same, one stage shows the
# workers' speed-up best. Input: the first $ZEEF_BENCH_BYTES (default 10 MB)
# of the corpus.

# zeef_bench_chain LABEL STAGE-YAML...
zeef_bench_chain() {
	local label=$1 f s1=() s2=() input="$BENCH_TMP/zeef-input.jsonl" shell_line out
	shift
	s1=("$@")
	for f in "${s1[@]}"; do s2+=("${f%\}}, workers: 2}"); done
	{ echo "zeef: 1"; echo "stages:"; printf '  - %s\n' "${s1[@]}"; } > "$BENCH_TMP/zeef-1.yaml"
	{ echo "zeef: 1"; echo "stages:"; printf '  - %s\n' "${s2[@]}"; } > "$BENCH_TMP/zeef-2.yaml"
	head -c "${ZEEF_BENCH_BYTES:-10000000}" "$CORPUS" | sed '$d' > "$input"
	shell_line=$("$BIN/zeef" show "$BENCH_TMP/zeef-1.yaml")
	out=$BENCH_TMP/zeef-out
	"$BIN/zeef" run "$BENCH_TMP/zeef-1.yaml" < "$input" > "$out.1" &&
	"$BIN/zeef" run "$BENCH_TMP/zeef-2.yaml" < "$input" > "$out.2" &&
	parallel --pipe --keep-order -j2 --block 1M "$BIN/zeef" run "$BENCH_TMP/zeef-1.yaml" \
		< "$input" > "$out.3" &&
	bash -c "$shell_line" < "$input" > "$out.4" || { echo "bench: zeef $label failed" >&2; return 1; }
	if cmp -s "$out.1" "$out.2" && cmp -s "$out.1" "$out.3" && cmp -s "$out.1" "$out.4"; then
		echo "zeef: $label: shell, serial, workers: 2 and GNU parallel outputs are byte-identical"
	else
		echo "zeef: $label: OUTPUTS DIFFER between shell, serial, workers: 2 and GNU parallel" >&2
		return 1
	fi
	rm -f "$out".?
	bench_row "shell pipe $label" "$input" bash -c "$shell_line"
	bench_row "zeef run $label" "$input" "$BIN/zeef" run "$BENCH_TMP/zeef-1.yaml"
	bench_row "zeef workers:2 $label" "$input" "$BIN/zeef" run "$BENCH_TMP/zeef-2.yaml"
	bench_row "parallel -j2 $label" "$input" parallel --pipe --keep-order -j2 --block 1M \
		"$BIN/zeef" run "$BENCH_TMP/zeef-1.yaml"
	rm -f "$input"
}

zeef_bench() {
	local chain=() f here
	for f in split-sentences tag-entities extract-quotes summarize; do
		[ -x "$BIN/$f" ] && chain+=("{run: $BIN/$f}")
	done
	if [ ${#chain[@]} -eq 0 ]; then
		# No filters yet: a CPU-bound stand-in, so the runner's share and the
		# workers' speed-up still show.
		here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../stand-ins" && pwd)
		zeef_bench_chain "awk-stand-in" \
			"{run: awk, name: s1, args: ['{ for (i = 0; i < 100; i++) x = gsub(/e/, \"e\"); print }']}" \
			"{run: $here/stand-in, name: s2}"
		return
	fi
	zeef_bench_chain "chain(${#chain[@]})" "${chain[@]}"
	[ -x "$BIN/tag-entities" ] && zeef_bench_chain "tag-entities" "{run: $BIN/tag-entities}"
}
zeef_bench
