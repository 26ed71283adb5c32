# tests/bench/zeef.sh — sourced by tests/bench/run.sh ($BIN, $BENCH_TMP,
# $CORPUS, bench_row). A chain run six ways on 2 cores: as a plain shell
# pipe, through `zeef run` serially, with `workers: 2` on its slowest stage
# (tag-entities), with `workers: 2` on every stage, as the line `zeef show
# --parallel` prints (`zeef run --parallel=2`: the whole chain twice, zeef
# spreading the records, each copy on its own CPU), and under GNU parallel (`zeef show --parallel
# --block 50M`: one job per block of 50M).
# First it checks that all six give byte-identical output, and prints the
# per-stage CPU of the serial run (`zeef run --stats`): a serial chain
# already runs its stages side by side, so on 2 cores no splitting can beat
# max(slowest stage, all stages / 2) (pipelines/README.md, "Scaling out").
# Input: the first $ZEEF_BENCH_BYTES (default 100 MB) of the corpus for the
# chain; 10 MB for tag-entities alone, where workers show best.

# zeef_bench_chain LABEL BYTES SLOWEST STAGE-YAML...: SLOWEST is the name of
# the stage that gets workers in the third way.
zeef_bench_chain() {
	local label=$1 bytes=$2 slowest=$3 f s1=() s2=() s3=() input="$BENCH_TMP/zeef-input.jsonl" out line gnu
	shift 3
	s1=("$@")
	for f in "${s1[@]}"; do
		s2+=("${f%\}}, workers: 2}")
		case $f in *"/$slowest}"|*"/$slowest,"*|*"name: $slowest,"*) s3+=("${f%\}}, workers: 2}") ;; *) s3+=("$f") ;; esac
	done
	{ echo "zeef: 1"; echo "stages:"; printf '  - %s\n' "${s1[@]}"; } > "$BENCH_TMP/zeef-1.yaml"
	{ echo "zeef: 1"; echo "stages:"; printf '  - %s\n' "${s2[@]}"; } > "$BENCH_TMP/zeef-2.yaml"
	{ echo "zeef: 1"; echo "stages:"; printf '  - %s\n' "${s3[@]}"; } > "$BENCH_TMP/zeef-3.yaml"
	head -c "$bytes" "$CORPUS" | sed '$d' > "$input"
	line=$(PATH="$BIN:$PATH" "$BIN/zeef" show --parallel "$BENCH_TMP/zeef-1.yaml")
	gnu=$("$BIN/zeef" show --parallel --block 50M "$BENCH_TMP/zeef-1.yaml")
	out=$BENCH_TMP/zeef-out
	"$BIN/zeef" run --stats --progress=never "$BENCH_TMP/zeef-1.yaml" < "$input" > "$out.1" 2> "$BENCH_TMP/zeef-stats" &&
	"$BIN/zeef" run "$BENCH_TMP/zeef-2.yaml" < "$input" > "$out.2" &&
	"$BIN/zeef" run "$BENCH_TMP/zeef-3.yaml" < "$input" > "$out.3" &&
	PATH="$BIN:$PATH" bash -c "$line" < "$input" > "$out.4" &&
	bash -c "$("$BIN/zeef" show "$BENCH_TMP/zeef-1.yaml")" < "$input" > "$out.5" &&
	bash -c "$gnu" < "$input" > "$out.6" ||
		{ echo "bench: zeef $label failed" >&2; return 1; }
	if cmp -s "$out.1" "$out.2" && cmp -s "$out.1" "$out.3" && cmp -s "$out.1" "$out.4" &&
	   cmp -s "$out.1" "$out.5" && cmp -s "$out.1" "$out.6"; then
		echo "zeef: $label: shell, serial, workers, --parallel and GNU parallel outputs are byte-identical"
	else
		echo "zeef: $label: OUTPUTS DIFFER between shell, serial, workers, --parallel and GNU parallel" >&2
		return 1
	fi
	echo "zeef: $label: CPU seconds per stage (serial): $(awk '$1 ~ /^[0-9]+$/ { printf "%s%s %s", sep, $2, $7; sep = ", " }' "$BENCH_TMP/zeef-stats")"
	rm -f "$out".?
	bench_row "shell pipe $label" "$input" bash -c "$("$BIN/zeef" show "$BENCH_TMP/zeef-1.yaml")"
	bench_row "zeef run $label" "$input" "$BIN/zeef" run "$BENCH_TMP/zeef-1.yaml"
	bench_row "zeef $slowest workers:2" "$input" "$BIN/zeef" run "$BENCH_TMP/zeef-3.yaml"
	[ $# -gt 1 ] && bench_row "zeef all workers:2 $label" "$input" "$BIN/zeef" run "$BENCH_TMP/zeef-2.yaml"
	bench_row "zeef run --parallel $label" "$input" env PATH="$BIN:$PATH" bash -c "$line"
	bench_row "GNU parallel 50M $label" "$input" bash -c "$gnu"
	rm -f "$input"
}

zeef_bench() {
	local chain=() f here
	for f in normalize split-sentences tag-entities extract-quotes summarize; do
		[ -x "$BIN/$f" ] && chain+=("{run: $BIN/$f}")
	done
	if [ ${#chain[@]} -lt 5 ]; then
		# Not every filter built: a CPU-bound stand-in, so the runner's share
		# and the workers' speed-up still show.
		here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../stand-ins" && pwd)
		zeef_bench_chain "awk-stand-in" 10000000 s1 \
			"{run: awk, name: s1, args: ['{ for (i = 0; i < 100; i++) x = gsub(/e/, \"e\"); print }']}" \
			"{run: $here/stand-in, name: s2}"
		return
	fi
	zeef_bench_chain "nl-news" "${ZEEF_BENCH_BYTES:-100000000}" tag-entities "${chain[@]}"
	zeef_bench_chain "tag-entities" 10000000 tag-entities "{run: $BIN/tag-entities}"
}
zeef_bench
