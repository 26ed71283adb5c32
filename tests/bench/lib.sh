# tests/bench/lib.sh — sourced by tests/bench/run.sh and its parts.
# bench_row NAME INPUT CMD...: run CMD <INPUT >/dev/null $BENCH_RUNS times
# (default 3) and print one row: name, input MB, median MB/s, peak RSS (MiB).
# Speed comes from the median wall time, memory from GNU time's max RSS.
bench_row() {
	local name=$1 input=$2; shift 2
	local runs=${BENCH_RUNS:-3} bytes times=() rss=0 t r i
	bytes=$(stat -c %s "$input")
	for i in $(seq "$runs"); do
		/usr/bin/time -f '%e %M' -o "$BENCH_TMP/time" "$@" <"$input" >/dev/null 2>"$BENCH_TMP/err" ||
			{ echo "bench: $name failed:" >&2; tail -3 "$BENCH_TMP/err" >&2; return 1; }
		read -r t r <"$BENCH_TMP/time"
		times+=("$t"); [ "$r" -gt "$rss" ] && rss=$r
	done
	t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
	awk -v n="$name" -v b="$bytes" -v t="$t" -v r="$rss" 'BEGIN {
		s = (t > 0 ? b / 1e6 / t : 0);
		printf "%-28s %9.1f MB %10.1f MB/s %9.1f MiB\n", n, b / 1e6, s, r / 1024 }'
}
