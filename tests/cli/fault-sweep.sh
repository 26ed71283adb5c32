#!/usr/bin/env bash
# suite: full
# fault-sweep.sh — every program under injected faults (tests/fault/fault.c).
#
# For each program (every filter in $BIN, `zeef run` on a small pipeline
# whose second stage has two workers so that zeef relays records itself, the
# same without workers under --stats and --tee (zeef counts and copies), and
# `zeef render`) and each kind of fault, N is swept from 1 until the Nth call
# is no longer reached. Each run must either
#   - exit 0 with output byte-identical to the fault-free run, or
#   - exit non-zero (not by a signal) with a message on stderr naming the
#     failure (its strerror text, or "out of memory"),
# and an EINTR or a short read/write must be absorbed: exit 0, full output.
#
# A failed allocation inside json-c may crash it or make it drop a member
# or part of a string without telling (json-c 0.16 leaves some allocations
# unchecked); Zeef catches what it can see (malloc's errno), and the rest is
# listed as "third-party" below, not failed: the shim names the library on
# the stack of the failing call.
#
# Under ASan (BIN is build/san/bin) allocation failures are not swept: the
# sanitizer's allocator is not the one being failed. Every N is tried up to
# FAULT_SWEEP_LIMIT (default 150), then a stride that adds about 100 runs
# (tag-entities makes a few thousand allocations);
# FAULT_SWEEP_ONLY=LABEL runs one program (a filter, zeef-run, zeef-render,
# or data: split-sentences reading a long language file from --data).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
case $BIN in
*/san/bin) shim=$root/build/san/fault.so sanitized=1 ;;
*) shim=$root/build/out/fault.so sanitized=0 ;;
esac
[ -f "$shim" ] || { echo "no fault shim at $shim (make $(basename "$(dirname "$shim")")/fault.so)"; exit 77; }
export LC_ALL=C
limit=${FAULT_SWEEP_LIMIT:-150}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0 runs=0 third=0

cat > "$tmp/in.jsonl" <<'EOF'
{"id":"a","text":"De minister zei dinsdag: \"Het plan komt later.\" Burgemeester Jansen van Zwolle was het er niet mee eens.","meta":{"n":1}}

{"id":"b","text":"Het kabinet liet weten dat de NAVO-top in Den Haag wordt gehouden &amp; dat de kosten 3,5 miljoen euro zijn."}
EOF
cat > "$tmp/pipe.yaml" <<'EOF'
zeef: 1
stages:
  - run: normalize
  - run: split-sentences
    workers: 2
EOF

cat > "$tmp/chain.yaml" <<'EOF'
zeef: 1
stages:
  - run: normalize
  - run: split-sentences
EOF

# run_one LABEL SPEC PROG CMD...: one run under ZEEF_FAULT=SPEC aimed at PROG;
# sets $rc, and $fired to 1 when the fault happened.
run_one() {
	local spec=$2 prog=$3; shift 3
	rm -rf "$tmp/log" "$tmp/tee"
	# (in a subshell whose stderr is dropped: bash's "Segmentation fault")
	(ZEEF_FAULT=$spec ZEEF_FAULT_PROG=$prog ZEEF_FAULT_LOG=$tmp/log LD_PRELOAD=$shim \
		ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 \
		timeout 20 "$@" < "${sweep_input:-$tmp/in.jsonl}" > "$tmp/out" 2> "$tmp/err"; exit $?) 2>/dev/null
	rc=$?
	runs=$((runs + 1))
	# --tee copies count as output: all of them, after stdout
	if [ -d "$tmp/tee" ]; then cat "$tmp"/tee/* >> "$tmp/out" 2>/dev/null; fi
	fired=0 via=- crashed_in=-
	if grep -q '^fired ' "$tmp/log" 2>/dev/null; then
		fired=1 via=$(awk '/^fired /{print $5; exit}' "$tmp/log")
		crashed_in=$(awk '/^crashed /{print $4; exit}' "$tmp/log")
	fi
}

# A failure of the program, or of a library it uses that mishandles a failed
# allocation (see above). A crash (or hang) is json-c's only when the shim
# saw it crash inside json-c: Zeef's code crashing on what json-c returned
# after its allocation failed is Zeef's failure.
fail() {
	case "$current_class:$via" in
	malloc:libjson-c*)
		if [ "${rc:-0}" -lt 124 ] || [[ ${crashed_in:--} == libjson-c* ]]; then
			echo "third-party ($via): $*"; third=$((third + 1)); return
		fi ;;
	esac
	echo "FAIL: $*"; fails=$((fails + 1))
}

# sweep LABEL CLASS KIND PROG CMD...: N = 1, 2, ... until the fault is not reached.
sweep() {
	local label=$1 class=$2 kind=$3 prog=$4; shift 4
	local n want
	current_class=$class
	case $kind in
	EIO) want='Input/output error' ;;
	ENOSPC) want='No space left on device' ;;
	ENOMEM) want='out of memory|Cannot allocate memory' ;;
	*) want='' ;;
	esac
	# A stdio write error seen later (ferror) may no longer have its errno:
	# "write error: Input/output error" names it well enough, "Success" not.
	local stdio_ok='(write|read) error.*: (Input/output error|No space left on device)'
	# How many calls a fault-free run makes: every N up to $limit, then a
	# stride that adds about 100 more runs.
	local total step=1
	run_one "$label" "$class:999999999:$kind" "$prog" "$@"
	total=$(awk '/^calls /{s += $3} END {print s + 0}' "$tmp/log" 2>/dev/null)
	[ "${total:-0}" -gt "$limit" ] && step=$(( (total - limit) / 100 + 1 ))
	for ((n = 1; ; n += (n < limit ? 1 : step))); do
		run_one "$label" "$class:$n:$kind" "$prog" "$@"
		if [ "$fired" -eq 0 ] && [ "$n" -eq 1 ]; then
			# Every program reads, writes and allocates: a fault that never
			# fires means the shim does not reach it, and nothing was tested.
			case $class:$kind in
			read:EIO | write:ENOSPC | malloc:ENOMEM)
				current_class=none
				fail "$label $class:1:$kind: the fault never fired (the shim does not reach this program)" ;;
			esac
		fi
		[ "$fired" -eq 1 ] || return 0
		if [ "$rc" -eq 0 ]; then
			cmp -s "$tmp/out" "$tmp/$label.want" ||
				fail "$label $class:$n:$kind: exit 0 but output differs from the fault-free run"
		elif [ -z "$want" ]; then
			fail "$label $class:$n:$kind: must be absorbed, got exit $rc: $(head -3 "$tmp/err")"
		elif [ "$rc" -ge 124 ]; then
			fail "$label $class:$n:$kind: exit $rc (signal or timeout): $(head -3 "$tmp/err")"
		elif ! grep -Eq "$want" "$tmp/err" && ! { [ "$class" != malloc ] && grep -Eq "$stdio_ok" "$tmp/err"; }; then
			fail "$label $class:$n:$kind: exit $rc without a message naming the failure: $(head -3 "$tmp/err")"
		fi
	done
}

# program LABEL PROG CMD...: the fault-free run, then every sweep.
program() {
	local label=$1 prog=$2; shift 2
	local before=$fails
	[ -z "${FAULT_SWEEP_ONLY:-}" ] || [ "$FAULT_SWEEP_ONLY" = "$label" ] || return 0
	run_one "$label" "none:1:EIO" "$prog" "$@"
	if [ "$rc" -ne 0 ]; then fail "$label: fault-free run exits $rc: $(head -3 "$tmp/err")"; return; fi
	cp "$tmp/out" "$tmp/$label.want"
	sweep "$label" read EIO "$prog" "$@"
	sweep "$label" read EINTR "$prog" "$@"
	sweep "$label" read short "$prog" "$@"
	sweep "$label" write ENOSPC "$prog" "$@"
	sweep "$label" write EINTR "$prog" "$@"
	sweep "$label" write short "$prog" "$@"
	sweep "$label" fflush EIO "$prog" "$@"
	sweep "$label" fclose ENOSPC "$prog" "$@"
	sweep "$label" poll EINTR "$prog" "$@"
	[ "$sanitized" -eq 1 ] || sweep "$label" malloc ENOMEM "$prog" "$@"
	[ "$fails" -eq "$before" ] && echo "ok: $label"
}

for p in "$BIN"/*; do
	name=$(basename "$p")
	[ -x "$p" ] && [ "$name" != zeef ] || continue
	program "$name" "$name" "$p"
done
# Language data from --data DIR, in a file long enough to be read in more
# than one block: a failed allocation on the way must not load part of it
# (here the part that holds the abbreviation the input needs).
mkdir "$tmp/data"
{
	for i in $(seq 1200); do echo "# padding line $i, so that this file is longer than 64 KiB"; done
	cat "$root/common/lang/nl/abbreviations.txt"
	echo xyzq
} > "$tmp/data/abbreviations.txt"
echo '{"id":"d","text":"Zie xyzq. Morgen meer."}' > "$tmp/data.jsonl"
if [ "$sanitized" -eq 0 ] && [ -x "$BIN/split-sentences" ] &&
	{ [ -z "${FAULT_SWEEP_ONLY:-}" ] || [ "$FAULT_SWEEP_ONLY" = data ]; }; then
	sweep_input=$tmp/data.jsonl
	run_one data none:1:EIO split-sentences "$BIN/split-sentences" --data "$tmp/data"
	if [ "$rc" -ne 0 ] || [ "$(grep -o '"start"' "$tmp/out" | wc -l)" -ne 1 ]; then
		fail "split-sentences --data: fault-free run exits $rc or splits after the abbreviation: $(cat "$tmp/out" "$tmp/err")"
	else
		cp "$tmp/out" "$tmp/data.want"
		before=$fails
		sweep data malloc ENOMEM split-sentences "$BIN/split-sentences" --data "$tmp/data"
		sweep data read EIO split-sentences "$BIN/split-sentences" --data "$tmp/data"
		[ "$fails" -eq "$before" ] && echo "ok: split-sentences --data"
	fi
	unset sweep_input
fi

if [ -x "$BIN/zeef" ]; then
	program zeef-run zeef "$BIN/zeef" run "$tmp/pipe.yaml"
	program zeef-run-tee zeef "$BIN/zeef" run --stats --tee="$tmp/tee" "$tmp/chain.yaml"
	program zeef-render zeef "$BIN/zeef" render
	[ -z "${FAULT_SWEEP_ONLY:-}" ] || exit $((fails > 0))
	# A stage that fails inside zeef: zeef must fail too and name the stage.
	current_class=none
	for spec in write:1:ENOSPC fclose:1:ENOSPC malloc:40:ENOMEM; do
		run_one stage "$spec" split-sentences "$BIN/zeef" run "$tmp/pipe.yaml"
		if [ "$rc" -eq 0 ] || ! grep -q "stage 'split-sentences'" "$tmp/err"; then
			fail "zeef run with split-sentences under $spec: exit $rc, stderr: $(head -3 "$tmp/err")"
		fi
	done
fi
echo "fault-sweep: $runs runs, $third third-party findings under failed allocations"
[ "$fails" -eq 0 ] || { echo "$fails failures"; exit 1; }
