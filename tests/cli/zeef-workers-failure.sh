#!/usr/bin/env bash
# zeef: a stage with `workers: N` that fails part-way. The output must be
# what one process gives: the records before the bad one, each a whole line,
# in order, then the failing stage's status; the message says which input
# record the worker's own "<stdin>:N" is. Also: --on-error=skip with workers
# is refused, and a stage zeef counts that drops records fails with 70.
. "$(dirname "$0")/zeef-lib.bash"

make_input "$tmp/all" 1800
awk NF "$tmp/all" | head -n 1700 > "$tmp/in"         # ~1 MB: many 64 KB chunks
good=1200
{ head -n $good "$tmp/in"; echo BAD; tail -n 20 "$tmp/in"; } > "$tmp/bad"
head -n $good "$tmp/in" > "$tmp/want"

# picky: a filter-like stage that stops at BAD with 65 after naming its line;
# halfway: the same, but it dies in the middle of writing a record.
picky='/^BAD/ { printf "<stdin>:%d: not a record\n", NR > "/dev/stderr"; exit 65 } { print }'
halfway='/^BAD/ { printf "{\"id\":\"cut"; exit 65 } { print }'
pipeline "$tmp/p2.yaml" "{run: awk, name: picky, workers: 2, args: ['$picky']}"
pipeline "$tmp/p2c.yaml" "{run: awk, name: picky, workers: 2, args: ['$picky']}" "{run: cat}"
pipeline "$tmp/p3c.yaml" "{run: awk, name: picky, workers: 3, args: ['$picky']}" "{run: awk, name: next, workers: 2, args: ['{ print }']}"
pipeline "$tmp/h2c.yaml" "{run: awk, name: picky, workers: 2, args: ['$halfway']}" "{run: cat}"
for y in p2 p2c p3c h2c; do
	for i in 1 2 3 4; do
		rc=0; z run "$tmp/$y.yaml" < "$tmp/bad" > "$tmp/out" 2> "$tmp/err" || rc=$?
		[ "$rc" -eq 65 ] || fail "$y run $i: status $rc, not 65: $(tail -2 "$tmp/err")"
		cmp -s "$tmp/out" "$tmp/want" ||
			fail "$y run $i: not the $good records before the bad one: $(wc -l < "$tmp/out") lines, last: $(tail -c 40 "$tmp/out" | od -c | tail -2 | head -1)"
		grep -q "zeef: stage 'picky' (1 of [12]) worker [0-9] of [23] exited with status 65" "$tmp/err" ||
			fail "$y run $i: the failing stage is not named: $(cat "$tmp/err")"
		case $y in h*) continue ;; esac
		grep -q "^\[picky:[0-9]\] <stdin>:[0-9]*: not a record" "$tmp/err" &&
		grep -q "^zeef: stage 'picky' worker [0-9]: its <stdin>:[0-9]* is input record $((good + 1))\$" "$tmp/err" ||
			fail "$y run $i: no input record $((good + 1)) for the worker's line: $(cat "$tmp/err")"
	done
done
pass "a failing worker: exactly the $good records before the bad one, whole lines, status 65, record named"

# The bad record in the first chunk, and as the very first record.
for k in 3 0; do
	{ head -n $k "$tmp/in"; echo BAD; tail -n 5 "$tmp/in"; } > "$tmp/bad$k"
	rc=0; z run "$tmp/p2c.yaml" < "$tmp/bad$k" > "$tmp/out" 2> "$tmp/err" || rc=$?
	[ "$rc" -eq 65 ] && head -n $k "$tmp/in" | cmp -s - "$tmp/out" ||
		fail "bad record after $k: status $rc, $(wc -l < "$tmp/out") lines"
	grep -q "is input record $((k + 1))\$" "$tmp/err" || fail "bad record after $k: $(cat "$tmp/err")"
done
pass "a bad first record, and one in the first chunk"

# A worker that exits 0 but drops records: 70, and still only whole lines.
pipeline "$tmp/drop.yaml" "{run: drop-odd, workers: 2}" "{run: cat}"
rc=0; z run "$tmp/drop.yaml" < "$tmp/in" > "$tmp/out" 2> "$tmp/err" || rc=$?
[ "$rc" -eq 70 ] && grep -q "stage 'drop-odd' (1 of 2): worker [12] of 2 wrote fewer records" "$tmp/err" ||
	fail "a worker dropping records: status $rc, $(cat "$tmp/err")"
[ ! -s "$tmp/out" ] || [ "$(tail -c 1 "$tmp/out" | od -An -c | tr -d ' ')" = '\n' ] || fail "a worker dropping records: a cut-off last line"
pass "a worker that drops records: 70, no cut-off line"

# --on-error=skip would let a worker drop records: refused before anything runs.
pipeline "$tmp/skip.yaml" "{run: stand-in}" "{run: stand-in, name: par, workers: 2}"
rc=0; z run --on-error=skip "$tmp/skip.yaml" < "$tmp/in" > "$tmp/out" 2> "$tmp/err" || rc=$?
[ "$rc" -eq 64 ] && [ ! -s "$tmp/out" ] && grep -q "^zeef: --on-error=skip cannot be used with workers: (stage 'par'" "$tmp/err" ||
	fail "--on-error=skip with workers: status $rc, $(cat "$tmp/err")"
rc=0; z run --on-error=pass "$tmp/skip.yaml" < "$tmp/in" > "$tmp/out" 2> "$tmp/err" || rc=$?
[ "$rc" -eq 0 ] || fail "--on-error=pass with workers: status $rc, $(cat "$tmp/err")"
pass "--on-error=skip with workers is refused with 64; pass runs"

# Without workers: a stage zeef counts (--stats, --tee) must write as many
# records as it read; one that drops some, or exits 0 unread, fails with 70.
pipeline "$tmp/odd.yaml" "{run: stand-in}" "{run: drop-odd}" "{run: stand-in, name: after}"
pipeline "$tmp/quit.yaml" "{run: stand-in}" "{run: sh, name: quits, args: [-c, 'exit 0']}" "{run: stand-in, name: after}"
for opt in --stats "--tee=$tmp/tee"; do
	rc=0; z run $opt "$tmp/odd.yaml" < "$tmp/in" > /dev/null 2> "$tmp/err" || rc=$?
	[ "$rc" -eq 70 ] && grep -q "^zeef: stage 'drop-odd' (2 of 3) read 1700 records and wrote 850;" "$tmp/err" ||
		fail "$opt, a stage dropping records: status $rc, $(grep -v '^[0-9#]' "$tmp/err")"
	rc=0; z run $opt "$tmp/quit.yaml" < "$tmp/in" > /dev/null 2> "$tmp/err" || rc=$?
	[ "$rc" -eq 70 ] && grep -q "^zeef: stage 'quits' (2 of 3) read [1-9][0-9]* records and wrote 0;" "$tmp/err" ||
		fail "$opt, a stage exiting 0 unread: status $rc, $(grep -v '^[0-9#]' "$tmp/err")"
	rc=0; z run $opt "$tmp/skip.yaml" < "$tmp/all" > /dev/null 2> "$tmp/err" || rc=$?
	[ "$rc" -eq 0 ] || fail "$opt, blank lines in, none out, is not a loss: status $rc, $(grep -v '^[0-9#]' "$tmp/err")"
done
pass "--stats and --tee: a stage that loses records fails with 70, named"
finish
