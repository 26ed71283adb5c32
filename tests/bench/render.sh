# shellcheck shell=bash
# tests/bench/render.sh — `zeef render`: plain records from the corpus, and
# records full of spans (the render fixtures, repeated to about 20 MB).
# Sourced by tests/bench/run.sh ($BIN, $BENCH_TMP, $CORPUS, bench_row).
render_fixtures=$(cd "$(dirname "${BASH_SOURCE[0]}")/../fixtures/render" && pwd)
head -c 50000000 "$CORPUS" | sed '$d' >"$BENCH_TMP/render-text.jsonl"
: >"$BENCH_TMP/render-spans.jsonl"
while [ "$(stat -c %s "$BENCH_TMP/render-spans.jsonl")" -lt 20000000 ]; do
	for _ in $(seq 200); do cat "$render_fixtures/news.jsonl"; done >>"$BENCH_TMP/render-spans.jsonl"
done
bench_row "zeef render (text only)" "$BENCH_TMP/render-text.jsonl" "$BIN/zeef" render
bench_row "zeef render (with spans)" "$BENCH_TMP/render-spans.jsonl" "$BIN/zeef" render
rm -f "$BENCH_TMP/render-text.jsonl" "$BENCH_TMP/render-spans.jsonl"
