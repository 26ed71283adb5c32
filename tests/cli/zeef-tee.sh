#!/usr/bin/env bash
# zeef run --tee DIR keeps each stage's output as DIR/NN-NAME.jsonl; --from
# and --to run part of the chain, so a kept file can be fed back in.
. "$(dirname "$0")/zeef-lib.bash"

make_input "$tmp/in" 3000
pipeline "$tmp/p.yaml" \
	"{run: stand-in, name: first, env: {STAND_IN_NAME: first}}" \
	"{run: stand-in, name: second, workers: 2, env: {STAND_IN_NAME: second}}" \
	"{run: stand-in, name: third, env: {STAND_IN_NAME: third}}"
STAND_IN_NAME=first stand-in < "$tmp/in" > "$tmp/1"
STAND_IN_NAME=second stand-in < "$tmp/1" > "$tmp/2"
STAND_IN_NAME=third stand-in < "$tmp/2" > "$tmp/3"

z run --tee "$tmp/kept" "$tmp/p.yaml" < "$tmp/in" > "$tmp/out" || fail "run --tee exited $?"
[ "$(ls "$tmp/kept" | tr '\n' ' ')" = "01-first.jsonl 02-second.jsonl 03-third.jsonl " ] ||
	fail "tee files: $(ls "$tmp/kept")"
cmp -s "$tmp/kept/01-first.jsonl" "$tmp/1" || fail "01-first.jsonl is not the first stage's output"
cmp -s "$tmp/kept/02-second.jsonl" "$tmp/2" || fail "02-second.jsonl is not the second stage's output"
cmp -s "$tmp/kept/03-third.jsonl" "$tmp/3" || fail "03-third.jsonl is not the third stage's output"
cmp -s "$tmp/out" "$tmp/3" || fail "stdout is not the last stage's output"
pass "--tee keeps every stage's output, stdout unchanged"

z run --from second "$tmp/p.yaml" < "$tmp/kept/01-first.jsonl" > "$tmp/from" || fail "--from exited $?"
cmp -s "$tmp/from" "$tmp/3" || fail "--from second on 01-first.jsonl differs"
z run --to 2 "$tmp/p.yaml" < "$tmp/in" > "$tmp/to" || fail "--to exited $?"
cmp -s "$tmp/to" "$tmp/2" || fail "--to 2 differs from the first two stages"
z run --from 2 --to second --tee "$tmp/part" "$tmp/p.yaml" < "$tmp/1" > "$tmp/mid" || fail "--from --to exited $?"
cmp -s "$tmp/mid" "$tmp/2" || fail "--from 2 --to second differs"
[ "$(ls "$tmp/part")" = "02-second.jsonl" ] || fail "a partial run keeps its stage numbers: $(ls "$tmp/part")"
pass "--from/--to run part of the chain; kept files feed back in"

set +e
z run --from third --to first "$tmp/p.yaml" < /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 64 ] || fail "--to before --from: status $rc"
z run --from fourth "$tmp/p.yaml" < /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 64 ] && grep -q "no such stage 'fourth'" "$tmp/err" || fail "--from unknown stage: status $rc"
touch "$tmp/not-a-dir"
z run --tee "$tmp/not-a-dir" "$tmp/p.yaml" < /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 74 ] || fail "--tee into a file: status $rc"
set -e
pass "bad --from/--to/--tee are refused"
finish
