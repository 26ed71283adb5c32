#!/usr/bin/env bash
# zeef run: stderr labels, a failing stage named with its status or signal,
# SIGTERM passed on to the stages, a closed output ending the run quietly.
. "$(dirname "$0")/zeef-lib.bash"

make_input "$tmp/in" 2000
# Every stage's stderr line gets its label; workers get their number.
pipeline "$tmp/talk.yaml" \
	"{run: sh, name: talker, args: [-c, 'echo one >&2; cat; printf \"two\\\\nthree\" >&2']}" \
	"{run: sh, name: pair, workers: 2, args: [-c, 'cat; echo done >&2']}"
z run "$tmp/talk.yaml" < "$tmp/in" > "$tmp/out" 2> "$tmp/err" || fail "talkers exited $?"
awk NF "$tmp/in" | cmp -s "$tmp/out" - || fail "talkers changed the records"
[ "$(grep -c '^\[talker\] ' "$tmp/err")" -eq 3 ] || fail "talker lines: $(cat "$tmp/err")"
grep -q '^\[talker\] three$' "$tmp/err" || fail "a last line without newline is still labelled"
[ "$(grep -c '^\[pair:[12]\] done$' "$tmp/err")" -eq 2 ] || fail "worker labels: $(cat "$tmp/err")"
pass "stderr lines carry the stage's name"

# The first failing stage in chain order decides the status; a stage that
# gets SIGPIPE because a later one failed is not reported.
pipeline "$tmp/two.yaml" "{run: stand-in, name: feed}" "{run: sh, name: quitter, args: [-c, 'head -n 1; exit 65']}"
set +e
z run "$tmp/two.yaml" < "$tmp/in" > "$tmp/out" 2> "$tmp/err"; rc=$?
set -e
[ $rc -eq 65 ] || fail "status $rc, want 65"
[ "$(cat "$tmp/err")" = "zeef: stage 'quitter' (2 of 2) exited with status 65" ] || fail "report: $(cat "$tmp/err")"
pass "the failing stage is named; SIGPIPE upstream of it is not a failure"

# A stage that stops reading early on purpose (exit 0) fails nothing.
pipeline "$tmp/early.yaml" "{run: stand-in, name: feed}" "{run: head, args: [-n, '2']}"
z run "$tmp/early.yaml" < "$tmp/in" > "$tmp/out" 2> "$tmp/err" || fail "head as a stage: status $?"
[ "$(wc -l < "$tmp/out")" -eq 2 ] && [ ! -s "$tmp/err" ] || fail "head as a stage: $(cat "$tmp/err")"
pass "a stage that stops early on purpose is not a failure"

# SIGTERM: passed on to the stages, zeef exits 143 without waiting for them.
pipeline "$tmp/hang.yaml" "{run: sleep, args: ['30']}" "{run: cat}"
start=$(date +%s)
zeef run "$tmp/hang.yaml" < /dev/null > /dev/null 2> "$tmp/err" & pid=$!
# wait until zeef runs both stages (--describe runs one child at a time)
for i in $(seq 100); do
	[ "$(grep -ls "^PPid:[[:space:]]*$pid\$" /proc/[0-9]*/status | wc -l)" -ge 2 ] && break
	sleep 0.05
done
kill -TERM $pid
set +e; wait $pid; rc=$?; set -e
[ $rc -eq 143 ] || fail "SIGTERM: status $rc, want 143"
[ $(( $(date +%s) - start )) -lt 10 ] || fail "SIGTERM did not end the stages"
grep -q "interrupted by signal 15" "$tmp/err" || fail "SIGTERM message: $(cat "$tmp/err")"
pass "SIGTERM is passed on; zeef exits 143"

# A write error on zeef's own output (/dev/full) is an error, not silence.
if [ -w /dev/full ]; then
	pipeline "$tmp/one.yaml" "{run: stand-in}"
	set +e
	z run --stats "$tmp/one.yaml" < "$tmp/in" > /dev/full 2> "$tmp/err"; rc=$?
	set -e
	[ $rc -ne 0 ] && grep -q "write error" "$tmp/err" || fail "/dev/full with --stats: status $rc: $(cat "$tmp/err")"
	set +e
	z run "$tmp/one.yaml" < "$tmp/in" > /dev/full 2> "$tmp/err"; rc=$?
	set -e
	[ $rc -ne 0 ] || fail "/dev/full: status 0"
	pass "a full disk is never a success"
fi
finish
