#!/usr/bin/env bash
# coverage.sh — how much of Zeef's code each fuzz corpus reaches
# (`make fuzz-coverage`, after `make fuzz`).
#
# Builds the harnesses again with clang's source-based coverage instead of
# the sanitizers (in build/fuzzcov/), replays each target's corpus once
# (the seeds in tests/fuzz/corpus/T and what `make fuzz` added in
# build/fuzz/corpus/T; the option variants of tests/fuzz/variants.txt over
# their target's corpus), and prints one row per target: the inputs, then
# the lines covered of the target's own code, and of all Zeef code linked
# into the harness. "Own code" is the module the target is about: the
# filter's folder (and the shared splitter or tokenizer it is built on;
# tag-entities without its training code),
# the record layer, the YAML loader, or the renderer.
# Needs clang, llvm-profdata and llvm-cov (Debian: clang, llvm).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cov=build/fuzzcov
tool() { command -v "$1" 2>/dev/null || ls /usr/lib/llvm-*/bin/"$1" 2>/dev/null | tail -1; }
profdata=$(tool llvm-profdata)
llvmcov=$(tool llvm-cov)
[ -n "$profdata" ] && [ -n "$llvmcov" ] || { echo "coverage.sh: needs llvm-profdata and llvm-cov (Debian package llvm)" >&2; exit 1; }

make -s fuzz-build FUZZ_O="$cov" FUZZ_SAN='-fprofile-instr-generate -fcoverage-mapping' >/dev/null

own() { # TARGET: the source files of its own code
	case $1 in
	record) echo common/record.c common/lines.c common/utf8.c ;;
	yaml) echo pipelines/zeef/pipeline.c ;;
	render) echo pipelines/zeef/render*.c ;;
	filter-split-sentences) echo filters/split-sentences/*.c common/sentence*.c ;;
	# training (--train: corpus.c, train.c, train_cli.c) is not tagging
	filter-tag-entities) echo filters/tag-entities/{main,entities,features,gazetteer,model,perceptron}.c \
		common/tokenize.c ;;
	filter-*) echo "filters/${1#filter-}"/*.c ;;
	esac
}
lines_cover() { # BINARY PROFDATA [FILES...]: "covered/total (P%)" of lines
	"$llvmcov" report "$1" -instr-profile="$2" "${@:3}" 2>/dev/null |
		awk '$1 == "TOTAL" { printf "%d / %d (%s)", $8 - $9, $8, $10 }'
}
printf '%-24s %7s  %-24s %-24s %s\n' target inputs "own code, lines" "all Zeef code, lines" options
row() { # TARGET [OPTIONS]
	local t=$1 opts=${2:-} dirs=() tag n
	tag=$t${opts:++$(echo "$opts" | tr -c 'a-zA-Z0-9\n' _)}
	for d in build/fuzz/corpus/$t tests/fuzz/corpus/$t; do
		[ -d "$d" ] && dirs+=("$d")
	done
	n=$(find "${dirs[@]}" -type f | wc -l)
	rm -f "$cov/$tag".profraw
	ZEEF_FUZZ_ARGS=$opts LLVM_PROFILE_FILE=$cov/$tag.profraw \
		"$cov/fuzz-$t" -runs=0 -max_len=1048576 "${dirs[@]}" >"$cov/$tag.log" 2>&1 ||
		{ echo "coverage.sh: replaying $t failed, see $cov/$tag.log" >&2; return 1; }
	"$profdata" merge -sparse -o "$cov/$tag.profdata" "$cov/$tag.profraw"
	# shellcheck disable=SC2046 # own() lists files, split on purpose
	printf '%-24s %7s  %-24s %-24s %s\n' "$t" "$n" \
		"$(lines_cover "$cov/fuzz-$t" "$cov/$tag.profdata" $(own "$t"))" \
		"$(lines_cover "$cov/fuzz-$t" "$cov/$tag.profdata" -ignore-filename-regex='tests/|^/usr/')" \
		"${opts:--}"
}
targets=${FUZZ_TARGETS:-$(make -s --no-print-directory -f Makefile -f - print-fuzz-targets <<<'print-fuzz-targets: ; @echo $(FUZZ_TARGETS)')}
for t in $targets; do
	row "$t"
done
grep -v '^#' tests/fuzz/variants.txt | while IFS='|' read -r t opts; do
	case " $targets " in *" $t "*) row "$t" "$opts" ;; esac
done
