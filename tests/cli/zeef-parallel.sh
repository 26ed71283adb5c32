#!/usr/bin/env bash
# zeef: a chain under GNU parallel (--pipe --keep-order -j2 --block 1M), as
# pipelines/README.md's "Scaling out" shows, is byte-identical to the serial run;
# so are `zeef run --parallel` (the whole chain N times, zeef spreading the
# records) and the line `zeef show --parallel` prints, run by bash.
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
[ "$line" = "zeef run --parallel=2 $tmp/p.yaml" ] || fail "show --parallel: $line"
bash -c "$line" < "$tmp/in" > "$tmp/shown" || fail "the shown parallel line exited $?"
cmp -s "$tmp/serial" "$tmp/shown" || fail "the zeef show --parallel line differs from the serial run"
# --block: the whole chain under GNU parallel; 1M cuts the input into
# several blocks, whose outputs come back in input order
line=$(zeef show --parallel=3 --block 1M "$tmp/p.yaml")
case $line in *" parallel --plain --pipe --keep-order -j3 --block 1M "*) ;; *) fail "show --parallel --block: $line" ;; esac
bash -c "$line" < "$tmp/in" > "$tmp/shown" || fail "the shown parallel line (--block 1M) exited $?"
cmp -s "$tmp/serial" "$tmp/shown" || fail "the zeef show --parallel=3 --block 1M line differs from the serial run"
pass "zeef show --parallel line (zeef run --parallel; GNU parallel with --block), run by bash: identical"

# zeef run --parallel: the whole chain N times, records spread and merged in
# input order; with FILEs the first stage reads them and the rest is copied;
# --replace reaches the copies.
for j in 2 3; do
	z run --parallel=$j "$tmp/p.yaml" < "$tmp/in" > "$tmp/par" || fail "run --parallel=$j exited $?"
	cmp -s "$tmp/serial" "$tmp/par" || fail "run --parallel=$j differs from the serial run"
done
z run --parallel --stats --progress=never "$tmp/p.yaml" < "$tmp/in" > "$tmp/par" 2> "$tmp/err" ||
	fail "run --parallel --stats exited $?"
grep -q "a..$(tail -1 "$tmp/p.yaml" | sed 's/.*run: \([a-z-]*\).*/\1/') (x2)" "$tmp/err" ||
	fail "run --parallel --stats: no one line for the copies: $(cat "$tmp/err")"
z run "$tmp/p.yaml" "$tmp/in" > "$tmp/serial-file" 2>/dev/null || fail "serial run of a FILE exited $?"
z run --parallel "$tmp/p.yaml" "$tmp/in" > "$tmp/par" || fail "run --parallel FILE exited $?"
cmp -s "$tmp/serial-file" "$tmp/par" || fail "run --parallel FILE differs from the serial run"
z run --replace 'b=sed s/minister/MINISTER/' "$tmp/p.yaml" < "$tmp/in" > "$tmp/serial-r" || fail "serial --replace exited $?"
z run --parallel --replace 'b=sed s/minister/MINISTER/' "$tmp/p.yaml" < "$tmp/in" > "$tmp/par" || fail "run --parallel --replace exited $?"
cmp -s "$tmp/serial-r" "$tmp/par" || fail "run --parallel --replace differs from the serial run"
cmp -s "$tmp/serial" "$tmp/par" && fail "run --parallel --replace: the replaced stage did not run"
: | z run --parallel "$tmp/p.yaml" > "$tmp/par" || fail "run --parallel on no input exited $?"
[ -s "$tmp/par" ] && fail "run --parallel on no input wrote something"
rc=0; z run --parallel --on-error=skip "$tmp/p.yaml" < /dev/null 2> "$tmp/err" || rc=$?
[ $rc -eq 64 ] || fail "run --parallel --on-error=skip exited $rc, not 64"
rc=0; z run --parallel --tee "$tmp/t" "$tmp/p.yaml" < /dev/null 2> "$tmp/err" || rc=$?
[ $rc -eq 64 ] || fail "run --parallel --tee exited $rc, not 64"
pass "zeef run --parallel (2, 3 copies; a FILE; --replace; no input): identical to the serial run"

# Each copy runs on its own share of the CPUs zeef may use (its stages hand
# records on within one core's caches): with 2 or more CPUs, two copies get
# disjoint sets that together make zeef's own; a serial run is not confined.
cpus_of() { sed -n 's/.*Cpus_allowed_list:[[:space:]]*//p' "$1" | sort -u; }
expand_cpus() { tr ',' '\n' | awk -F- '{ for (c = $1; c <= ($2 == "" ? $1 : $2); c++) print c }' | sort -n; }
if [ -r /proc/self/status ] && [ "$(nproc)" -ge 2 ]; then
	pipeline "$tmp/cpus.yaml" "{run: sh, name: cpus, args: [-c, 'grep Cpus_allowed_list /proc/self/status >&2; exec cat']}" "{run: cat}"
	own=$(grep Cpus_allowed_list /proc/self/status | sed 's/.*:[[:space:]]*//' | expand_cpus | tr '\n' ' ')
	z run --parallel "$tmp/cpus.yaml" < "$tmp/in" > "$tmp/par" 2> "$tmp/err" || fail "run --parallel (CPUs) exited $?"
	grep -q '^\[cpus..cat:1\]' "$tmp/err" && grep -q '^\[cpus..cat:2\]' "$tmp/err" || fail "run --parallel: not two copies: $(cat "$tmp/err")"
	grep '^\[cpus..cat:1\]' "$tmp/err" > "$tmp/c1"; grep '^\[cpus..cat:2\]' "$tmp/err" > "$tmp/c2"
	one=$(cpus_of "$tmp/c1" | expand_cpus | tr '\n' ' '); two=$(cpus_of "$tmp/c2" | expand_cpus | tr '\n' ' ')
	both=$(printf '%s%s' "$one" "$two" | tr ' ' '\n' | sed '/^$/d' | sort -n | tr '\n' ' ')
	[ -n "$one" ] && [ -n "$two" ] || fail "run --parallel: a copy did not say its CPUs: $(cat "$tmp/err")"
	[ "$both" = "$own" ] || fail "run --parallel: copies on CPUs '$one' and '$two', zeef may use '$own'"
	z run "$tmp/cpus.yaml" < "$tmp/in" > /dev/null 2> "$tmp/err" || fail "serial run (CPUs) exited $?"
	serial=$(cpus_of "$tmp/err" | expand_cpus | tr '\n' ' ')
	[ "$serial" = "$own" ] || fail "serial run: its stage ran on CPUs '$serial', not all of '$own'"
	pass "zeef run --parallel: the copies run on disjoint shares of the CPUs ($one| $two), a serial run on all"
else
	echo "note: fewer than 2 CPUs (or no /proc): the CPU shares of --parallel are not checked"
fi

# A bad record: the records before it come out, then the message names the
# copy's own line and the input record, and zeef exits as the serial run does.
{ head -5000 "$tmp/in"; echo '{"id":"bad","text":5}'; tail -n +5001 "$tmp/in"; } > "$tmp/bad"
rc=0; z run "$tmp/p.yaml" < "$tmp/bad" > "$tmp/serial-bad" 2>/dev/null || rc=$?
prc=0; z run --parallel "$tmp/p.yaml" < "$tmp/bad" > "$tmp/par" 2> "$tmp/err" || prc=$?
[ $rc -ne 0 ] && [ $prc -eq $rc ] || fail "run --parallel on a bad record exited $prc, serial $rc"
cmp -s "$tmp/serial-bad" "$tmp/par" || fail "run --parallel on a bad record: not the serial run's records"
grep -q "is input record" "$tmp/err" || fail "run --parallel: the message does not name the input record: $(cat "$tmp/err")"
pass "zeef run --parallel on a bad record: the serial run's records and status, the record named"

line=$(zeef show "$tmp/p.yaml")
bash -c "$line" < "$tmp/in" > "$tmp/shown1" || fail "the shown line exited $?"
cmp -s "$tmp/serial" "$tmp/shown1" || fail "the zeef show line differs from zeef run"
pass "zeef show line, run by bash: identical"
finish
