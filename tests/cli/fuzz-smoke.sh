#!/usr/bin/env bash
# suite: full
# fuzz-smoke.sh — a few seconds of each libFuzzer harness (tests/fuzz/),
# starting from the seeds in tests/fuzz/corpus/, then the filters again
# with the options that switch on paths the defaults leave off (the
# variants in tests/fuzz/variants.txt, passed in ZEEF_FUZZ_ARGS); any
# crash, leak, timeout or sanitizer report fails. `make fuzz FUZZ_SECONDS=N`
# is the long run.
# Exits 77 (skipped) without clang and libFuzzer, and in the ASan pass of
# `make test-full` (the harnesses are ASan+UBSan builds already).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${FUZZ_SMOKE_SECONDS:-3}
case $BIN in */san/bin) echo "the fuzz smoke runs in the plain pass"; exit 77 ;; esac
command -v clang >/dev/null || { echo "no clang: fuzz smoke skipped"; exit 77; }
echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { (void)d; (void)n; return 0; }' |
	clang -x c -fsanitize=fuzzer - -o /dev/null 2>/dev/null ||
	{ echo "clang has no libFuzzer: fuzz smoke skipped"; exit 77; }
make -s -C "$root" fuzz-build >/dev/null || { echo "FAIL: make fuzz-build"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
findings=$root/build/fuzz/smoke-findings   # kept: a crash found here must be seen
mkdir -p "$findings"
mapfile -t variants < <(grep -v '^#' "$root/tests/fuzz/variants.txt")
fails=0
smoke() { # TARGET [OPTIONS]
	local t=$1 log=$tmp/$1${2:++opts}.log
	mkdir -p "$tmp/$t"
	if ZEEF_FUZZ_ARGS=${2:-} "$root/build/fuzz/fuzz-$t" -max_total_time="$seconds" -max_len=16384 \
		-timeout=10 -close_fd_mask=2 -rss_limit_mb=2048 -artifact_prefix="$findings/$t-" "$tmp/$t" \
		"$root/tests/fuzz/corpus/$t" > "$log" 2>&1; then
		echo "ok: $t${2:+ $2} $(grep -Eo '#[0-9]+[[:space:]]+DONE[[:space:]]+cov: [0-9]+' "$log" | tail -1)"
	else
		echo "FAIL: fuzz-$t${2:+ $2} (input kept in $findings)"
		grep -E 'ERROR|SUMMARY|#[0-9]+ 0x|Test unit written|bad ZEEF_FUZZ_ARGS' "$log" | head -15
		fails=$((fails + 1))
	fi
}
for t in $(make -s -C "$root" --no-print-directory -f Makefile -f - print-fuzz-targets <<<'print-fuzz-targets: ; @echo $(FUZZ_TARGETS)'); do
	smoke "$t"
done
for v in "${variants[@]}"; do
	smoke "${v%%|*}" "${v#*|}"
done
[ "$fails" -eq 0 ]
