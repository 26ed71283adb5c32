#!/usr/bin/env bash
# The README's quick start, run verbatim and checked against what it says.
# The ```sh blocks between <!-- quick-start --> and <!-- /quick-start -->
# run in order, in one bash (an `export PATH=...` holds for the blocks
# after it), in a copy of the checkout, with no Zeef program on PATH. A
# ```text block right after a ```sh block is what that block prints on
# standard output, exactly. Then what the prose says: artikel.jsonl is one
# record with id "artikel" and every stage's field, artikel.html a page of
# it, and `zeef` is the copy's own.
#
# The copy holds the files git knows (tracked, or new and not ignored) as
# they are in the working tree, with the current build (bin/, build/out/),
# so `make` has nothing to compile. QUICK_START_FRESH=1 makes it a
# `git clone` of HEAD instead, built from nothing
# (tests/cli/quick-start-fresh.sh, in the full suite).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
case ${BIN:-} in */san/bin) echo "the quick start runs in the plain pass"; exit 77 ;; esac
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }

# --- the blocks ---------------------------------------------------------------
awk -v dir="$tmp" '
	/^<!-- quick-start -->$/ { on = 1; next }
	/^<!-- \/quick-start -->$/ { on = 0 }
	!on { next }
	fence == "" && /^```sh$/ { n++; fence = "sh"; out = dir "/block" n ".sh"; printf "" > out; next }
	fence == "" && /^```text$/ { fence = "text"; out = dir "/expect" n ".txt"; printf "" > out; next }
	fence == "" && /^```/ { fence = "other"; next }
	fence != "" && /^```$/ { fence = ""; next }
	fence == "sh" || fence == "text" { print > out }
	END { print n > (dir "/count") }' "$root/README.md"
blocks=$(cat "$tmp/count")
[ "${blocks:-0}" -ge 3 ] || { echo "FAIL: no quick start found in README.md (${blocks:-0} sh blocks between the markers)"; exit 1; }

# --- the copy -----------------------------------------------------------------
work=$tmp/zeef
if [ "${QUICK_START_FRESH:-0}" = 1 ]; then
	git clone -q "$root" "$work" || { echo "FAIL: git clone"; exit 1; }
else
	mkdir -p "$work"
	(cd "$root" && git ls-files -z -co --exclude-standard | xargs -0 sh -c 'for f; do [ -f "$f" ] && printf "%s\0" "$f"; done' sh |
		tar --null -T - -cf -) | tar -xf - -C "$work" || { echo "FAIL: copying the checkout"; exit 1; }
	mkdir -p "$work/build"
	cp -a "$root/bin" "$work/bin" && cp -a "$root/build/out" "$work/build/out" ||
		{ echo "FAIL: copying the build"; exit 1; }
fi

# A PATH without Zeef's programs, as a new user has it.
programs="zeef $(cd "$root/filters" && ls)"
clean=""
IFS=: read -r -a dirs <<<"$PATH"
for d in "${dirs[@]}"; do
	has=0
	for p in $programs; do [ -x "$d/$p" ] && has=1; done
	[ $has -eq 0 ] && clean=${clean:+$clean:}$d
done

{
	echo 'set -e'
	echo "trap 'echo \"block \$blk failed with status \$?\" >&9' ERR"
	for i in $(seq 1 "$blocks"); do
		echo "blk=$i; exec >$tmp/out$i 2>$tmp/err$i; . $tmp/block$i.sh"
	done
	echo 'exec >&8 2>&9; command -v zeef'
} >"$tmp/driver.sh"
(cd "$work" && PATH=$clean bash "$tmp/driver.sh" 8>"$tmp/whence" 9>"$tmp/failed")
rc=$?
if [ $rc -ne 0 ]; then
	blk=$(grep -o 'block [0-9]*' "$tmp/failed" | head -1 | cut -d' ' -f2)
	echo "FAIL: the quick start stopped (exit $rc) in block ${blk:-?}:"
	[ -n "$blk" ] && sed 's/^/    /' "$tmp/block$blk.sh" && echo "  its stderr:" && tail -15 "$tmp/err$blk" | sed 's/^/    /'
	exit 1
fi

# --- what it says ---------------------------------------------------------------
for i in $(seq 1 "$blocks"); do
	[ -f "$tmp/expect$i.txt" ] || continue
	cmp -s "$tmp/expect$i.txt" "$tmp/out$i" || {
		no "block $i ($(head -1 "$tmp/block$i.sh")) prints something else than the README shows:"
		diff "$tmp/expect$i.txt" "$tmp/out$i" | head -20 | sed 's/^/    /'
	}
done
[ "$(cat "$tmp/whence")" = "$work/bin/zeef" ] || no "zeef ran from $(cat "$tmp/whence"), not from the clone's bin/"
rec=$work/artikel.jsonl
if [ -f "$rec" ]; then
	[ "$(wc -l <"$rec")" -eq 1 ] || no "artikel.jsonl holds $(wc -l <"$rec") lines, not one record"
	jq -e 'select(.id == "artikel" and (.sentences | length) > 0 and (.entities | length) > 0
		and (.quotes | length) > 0 and (.summary.text | length) > 0)' "$rec" >/dev/null ||
		no "artikel.jsonl is not one record with id artikel and every stage's field"
else
	no "the quick start wrote no artikel.jsonl"
fi
page=$work/artikel.html
if [ -f "$page" ]; then
	grep -q '<html' "$page" && grep -q 'Eva Jansen' "$page" || no "artikel.html is not a page of the article"
else
	no "the quick start wrote no artikel.html"
fi
[ $fail -eq 0 ] && echo "quick start: ok ($blocks blocks${QUICK_START_FRESH:+, fresh clone})"
exit $fail
