#!/usr/bin/env bash
# The whole suite, as `make check` runs it: unit tests (Check), golden CLI
# tests, the conformance kit on every filter, and the shell tests in
# tests/cli/*.sh. Ends with one line "N passed, N failed" over all parts.
# Usage: run-all.sh [--only unit|golden|conformance|cli] BINDIR UNITDIR
set -u
only=""
if [ "${1:-}" = --only ]; then only=$2; shift 2; fi
bin=$1 unitdir=$2
here=$(cd "$(dirname "$0")" && pwd)
total_pass=0 total_fail=0 total_skip=0

tally() { # PART OUTPUT-FILE: add the part's "N passed, N failed" line
	local line p f
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$2" | tail -1)
	p=$(echo "$line" | sed -E 's/^(.*[^0-9])?([0-9]+) passed.*/\2/')
	f=$(echo "$line" | sed -E 's/^.*[^0-9]([0-9]+) failed.*/\1/')
	[ -n "$line" ] || { p=0; f=1; echo "$1: no result line"; }
	total_pass=$((total_pass + p)) total_fail=$((total_fail + f))
}
want() { [ -z "$only" ] || [ "$only" = "$1" ]; }
out=$(mktemp); trap 'rm -f "$out"' EXIT

if want unit; then
	p=0 f=0
	for t in "$unitdir"/test_*; do
		[ -x "$t" ] || continue
		if "$t" >"$out" 2>&1; then p=$((p + 1)); grep -E '^[0-9]+%: Checks' "$out" | sed "s|^|unit $(basename "$t"): |"
		else f=$((f + 1)); echo "FAIL unit $(basename "$t")"; cat "$out"; fi
	done
	echo "unit: $p passed, $f failed" | tee "$out"; tally unit "$out"
fi
if want golden; then
	bash "$here/golden/run.sh" "$bin" | tee "$out"; tally golden "$out"
fi
if want conformance; then
	p=0 f=0
	for prog in "$bin"/*; do
		name=$(basename "$prog")
		[ -x "$prog" ] && [ "$name" != zeef ] || continue
		if bash "$here/conformance/check-stage" "$prog" >"$out" 2>&1; then p=$((p + 1))
		else f=$((f + 1)); echo "FAIL conformance $name"; grep -v '^ok' "$out"; fi
	done
	echo "conformance: $p passed, $f failed" | tee "$out"; tally conformance "$out"
fi
if want cli; then
	p=0 f=0 s=0
	for t in "$here"/cli/*.sh; do
		[ -f "$t" ] || continue
		BIN=$(cd "$bin" && pwd) bash "$t" >"$out" 2>&1; rc=$?
		if [ "$rc" -eq 0 ]; then p=$((p + 1))
		elif [ "$rc" -eq 77 ]; then s=$((s + 1)); echo "SKIP cli $(basename "$t"): $(tail -1 "$out")"
		else f=$((f + 1)); echo "FAIL cli $(basename "$t")"; tail -20 "$out"; fi
	done
	total_skip=$((total_skip + s))
	echo "cli: $p passed, $f failed, $s skipped" | tee "$out"; tally cli "$out"
fi
# Exit 77 from a tests/cli script means "cannot run here" (a missing browser):
# counted as skipped, never as passed.
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
