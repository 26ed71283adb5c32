# tests/bench/tag-entities.sh — tag-entities rows for `make bench` (sourced
# by tests/bench/run.sh with $BIN, $BENCH_TMP and $CORPUS set; see lib.sh).
#   tag-entities          20 MB of the corpus: split, tokenize, tag, write
#   tag-entities 2 MB     peak memory must not grow with the input
#   tokens/s              from --stats on the 20 MB: tokenizing and tagging
#                         alone, and the whole run, in CPU time (the machine
#                         may be shared) and wall-clock time
#   model load            --stats on empty input: parsing the built-in model
#                         and gazetteers
#   start-up              the whole process on empty input, the fastest of
#                         20 runs (zeef and the tests start many)
#   frog                  Debian's frog (NER only, one thread) on 100 KB of
#                         the same texts, only when it is already installed:
#                         at a few thousand tokens/s a bigger input would take
#                         minutes
tag_bench_large=$BENCH_TMP/tag-entities-20MB.jsonl
tag_bench_small=$BENCH_TMP/tag-entities-2MB.jsonl
head -c 20000000 "$CORPUS" | sed '$d' >"$tag_bench_large"
head -c 2000000 "$CORPUS" | sed '$d' >"$tag_bench_small"

bench_row "tag-entities" "$tag_bench_large" "$BIN/tag-entities"
BENCH_RUNS=1 bench_row "tag-entities 2 MB" "$tag_bench_small" "$BIN/tag-entities"

if "$BIN/tag-entities" --stats <"$tag_bench_large" 2>"$BENCH_TMP/tag-stats" >/dev/null; then
	sed -E 's/.*; tokenizing and tagging [0-9.]+ s of CPU \(([0-9]+) tokens\/s\); whole run [0-9.]+ s of CPU \(([0-9]+) tokens\/s\), [0-9.]+ s of wall clock \(([0-9]+) tokens\/s\)/\1 \2 \3/' \
		"$BENCH_TMP/tag-stats" | {
		read -r tag cpu wall
		awk -v t="$tag" -v c="$cpu" -v w="$wall" 'BEGIN {
			printf "%-28s %12s %9.2f M tokens/s (CPU)\n", "tag-entities tagging", "", t / 1e6
			printf "%-28s %12s %9.2f M tokens/s (CPU), %.2f wall\n", "tag-entities whole run", "", c / 1e6, w / 1e6 }'
	}
fi
: | "$BIN/tag-entities" --stats 2>"$BENCH_TMP/tag-stats"
printf '%-28s %12s %s\n' "tag-entities model load" "" \
	"$(sed -E 's/.*model loaded in ([0-9.]+ ms).*/\1/' "$BENCH_TMP/tag-stats")"
for _ in $(seq 20); do
	/usr/bin/time -f '%e' -o "$BENCH_TMP/time" "$BIN/tag-entities" </dev/null && cat "$BENCH_TMP/time"
done | sort -n | head -1 | awk '{ printf "%-28s %12s %9.0f ms\n", "tag-entities start-up", "", $1 * 1000 }'


if command -v frog >/dev/null; then
	head -c 100000 "$tag_bench_small" | sed '$d' | jq -r '.text + "\n"' >"$BENCH_TMP/tag-frog.txt"
	bench_row "frog NER, 1 thread (100 KB)" "$BENCH_TMP/tag-frog.txt" \
		frog --threads=1 --skip=mcpa -t /dev/stdin
	rm -f "$BENCH_TMP/tag-frog.txt"
else
	echo "bench: frog is not installed; its row is left out" >&2
fi
rm -f "$tag_bench_large" "$tag_bench_small" "$BENCH_TMP/tag-stats"
