#!/usr/bin/env bash
# The test suite, as `make check` and `make check-full` run it: unit tests
# (Check), golden CLI tests (a job per program), the conformance kit (a job
# per filter) and the shell tests tests/cli/*.sh (a job each), JOBS at a
# time (default: the number of cores). A line per finished job, a line
# "still running ..." when nothing else was said for 20 seconds, and at the
# end one line "N passed, N failed, N skipped" over all parts.
#
# A tests/cli script with a line "# suite: full" is heavy (minutes of CPU,
# or sanitizer-only value): it runs only with --full, which `make
# check-full` and `make test-full` pass. Exit 77 from a tests/cli script
# means "cannot run here" (a missing browser): counted as skipped, never as
# passed.
#
# ZEEF_TEST_LOGS=DIR keeps every job's whole output there, as LABEL.log.
#
# Usage: run-all.sh [--full] [--jobs N] [--only unit|golden|conformance|cli|full]
#                   BINDIR UNITDIR        (--only full: just the heavy scripts)
set -u
full=0 only="" jobs=${ZEEF_TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
while :; do
	case ${1:-} in
	--full) full=1; shift ;;
	--jobs) jobs=$2; shift 2 ;;
	--only) only=$2; shift 2 ;;
	*) break ;;
	esac
done
[ -z "${ZEEF_TEST_LOGS:-}" ] || mkdir -p "$ZEEF_TEST_LOGS" || exit 1
[ $# -eq 2 ] || { echo "usage: run-all.sh [--full] [--jobs N] [--only PART] BINDIR UNITDIR" >&2; exit 64; }
bin=$(cd "$1" && pwd) unitdir=$2
[ -d "$unitdir" ] && unitdir=$(cd "$unitdir" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
# Each job runs in a process group of its own (set -m, below), so that a run
# that ends early (Ctrl-C, a closed output) ends the jobs still running.
declare -A pid_of=() began=()
trap 'disown -a 2>/dev/null; for p in "${pid_of[@]}"; do kill -- "-$p" 2>/dev/null; done; [ -z "${ticker:-}" ] || { disown "$ticker"; kill "$ticker"; } 2>/dev/null; rm -rf "$tmp"' EXIT
want() { [ -z "$only" ] || [ "$only" = "$1" ] || { [ "$only" = full ] && [ "$1" = cli ]; }; }

# --- the jobs: a label and a command each -----------------------------------
labels=() cmds=()
add() { labels+=("$1"); cmds+=("$2"); }
unit_job() {
	# Check ends a test after 4 s (or its own timeout); on a loaded machine,
	# under ASan, with another job beside it, that is too tight: allow 4 times.
	export CK_TIMEOUT_MULTIPLIER=${CK_TIMEOUT_MULTIPLIER:-4}
	local t p=0 f=0
	for t in "$unitdir"/test_*; do
		[ -x "$t" ] || continue
		if "$t" >"$tmp/unit.log" 2>&1; then p=$((p + 1))
		else f=$((f + 1)); echo "FAIL unit $(basename "$t")"; cat "$tmp/unit.log"; fi
	done
	echo "unit: $p passed, $f failed"
}
conformance_job() {
	bash "$here/conformance/check-stage" "$1" >"$tmp/conf-$2.log" 2>&1 &&
		echo "conformance: 1 passed, 0 failed" ||
		{ grep -v '^ok' "$tmp/conf-$2.log"; echo "conformance: 0 passed, 1 failed"; }
}
if want golden; then
	for d in "$here"/golden/*/; do
		ls -d "$d"*/ >/dev/null 2>&1 || continue
		add "golden $(basename "$d")" "bash $(printf %q "$here/golden/run.sh") $(printf %q "$bin") $(printf %q "$d")*/"
	done
fi
if want cli; then
	for t in "$here"/cli/*.sh; do
		[ -f "$t" ] || continue
		heavy=0; grep -q '^# suite: full$' "$t" && heavy=1
		[ $heavy -eq 1 ] && [ $full -eq 0 ] && continue
		[ $heavy -eq 0 ] && [ "$only" = full ] && continue
		add "cli $(basename "$t")" "BIN=$(printf %q "$bin") bash $(printf %q "$t")"
	done
fi
if want conformance; then
	for prog in "$bin"/*; do
		name=$(basename "$prog")
		[ -x "$prog" ] && [ "$name" != zeef ] || continue
		add "conformance $name" "conformance_job $(printf %q "$prog") $name"
	done
fi
want unit && add "unit" "unit_job"

# Longest first, so that the last minutes are not one long job on one core:
# by the wall-clock seconds each job took last time (kept in UNITDIR/../
# test-times), else heavy scripts first, then in the order above (golden
# first: its normalize and zeef parts are among the longest).
times=$(dirname "$unitdir")/test-times
order=$(for i in "${!labels[@]}"; do
	l=${labels[$i]} w=""
	[ -f "$times" ] && w=$(awk -v l="$l" -F '\t' '$1 == l { print $2 }' "$times")
	if [ -z "$w" ]; then
		w=1000; [[ $l == cli* ]] && grep -q '^# suite: full$' "$here/cli/${l#cli }" && w=100000
	fi
	printf '%s\t%s\n' "$w" "$i"
done | sort -s -t "$(printf '\t')" -k1,1nr | cut -f2)
sorted_labels=() sorted_cmds=()
for i in $order; do sorted_labels+=("${labels[$i]}"); sorted_cmds+=("${cmds[$i]}"); done
labels=("${sorted_labels[@]}") cmds=("${sorted_cmds[@]}")

# --- run them, JOBS at a time ----------------------------------------------
# `wait -n` sleeps until a job or the ticker (a `sleep 10`) ends: no polling.
# Silence of 20 s or more is broken at the next tick: no gap reaches 30 s.
total_pass=0 total_fail=0 total_skip=0 total_cpu=0
last_said=$SECONDS ticker=""
next=0 running=0 n=${#labels[@]}
say() { echo "$*"; last_said=$SECONDS; }
finish() { # JOB-INDEX: report it and add its counts
	local i=$1 label=${labels[$1]} out=$tmp/$1.out rc secs cpu line p f
	rc=$(<"$tmp/$i.rc") secs=$((SECONDS - began[$i]))
	printf '%s\t%s\n' "$label" "$secs" >>"$tmp/times"
	[ -z "${ZEEF_TEST_LOGS:-}" ] || cp "$out" "$ZEEF_TEST_LOGS/${label// /-}.log"
	read -r cpu_user cpu_sys <"$tmp/$i.cpu" 2>/dev/null
	cpu=$(awk -v u="${cpu_user:-0}" -v s="${cpu_sys:-0}" 'BEGIN { printf "%.1f", u + s }')
	total_cpu=$(awk -v a="$total_cpu" -v b="$cpu" 'BEGIN { printf "%.1f", a + b }')
	secs="$secs s, $cpu s CPU"
	if [[ $label == cli* ]]; then
		if [ "$rc" -eq 0 ]; then total_pass=$((total_pass + 1)); say "ok    $label (${secs})"
		elif [ "$rc" -eq 77 ]; then total_skip=$((total_skip + 1)); say "SKIP  $label: $(tail -1 "$out")"
		else total_fail=$((total_fail + 1)); say "FAIL  $label (exit $rc, ${secs}):"; tail -20 "$out" | sed 's/^/      /'; fi
		return
	fi
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$out" | tail -1)
	if [ -z "$line" ]; then
		total_fail=$((total_fail + 1)); say "FAIL  $label: no result line (exit $rc):"
		tail -20 "$out" | sed 's/^/      /'; return
	fi
	[[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]
	p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]}
	total_pass=$((total_pass + p)) total_fail=$((total_fail + f))
	if [ "$f" -eq 0 ] && [ "$rc" -eq 0 ]; then say "ok    $label: $p passed (${secs})"
	else
		[ "$f" -gt 0 ] || { f=1; total_fail=$((total_fail + 1)); }
		say "FAIL  $label: $p passed, $f failed (${secs}):"
		grep -v -E '[0-9]+ passed, [0-9]+ failed' "$out" | head -40 | sed 's/^/      /'
	fi
}
export -f unit_job conformance_job
set -m
export here tmp unitdir
while [ $next -lt "$n" ] || [ $running -gt 0 ]; do
	while [ $running -lt "$jobs" ] && [ $next -lt "$n" ]; do
		i=$next; next=$((next + 1))
		began[$i]=$SECONDS
		( TIMEFORMAT='%U %S'
		  { time bash -c "${cmds[$i]}" >"$tmp/$i.out" 2>&1 </dev/null; } 2>"$tmp/$i.cpu"
		  echo $? >"$tmp/$i.rc.tmp"; mv "$tmp/$i.rc.tmp" "$tmp/$i.rc" ) &
		pid_of[$i]=$!
		running=$((running + 1))
	done
	[ -n "$ticker" ] || { sleep 10 & ticker=$!; }
	wait -n 2>/dev/null
	for i in "${!pid_of[@]}"; do
		[ -f "$tmp/$i.rc" ] || continue
		wait "${pid_of[$i]}" 2>/dev/null
		unset "pid_of[$i]"; running=$((running - 1))
		finish "$i"
	done
	if ! kill -0 "$ticker" 2>/dev/null; then
		wait "$ticker" 2>/dev/null; ticker=""
		if [ $((SECONDS - last_said)) -ge 20 ] && [ $running -gt 0 ]; then
			list=""
			for i in "${!pid_of[@]}"; do list="$list, ${labels[$i]} ($((SECONDS - began[$i])) s)"; done
			say "...   still running: ${list#, }"
		fi
	fi
done
[ -z "$ticker" ] || { disown "$ticker"; kill "$ticker"; } 2>/dev/null
# keep this run's times, and the older ones of jobs that did not run now
if [ -d "$(dirname "$times")" ]; then
	cp "$tmp/times" "$tmp/times.new"
	[ ! -f "$times" ] || awk -F '\t' 'NR == FNR { seen[$1] = 1; next } !seen[$1]' "$tmp/times" "$times" >>"$tmp/times.new"
	mv "$tmp/times.new" "$times" 2>/dev/null
fi
echo "$total_pass passed, $total_fail failed, $total_skip skipped ($SECONDS s, $total_cpu s CPU)"
[ "$total_fail" -eq 0 ]
