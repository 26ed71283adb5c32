#!/usr/bin/env bash
# zeef: `workers: N` gives output byte-identical to one worker, for stand-in
# stages and (when built) the real filters, including blank lines (long
# ones too), CRLF, a missing final newline, and a stage that makes records
# 64 times larger; a line that only looks blank fails as with one copy.
. "$(dirname "$0")/zeef-lib.bash"

make_input "$tmp/in" 20000
for n in 1 2 3; do
	pipeline "$tmp/w$n.yaml" \
		"{run: stand-in, name: a, workers: $n, env: {STAND_IN_NAME: a}}" \
		"{run: stand-in, name: b, workers: $n, env: {STAND_IN_NAME: b}}"
	z run "$tmp/w$n.yaml" < "$tmp/in" > "$tmp/out$n" || fail "workers: $n exited $?"
done
STAND_IN_NAME=a stand-in < "$tmp/in" | STAND_IN_NAME=b stand-in > "$tmp/direct"
cmp -s "$tmp/out1" "$tmp/direct" || fail "workers: 1 differs from the stages run by hand"
cmp -s "$tmp/out2" "$tmp/out1" || fail "workers: 2 differs from workers: 1"
cmp -s "$tmp/out3" "$tmp/out1" || fail "workers: 3 differs from workers: 1"
[ "$(wc -l < "$tmp/out1")" -eq 20001 ] || fail "expected 20001 records, got $(wc -l < "$tmp/out1")"
pass "workers 1, 2, 3 byte-identical ($(wc -c < "$tmp/out1") bytes)"

# A stage whose records grow 64-fold, feeding another stage with workers:
# exercises the merge's buffers and back-pressure.
head -n 3000 "$tmp/in" > "$tmp/small"
for n in 1 2; do
	pipeline "$tmp/g$n.yaml" \
		"{run: awk, name: grow, workers: $n, args: ['NF { x = \$0; for (i = 0; i < 6; i++) x = x \"|\" x; print x }']}" \
		"{run: stand-in, name: count, workers: $n}" \
		"{run: awk, name: shrink, args: ['{ print length(\$0) }']}"
	z run "$tmp/g$n.yaml" < "$tmp/small" > "$tmp/grow$n" || fail "growing stage, workers: $n, exited $?"
done
cmp -s "$tmp/grow1" "$tmp/grow2" || fail "growing records: workers: 2 differs from workers: 1"
[ "$(wc -l < "$tmp/grow2")" -eq "$(awk NF "$tmp/small" | wc -l)" ] || fail "growing records: wrong count"
pass "records grown 64x through two worker stages: identical"

# The real filters, when they are built: every stage after normalize with 2 workers.
chain=()
for f in split-sentences tag-entities extract-quotes summarize; do
	[ -x "$BIN/$f" ] && chain+=("$f")
done
if [ -x "$BIN/normalize" ] && [ ${#chain[@]} -gt 0 ]; then
	normalize < "$tmp/in" > "$tmp/norm" || fail "normalize failed"
	s1=() s2=()
	for f in "${chain[@]}"; do s1+=("{run: $f}"); s2+=("{run: $f, workers: 2}"); done
	pipeline "$tmp/r1.yaml" "${s1[@]}"
	pipeline "$tmp/r2.yaml" "${s2[@]}"
	z run "$tmp/r1.yaml" < "$tmp/norm" > "$tmp/real1" || fail "filters, workers: 1, exited $?"
	z run "$tmp/r2.yaml" < "$tmp/norm" > "$tmp/real2" || fail "filters, workers: 2, exited $?"
	cmp -s "$tmp/real1" "$tmp/real2" || fail "filters: workers: 2 differs from workers: 1"
	pass "filters ${chain[*]}: workers 2 byte-identical to 1"
else
	echo "skip: the filters are not built yet"
fi

# Blank is what a filter skips: spaces and tabs, then at most one '\r'. A
# blank line of 70 spaces is dropped like a short one; a line of '\r' and
# a tab is not blank, so it fails the stage as it fails one copy (65).
if [ -x "$BIN/split-sentences" ]; then
	pipeline "$tmp/s2.yaml" "{run: split-sentences, workers: 2}"
	{ printf '%70s\n' ''; printf ' \t \r\n'; head -n 5000 "$tmp/in"; } > "$tmp/blanks"
	split-sentences < "$tmp/blanks" > "$tmp/b1" || fail "split-sentences on long blank lines: exit $?"
	set +e
	z run "$tmp/s2.yaml" < "$tmp/blanks" > "$tmp/b2" 2> "$tmp/err"; rc=$?
	set -e
	[ "$rc" -eq 0 ] && cmp -s "$tmp/b1" "$tmp/b2" ||
		fail "long blank lines with workers: exit $rc, $(wc -l < "$tmp/b2") lines: $(head -3 "$tmp/err")"
	{ head -n 3 "$tmp/in"; printf '\r\t\n'; head -n 3 "$tmp/in"; } > "$tmp/crtab"
	set +e
	split-sentences < "$tmp/crtab" > /dev/null 2>&1; rc1=$?
	z run "$tmp/s2.yaml" < "$tmp/crtab" > "$tmp/c2" 2> "$tmp/err"; rc2=$?
	set -e
	[ "$rc1" -eq 65 ] && [ "$rc2" -eq 65 ] && [ "$(wc -l < "$tmp/c2")" -eq 3 ] ||
		fail "a '\\r\\t' line: one copy exits $rc1, workers $rc2 with $(wc -l < "$tmp/c2") lines: $(head -3 "$tmp/err")"
	pass "workers drop exactly the lines a filter skips as blank"
fi
finish
