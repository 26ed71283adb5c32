#!/usr/bin/env bash
# Golden CLI tests: tests/golden/PROGRAM/CASE/ holds
#   args            arguments, one per line (optional)
#   input.jsonl     standard input (optional; else /dev/null)
#   cmd             instead of args: a bash script run in the case folder with
#                   the programs first on PATH (for pipes, /dev/full, big input)
#   expected.jsonl  standard output, byte for byte
#   expected.err    standard error, byte for byte (optional: unchecked if absent)
#   expected.rc     exit status (optional: 0)
# Usage: run.sh BINDIR [CASE-DIR...]; prints a line per failure and a total.
# VALGRIND=1 runs every program under valgrind memcheck (not under ASan
# builds): a memory error or a definite leak fails the case (exit status 1,
# and valgrind's report is shown).
set -u
bin=$(cd "$1" && pwd); shift
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then set -- "$here"/*/*/; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
run_bin=$bin
if [ "${VALGRIND:-0}" = 1 ] && [[ $bin != */san/bin ]]; then
	command -v valgrind >/dev/null || { echo "golden: VALGRIND=1 needs valgrind"; exit 1; }
	run_bin=$tmp/valgrind; mkdir -p "$run_bin"
	for p in "$bin"/*; do
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --log-file=%s/vg.%%p "%s" "$@"\n' \
			"$tmp" "$p" > "$run_bin/$(basename "$p")"
		chmod +x "$run_bin/$(basename "$p")"
	done
fi
pass=0 fail=0
for dir in "$@"; do
	dir=${dir%/}; prog=$(basename "$(dirname "$dir")"); name=$prog/$(basename "$dir")
	[ -f "$dir/expected.jsonl" ] || [ -f "$dir/expected.rc" ] || continue
	in=/dev/null; [ -f "$dir/input.jsonl" ] && in=$dir/input.jsonl
	rm -f "$tmp"/vg.*
	if [ -f "$dir/cmd" ]; then
		(cd "$dir" && PATH="$run_bin:$PATH" LC_ALL=C bash ./cmd) <"$in" >"$tmp/out" 2>"$tmp/err"
	else
		args=(); [ -f "$dir/args" ] && mapfile -t args <"$dir/args"
		(cd "$dir" && LC_ALL=C "$run_bin/$prog" "${args[@]}") <"$in" >"$tmp/out" 2>"$tmp/err"
	fi
	rc=$?; want_rc=0; [ -f "$dir/expected.rc" ] && want_rc=$(cat "$dir/expected.rc")
	why=""
	if [ "$run_bin" != "$bin" ] && [ -n "$(cat "$tmp"/vg.* 2>/dev/null)" ]; then
		why="valgrind:"$'\n'"$(cat "$tmp"/vg.* | head -30)"
	fi
	[ -n "$why" ] || [ "$rc" = "$want_rc" ] || why="exit status $rc, expected $want_rc"
	if [ -z "$why" ] && [ -f "$dir/expected.jsonl" ] && ! cmp -s "$tmp/out" "$dir/expected.jsonl"; then
		why="stdout differs:"$'\n'"$(diff "$dir/expected.jsonl" "$tmp/out" | head -20)"
	fi
	if [ -z "$why" ] && [ -f "$dir/expected.err" ] && ! cmp -s "$tmp/err" "$dir/expected.err"; then
		why="stderr differs:"$'\n'"$(diff "$dir/expected.err" "$tmp/err" | head -20)"
	fi
	if [ -z "$why" ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL golden $name: $why"
		sed 's/^/    stderr: /' "$tmp/err" | head -5
	fi
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
