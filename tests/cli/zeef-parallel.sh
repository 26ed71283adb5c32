#!/usr/bin/env bash
# zeef: a chain under GNU parallel (--pipe --keep-order -j2 --block 1M), as
# pipelines/README.md's "Scaling out" shows, is byte-identical to the serial run;
# so is the line `zeef show --parallel` prints (its own, larger blocks),
# run by bash.
. "$(dirname "$0")/zeef-lib.bash"
command -v parallel >/dev/null || { echo "FAIL: GNU parallel is not installed (make test-deps)"; exit 1; }

make_input "$tmp/in" 12000   # about 4 MB: several 1 MB blocks
chain=("{run: stand-in, name: a, env: {STAND_IN_NAME: a}}" "{run: stand-in, name: b, env: {STAND_IN_NAME: b}}")
if [ -x "$BIN/split-sentences" ]; then
	chain+=("{run: split-sentences}")
	[ -x "$BIN/summarize" ] && chain+=("{run: summarize}")
fi
pipeline "$tmp/p.yaml" "${chain[@]}"
z run "$tmp/p.yaml" < "$tmp/in" > "$tmp/serial" || fail "serial run exited $?"

parallel --pipe --keep-order -j2 --block 1M zeef run "$tmp/p.yaml" < "$tmp/in" > "$tmp/par" ||
	fail "parallel run exited $?"
cmp -s "$tmp/serial" "$tmp/par" || fail "GNU parallel output differs from the serial run"
pass "zeef run under parallel --pipe --keep-order -j2 --block 1M: identical ($(wc -l < "$tmp/par") records)"

line=$(zeef show --parallel "$tmp/p.yaml")
case $line in *" parallel --plain --pipe --keep-order -j2 --block 25M "*) ;; *) fail "show --parallel: $line" ;; esac
bash -c "$line" < "$tmp/in" > "$tmp/shown" || fail "the shown parallel line exited $?"
cmp -s "$tmp/serial" "$tmp/shown" || fail "the zeef show --parallel line differs from the serial run"
# the input is one default block: --block 1M cuts it into several, whose
# outputs come back in input order
line=$(zeef show --parallel=3 --block 1M "$tmp/p.yaml")
bash -c "$line" < "$tmp/in" > "$tmp/shown" || fail "the shown parallel line (--block 1M) exited $?"
cmp -s "$tmp/serial" "$tmp/shown" || fail "the zeef show --parallel=3 --block 1M line differs from the serial run"
pass "zeef show --parallel line, run by bash: identical (one block, and blocks of 1M)"

line=$(zeef show "$tmp/p.yaml")
bash -c "$line" < "$tmp/in" > "$tmp/shown1" || fail "the shown line exited $?"
cmp -s "$tmp/serial" "$tmp/shown1" || fail "the zeef show line differs from zeef run"
pass "zeef show line, run by bash: identical"
finish
