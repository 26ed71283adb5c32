#!/usr/bin/env bash
# `make bench`: throughput and peak memory of every program, beside the
# record pass-through (read + validate + write, no change) as the reference.
#
# Usage: run.sh BINDIR PASSTHROUGH
# Builds tests/bench/out/corpus.jsonl (>= 200 MB of normalized records) from
# the sample articles and, when present, ../shared/data; then prints the
# reference rows and runs every other tests/bench/*.sh part, which add rows
# with bench_row (lib.sh) using $BIN, $CORPUS and $BENCH_TMP.
# BENCH_RUNS (default 3) runs per row; the median is reported.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
BIN=$(cd "$1" && pwd); passthrough=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
out=$here/out; mkdir -p "$out/tmp"
BENCH_TMP=$out/tmp CORPUS=$out/corpus.jsonl
export BIN BENCH_TMP CORPUS
. "$here/lib.sh"

shared=$top/../shared/data
if [ ! -s "$CORPUS" ] || [ "$(stat -c %s "$CORPUS")" -lt 200000000 ]; then
	echo "bench: building the corpus (>= 200 MB) in $CORPUS" >&2
	base=$out/base.jsonl
	{
		"$BIN/normalize" "$top"/tests/samples/*.txt
		if [ -d "$shared/seeds" ]; then "$BIN/normalize" "$shared"/seeds/*.txt; fi
		for f in "$shared"/sentences/*.jsonl; do
			if [ -f "$f" ]; then jq -c '{id, text}' "$f" | "$BIN/normalize"; fi
		done
	} >"$base" || { echo "bench: could not build the corpus" >&2; exit 1; }
	: >"$CORPUS"; i=0
	while [ "$(stat -c %s "$CORPUS")" -lt 200000000 ]; do
		awk -v k="$i" '{ sub(/"id":"/, "\"id\":\"" k "-"); print }' "$base" >>"$CORPUS"
		i=$((i + 1))
	done
fi

echo "Zeef bench on $(nproc) cores, $(date -u +%Y-%m-%d), runs per row: ${BENCH_RUNS:-3} (median)"
printf '%-30s %12s %14s %14s %13s\n' program input wall-clock CPU-time "peak RSS"
bench_row "pass-through (reference)" "$CORPUS" "$passthrough"

# Memory must not grow with the input: 10 MB against 1 GB.
head -c 10000000 "$CORPUS" | sed '$d' >"$out/10mb.jsonl"
if [ ! -s "$out/1gb.jsonl" ]; then
	for _ in 1 2 3 4 5; do cat "$CORPUS"; done >"$out/1gb.jsonl"
fi
BENCH_RUNS=1 bench_row "pass-through 10 MB" "$out/10mb.jsonl" "$passthrough"
BENCH_RUNS=1 bench_row "pass-through 1 GB" "$out/1gb.jsonl" "$passthrough"

for part in "$here"/*.sh; do
	case $(basename "$part") in run.sh|lib.sh) continue ;; esac
	. "$part"
done
