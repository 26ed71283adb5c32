#!/usr/bin/env bash
# fuzz-smoke.sh — a few seconds of each libFuzzer harness (tests/fuzz/),
# starting from the seeds in tests/fuzz/corpus/; any crash, leak, timeout or
# sanitizer report fails. `make fuzz FUZZ_SECONDS=N` is the long run.
# Exits 77 (skipped) without clang and libFuzzer, and in the ASan pass of
# `make test` (the harnesses are ASan+UBSan builds already).
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
fails=0
for t in $(make -s -C "$root" --no-print-directory -f Makefile -f - print-fuzz-targets <<<'print-fuzz-targets: ; @echo $(FUZZ_TARGETS)'); do
	mkdir -p "$tmp/$t"
	if "$root/build/fuzz/fuzz-$t" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
		-rss_limit_mb=2048 -artifact_prefix="$findings/$t-" "$tmp/$t" "$root/tests/fuzz/corpus/$t" \
		> "$tmp/$t.log" 2>&1; then
		echo "ok: $t $(grep -Eo '#[0-9]+[[:space:]]+DONE[[:space:]]+cov: [0-9]+' "$tmp/$t.log" | tail -1)"
	else
		echo "FAIL: fuzz-$t (input kept in $findings)"
		grep -E 'ERROR|SUMMARY|#[0-9]+ 0x|Test unit written' "$tmp/$t.log" | head -15
		fails=$((fails + 1))
	fi
done
[ "$fails" -eq 0 ]
