#!/usr/bin/env bash
# zeef-signals.sh — zeef run under signals and hanging stages:
#   - SIGTERM / SIGINT to zeef: passed on to every stage, all of them reaped,
#     "interrupted by signal" on stderr, exit 143 / 130; a second SIGTERM
#     ends a stage that ignores the first
#   - a stage killed with SIGKILL mid-stream: reported by its name, exit 137
#   - a stage that hangs, with `timeout: 1`: ended (SIGKILL 2 s after SIGTERM
#     when it ignores SIGTERM), "timed out", exit 124; one that reads the
#     terminal is not stopped for it
# Each case's stage sleeps for a number of seconds no other process uses, so
# that the test finds its process and can tell that none is left behind.
set -u
export LC_ALL=C
tmp=$(mktemp -d)
base=$((100000 + $$ * 10))
# end_ours: kill (by pid) whatever sleep of ours is still there
end_ours() {
	local pids
	pids=$(pgrep -f "^sleep $base" 2>/dev/null) || return 0
	kill -KILL $pids 2>/dev/null
}
cleanup() { end_ours; rm -rf "$tmp"; }
trap cleanup EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
printf '{"id":"a","text":"De minister zei dinsdag dat het plan later komt."}\n' > "$tmp/in.jsonl"

# A pipeline: normalize, then a stage NAME running `sh -c SCRIPT MARKER`.
pipeline() { # FILE NAME SCRIPT [EXTRA-YAML-LINE]
	cat > "$1" <<EOF
zeef: 1
stages:
  - run: normalize
  - run: sh
    name: $2
    args: ["-c", "$3"]
${4:-}
EOF
}
# wait_for PATTERN: until a process matching PATTERN runs (5 s at most)
wait_for() {
	for _ in $(seq 50); do pgrep -f "$1" >/dev/null && return 0; sleep 0.1; done
	return 1
}
left_behind() { pgrep -f "^sleep $base" >/dev/null; }

for sig in TERM INT; do
	want=$([ $sig = TERM ] && echo 143 || echo 130)
	pipeline "$tmp/p.yaml" langzaam "cat; exec sleep ${base}1"
	"$BIN/zeef" run "$tmp/p.yaml" < "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err" &
	zpid=$!
	wait_for "^sleep ${base}1" || fail "SIG$sig: the stage did not start"
	kill -s $sig "$zpid"
	wait "$zpid"; rc=$?
	if [ "$rc" -ne "$want" ]; then
		fail "SIG$sig: exit $rc, expected $want: $(cat "$tmp/err")"
	elif ! grep -q "zeef: interrupted by signal" "$tmp/err"; then
		fail "SIG$sig: no 'interrupted' message: $(cat "$tmp/err")"
	elif left_behind; then
		fail "SIG$sig: a stage is still running after zeef exited"
	else
		echo "ok: SIG$sig forwarded, stages reaped, exit $rc"
	fi
	end_ours
done

# A stage that ignores SIGTERM: a second SIGTERM to zeef ends it (SIGKILL).
pipeline "$tmp/p.yaml" taai "trap '' TERM; cat; sleep ${base}5; sleep ${base}5"
"$BIN/zeef" run "$tmp/p.yaml" < "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err" &
zpid=$!
wait_for "^sleep ${base}5" || fail "second SIGTERM: the stage did not start"
kill -TERM "$zpid"
sleep 0.5
kill -0 "$zpid" 2>/dev/null || fail "second SIGTERM: zeef ended before its stage did"
kill -TERM "$zpid" 2>/dev/null
for _ in $(seq 50); do kill -0 "$zpid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$zpid" 2>/dev/null; then
	fail "a second SIGTERM did not end a stage that ignores SIGTERM"
	kill -KILL "$zpid"
fi
wait "$zpid"; rc=$?
if [ "$rc" -ne 143 ] || ! grep -q "interrupted by signal 15" "$tmp/err"; then
	fail "second SIGTERM: exit $rc: $(cat "$tmp/err")"
else
	echo "ok: a second SIGTERM ends a stage that ignores the first, exit 143"
fi
end_ours

# SIGKILL to a stage mid-stream: zeef names it.
pipeline "$tmp/p.yaml" langzaam "cat; exec sleep ${base}2"
"$BIN/zeef" run "$tmp/p.yaml" < "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err" &
zpid=$!
wait_for "^sleep ${base}2" || fail "SIGKILL: the stage did not start"
kill -KILL $(pgrep -f "^sleep ${base}2")
wait "$zpid"; rc=$?
if [ "$rc" -ne 137 ] || ! grep -q "stage 'langzaam' (2 of 2) was killed by signal 9" "$tmp/err"; then
	fail "a stage killed by SIGKILL: exit $rc: $(cat "$tmp/err")"
else
	echo "ok: a stage killed by SIGKILL is reported by name, exit 137"
fi

# timeout: a hanging stage, one that even ignores SIGTERM.
for script in "cat; exec sleep ${base}3" "trap '' TERM; cat; sleep ${base}4; sleep ${base}4"; do
	pipeline "$tmp/p.yaml" hangt "$script" '    timeout: 1'
	start=$(date +%s)
	timeout 30 "$BIN/zeef" run "$tmp/p.yaml" < "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err"; rc=$?
	took=$(( $(date +%s) - start ))
	if [ "$rc" -ne 124 ] || ! grep -q "stage 'hangt' (2 of 2) timed out after 1 s" "$tmp/err" || [ "$took" -gt 10 ]; then
		fail "timeout: 1 on '$script': exit $rc after $took s: $(cat "$tmp/err")"
	elif left_behind; then
		fail "timeout: 1 on '$script': the stage is still running"
	else
		echo "ok: timeout: 1 ends '$script' in $took s, exit 124"
	fi
	end_ours
done

# A first stage with a time limit that reads the terminal (typed records,
# ended by ^D) is not stopped as a background process group (SIGTTIN), which
# would end in "timed out". script(1) gives zeef a terminal.
if command -v script > /dev/null && [ -x "$BIN/split-sentences" ]; then
	printf 'zeef: 1\nstages:\n  - run: split-sentences\n    timeout: 5\n' > "$tmp/tty.yaml"
	printf '{"id":"a","text":"Zin een. Zin twee."}\n\004' |
		timeout 20 script -qec "'$BIN/zeef' run '$tmp/tty.yaml'" /dev/null > "$tmp/out" 2>&1; rc=$?
	if [ "$rc" -ne 0 ] || ! grep -q '"text":"Zin twee."' "$tmp/out"; then
		fail "a timed stage reading the terminal: exit $rc: $(tail -c 300 "$tmp/out")"
	else
		echo "ok: a stage with timeout: reads the terminal"
	fi
fi
[ "$fails" -eq 0 ]
