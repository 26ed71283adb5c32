#!/usr/bin/env bash
# zeef run --replace STAGE=COMMAND swaps one stage for another program.
. "$(dirname "$0")/zeef-lib.bash"

make_input "$tmp/in" 500
pipeline "$tmp/p.yaml" \
	"{run: stand-in, name: clean, env: {STAND_IN_NAME: clean}}" \
	"{run: stand-in, name: split, env: {STAND_IN_NAME: split}}" \
	"{run: stand-in, name: tag, env: {STAND_IN_NAME: tag}}"
z run "$tmp/p.yaml" < "$tmp/in" > "$tmp/before"
z run --replace 'split=sed -e "s/,\"meta\"/,\"swapped\":true&/"' "$tmp/p.yaml" < "$tmp/in" > "$tmp/after" ||
	fail "--replace exited $?"
STAND_IN_NAME=clean stand-in < "$tmp/in" | sed -e 's/,"meta"/,"swapped":true&/' |
	STAND_IN_NAME=tag stand-in > "$tmp/expected"
cmp -s "$tmp/after" "$tmp/expected" || fail "--replace split=sed … differs from the chain by hand"
cmp -s "$tmp/after" "$tmp/before" && fail "--replace changed nothing"
grep -q '"swapped":true' "$tmp/after" || fail "the replacement did not run"
pass "--replace swaps the stage, keeps the others"

# The replacement keeps the stage's name: its stderr and failures say so.
pipeline "$tmp/q.yaml" "{run: stand-in, name: first}" "{run: stand-in, name: middle}"
set +e
z run --replace middle=exit3 "$tmp/q.yaml" < "$tmp/in" > /dev/null 2> "$tmp/err"; rc=$?
set -e
[ $rc -eq 3 ] || fail "replaced stage exiting 3: status $rc"
grep -q "^\[middle\] exit3: something went wrong" "$tmp/err" || fail "stderr label: $(cat "$tmp/err")"
grep -q "^zeef: stage 'middle' (2 of 2) exited with status 3" "$tmp/err" || fail "report: $(cat "$tmp/err")"
pass "a replaced stage keeps its name in messages"

set +e
z run --replace nosuch=cat "$tmp/p.yaml" < /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 64 ] || fail "--replace of an unknown stage: status $rc"
z run --replace split= "$tmp/p.yaml" < /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 64 ] || fail "--replace with an empty command: status $rc"
z run --replace split=zeef-no-such-program "$tmp/p.yaml" < /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 65 ] && grep -q "zeef-no-such-program' not found" "$tmp/err" || fail "--replace with a missing program: status $rc"
set -e
pass "bad --replace is refused"
finish
