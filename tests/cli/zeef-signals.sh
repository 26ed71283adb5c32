#!/usr/bin/env bash
# zeef-signals.sh — zeef run under signals and hanging stages:
#   - SIGTERM / SIGINT to zeef: passed on to every stage, all of them reaped,
#     "interrupted by signal" on stderr, exit 143 / 130; a second SIGTERM
#     ends a stage that ignores the first
#   - a stage killed with SIGKILL mid-stream: reported by its name, exit 137
#   - SIGTERM / SIGINT end what a stage started too (each stage leads its
#     own process group); a child that ignores SIGTERM gets SIGKILL 2 s later
#   - zeef killed by SIGKILL: its stages and their children end all the same
#   - ^Z (SIGTSTP) stops the stages with zeef, SIGCONT goes on
#   - a stage that hangs, with `timeout: 1`: ended (SIGKILL 2 s after SIGTERM
#     when it ignores SIGTERM), "timed out", exit 124; a stage that reads the
#     terminal, with or without a time limit, is not stopped for it
# Each case's stage sleeps for a number of seconds no other process uses, so
# that the test finds its process and can tell that none is left behind.
set -u
export LC_ALL=C
tmp=$(mktemp -d)
base=$((100000 + $$ * 10))
# end_ours: kill (by pid) whatever sleep of ours is still there
end_ours() {
	local pids
	pids=$(pgrep -f "(^|/)sleep $base" 2>/dev/null) || return 0
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
left_behind() { pgrep -f "(^|/)sleep $base" >/dev/null; }
# wait_zeef PID: its exit status; after 15 s without one, SIGKILL and 254
wait_zeef() {
	for _ in $(seq 150); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
	if kill -0 "$1" 2>/dev/null; then
		kill -KILL "$1"
		{ wait "$1"; } 2>/dev/null
		return 254
	fi
	wait "$1"
}

# SIGTERM / SIGINT to zeef, with a stage that is the sleep itself (exec) and
# with one that waits for a sleep it started (no timeout:): passed on to each
# stage's process group, so that the child ends too.
for script in "cat; exec sleep ${base}1" "cat; sleep ${base}1; true"; do
	for sig in TERM INT; do
		want=$([ $sig = TERM ] && echo 143 || echo 130)
		pipeline "$tmp/p.yaml" langzaam "$script"
		"$BIN/zeef" run "$tmp/p.yaml" < "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err" &
		zpid=$!
		wait_for "(^|/)sleep ${base}1" || fail "SIG$sig, '$script': the stage did not start"
		kill -s $sig "$zpid"
		wait_zeef "$zpid"; rc=$?
		if [ "$rc" -ne "$want" ]; then
			fail "SIG$sig, '$script': exit $rc, expected $want: $(cat "$tmp/err")"
		elif ! grep -q "zeef: interrupted by signal" "$tmp/err"; then
			fail "SIG$sig, '$script': no 'interrupted' message: $(cat "$tmp/err")"
		elif left_behind; then
			fail "SIG$sig, '$script': a stage or its child is still running after zeef exited"
		else
			echo "ok: SIG$sig forwarded to '$script', all of it ended, exit $rc"
		fi
		end_ours
	done
done

# A stage that ignores SIGTERM: a second SIGTERM to zeef ends it (SIGKILL).
pipeline "$tmp/p.yaml" taai "trap '' TERM; cat; sleep ${base}5; sleep ${base}5"
"$BIN/zeef" run "$tmp/p.yaml" < "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err" &
zpid=$!
wait_for "(^|/)sleep ${base}5" || fail "second SIGTERM: the stage did not start"
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
wait_for "(^|/)sleep ${base}2" || fail "SIGKILL: the stage did not start"
kill -KILL $(pgrep -f "(^|/)sleep ${base}2")
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

# A child that ignores SIGTERM, of a stage that does not: zeef ends it with
# SIGKILL 2 s after passing SIGTERM on, before it exits.
pipeline "$tmp/p.yaml" ouder "cat; (trap '' TERM; exec sleep ${base}7); true"
"$BIN/zeef" run "$tmp/p.yaml" < "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err" &
zpid=$!
wait_for "(^|/)sleep ${base}7" || fail "stubborn child: the stage did not start"
start=$(date +%s)
kill -TERM "$zpid"
wait_zeef "$zpid"; rc=$?
took=$(( $(date +%s) - start ))
if [ "$rc" -ne 143 ] || [ "$took" -gt 8 ]; then
	fail "stubborn child: exit $rc after $took s: $(cat "$tmp/err")"
elif left_behind; then
	fail "a child that ignores SIGTERM is still running after zeef exited"
else
	echo "ok: a stage's child that ignores SIGTERM is killed before zeef exits ($took s), exit 143"
fi
end_ours

# Each stage (each worker) leads a process group of its own, not zeef's.
cat > "$tmp/g.yaml" <<'EOF'
zeef: 1
stages:
  - {run: sh, name: a, args: [-c, 'cat; ps -o pid=,pgid= -p $$ >&2']}
  - {run: sh, name: b, workers: 2, args: [-c, 'cat; ps -o pid=,pgid= -p $$ >&2']}
EOF
"$BIN/zeef" run "$tmp/g.yaml" < "$tmp/in.jsonl" > /dev/null 2> "$tmp/err"
zgroup=$(ps -o pgid= -p $$ | tr -d ' ')
groups=$(sed -n 's/^\[[a-z:0-9]*\] *\([0-9]*\) *\([0-9]*\)$/\1 \2/p' "$tmp/err")
if [ "$(echo "$groups" | wc -l)" -ne 3 ]; then
	fail "process groups: $(cat "$tmp/err")"
elif echo "$groups" | awk -v z="$zgroup" '$1 != $2 || $2 == z { bad = 1 } END { exit !bad }'; then
	fail "a stage does not lead its own process group: $groups (zeef's: $zgroup)"
else
	echo "ok: every stage and worker leads its own process group"
fi

# zeef killed with SIGKILL (no chance to pass anything on): the stages and
# what they started end (the kernel's PDEATHSIG, the watchdog), they are not
# left running. Stage 2 runs a child; stage 3 is itself a sleeping program.
cat > "$tmp/k.yaml" <<EOF
zeef: 1
stages:
  - run: normalize
  - run: sh
    name: ouder
    args: ["-c", "cat; sleep ${base}8; true"]
  - run: sleep
    args: ["${base}9"]
EOF
"$BIN/zeef" run "$tmp/k.yaml" < "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err" &
zpid=$!
{ wait_for "(^|/)sleep ${base}8" && wait_for "(^|/)sleep ${base}9"; } || fail "SIGKILL to zeef: the stages did not start"
kill -KILL "$zpid"
{ wait "$zpid"; } 2>/dev/null
gone=0
for _ in $(seq 50); do left_behind || { gone=1; break; }; sleep 0.1; done
if [ $gone -eq 0 ]; then
	fail "zeef killed by SIGKILL left its stages running: $(pgrep -af "(^|/)sleep $base")"
else
	echo "ok: zeef killed by SIGKILL: its stages and their children end"
fi
end_ours

# ^Z (SIGTSTP to zeef) stops the stages too; SIGCONT goes on with them, and
# the run ends as it would have.
printf 'zeef: 1\nstages:\n  - run: normalize\n  - run: sh\n    name: pauze\n    args: ["-c", "cat; sleep 2.%s"]\n' "$base" > "$tmp/z.yaml"
"$BIN/zeef" run "$tmp/z.yaml" < "$tmp/in.jsonl" > "$tmp/out" 2> "$tmp/err" &
zpid=$!
wait_for "(^|/)sleep 2\\.$base" || fail "^Z: the stage did not start"
kill -TSTP "$zpid"
sleep 0.5
zstate=$(ps -o stat= -p "$zpid" | cut -c1)
stopped=$(ps -o stat= --ppid "$zpid" | grep -c '^T')
kill -CONT "$zpid"
wait_zeef "$zpid"; rc=$?
if [ "$zstate" = T ] && [ "$stopped" -lt 1 ]; then
	fail "^Z: zeef stopped but its stages did not"
elif [ "$rc" -ne 0 ] || ! grep -q '"id":"a"' "$tmp/out"; then
	fail "^Z then SIGCONT: exit $rc: $(cat "$tmp/err")"
else
	echo "ok: ^Z stops zeef and its stages ($zstate, $stopped stopped), SIGCONT goes on (exit 0)"
fi

# A first stage that reads the terminal (typed records, ended by ^D), with or
# without a time limit, is not stopped as a background process group
# (SIGTTIN), which with `timeout:` would end in "timed out": zeef reads the
# terminal for it. script(1) gives zeef a terminal.
if command -v script > /dev/null && [ -x "$BIN/split-sentences" ]; then
	for limit in "" "    timeout: 5"; do
		printf 'zeef: 1\nstages:\n  - run: split-sentences\n%s\n' "$limit" > "$tmp/tty.yaml"
		printf '{"id":"a","text":"Zin een. Zin twee."}\n\004' |
			timeout 20 script -qec "'$BIN/zeef' run '$tmp/tty.yaml'" /dev/null > "$tmp/out" 2>&1; rc=$?
		if [ "$rc" -ne 0 ] || ! grep -q '"text":"Zin twee."' "$tmp/out"; then
			fail "a stage ${limit:+with timeout: }reading the terminal: exit $rc: $(tail -c 300 "$tmp/out")"
		else
			echo "ok: a stage ${limit:+with timeout: }reads the terminal through zeef"
		fi
	done
	# With FILEs the terminal is not read (the first stage gets /dev/null):
	# the run ends without a ^D, and nothing typed is taken from the shell.
	printf 'Zin een. Zin twee.\n' > "$tmp/a.txt"
	printf 'zeef: 1\nstages:\n  - run: normalize\n  - run: split-sentences\n' > "$tmp/files.yaml"
	# (script's input stays open, and empty, while it runs: a sleep that
	# the test does not wait for, ended by end_ours)
	timeout 20 script -qec "'$BIN/zeef' run '$tmp/files.yaml' '$tmp/a.txt'" /dev/null \
		< <(exec sleep "${base}0") > "$tmp/out" 2>&1; rc=$?
	end_ours
	if [ "$rc" -ne 0 ] || ! grep -q '"text":"Zin twee."' "$tmp/out"; then
		fail "FILEs with a terminal on stdin: exit $rc: $(tail -c 300 "$tmp/out")"
	else
		echo "ok: with FILEs, zeef does not wait for the terminal"
	fi
fi
[ "$fails" -eq 0 ]
