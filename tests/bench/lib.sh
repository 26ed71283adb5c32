# tests/bench/lib.sh — sourced by tests/bench/run.sh and its parts.
# bench_row NAME INPUT CMD...: run CMD <INPUT >/dev/null $BENCH_RUNS times
# (default 3) and print one row: name, input MB, median wall-clock MB/s,
# median CPU-time MB/s (user + system), and peak RSS (MiB, the largest of
# the runs), all from GNU time. On a busy machine the CPU column is the one
# to compare; on an idle one the two agree for single-threaded programs.
bench_row() {
	local name=$1 input=$2; shift 2
	local runs=${BENCH_RUNS:-3} bytes walls=() cpus=() rss=0 e u s r i
	bytes=$(stat -c %s "$input")
	for i in $(seq "$runs"); do
		/usr/bin/time -f '%e %U %S %M' -o "$BENCH_TMP/time" "$@" <"$input" >/dev/null 2>"$BENCH_TMP/err" ||
			{ echo "bench: $name failed:" >&2; tail -3 "$BENCH_TMP/err" >&2; return 1; }
		read -r e u s r <"$BENCH_TMP/time"
		walls+=("$e"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')")
		[ "$r" -gt "$rss" ] && rss=$r
	done
	e=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
	u=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
	awk -v n="$name" -v b="$bytes" -v t="$e" -v c="$u" -v r="$rss" 'BEGIN {
		# GNU time counts in 0.01 s: a faster run is below its resolution.
		w = (t > 0 ? sprintf("%9.1f MB/s", b / 1e6 / t) : "   < 0.01 s  ");
		k = (c > 0 ? sprintf("%9.1f MB/s", b / 1e6 / c) : "   < 0.01 s  ");
		printf "%-30s %9.1f MB %s %s %9.1f MiB\n", n, b / 1e6, w, k, r / 1024 }'
}
