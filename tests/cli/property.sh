#!/usr/bin/env bash
# property.sh — every filter keeps the fields it does not provide byte for
# byte: 10,000 generated records each (tests/property/records.c: duplicate
# keys, integers past 64 bits, 1e400, -0, escapes, deep nesting, odd white
# space), run through each filter and through the nl-news chain; every
# member of the output that the program does not provide must be the
# input's member, in order, with the same bytes.
# PROPERTY_RECORDS=N changes the count (default 10000).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
case $BIN in
*/san/bin) tool=$root/build/san/records ;;
*) tool=$root/build/out/records ;;
esac
[ -x "$tool" ] || { echo "no $tool (make check builds it)"; exit 1; }
n=${PROPERTY_RECORDS:-10000}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fails=0

"$tool" gen "$n" 1 >"$tmp/in.jsonl" || { echo "FAIL: records gen"; exit 1; }

check() { # LABEL PROVIDES... < the output in $tmp/out.jsonl
	local label=$1; shift
	if "$tool" check "$tmp/in.jsonl" "$tmp/out.jsonl" "$@" >"$tmp/check" 2>&1; then
		echo "ok: $label: $(cat "$tmp/check")"
	else
		echo "FAIL: $label"; cat "$tmp/check"; fails=$((fails + 1))
	fi
}

for prog in "$BIN"/*; do
	name=$(basename "$prog")
	[ "$name" = zeef ] && continue
	provides=$("$prog" --describe | jq -r '.provides[]')
	if ! "$prog" "$tmp/in.jsonl" >"$tmp/out.jsonl" 2>"$tmp/err"; then
		echo "FAIL: $name exited $?"; head -5 "$tmp/err"; fails=$((fails + 1)); continue
	fi
	# shellcheck disable=SC2086
	check "$name" $provides
done

if "$BIN/zeef" run nl-news "$tmp/in.jsonl" >"$tmp/out.jsonl" 2>"$tmp/err"; then
	check "zeef run nl-news" text id meta sentences entities quotes summary
else
	echo "FAIL: zeef run nl-news exited $?"; head -5 "$tmp/err"; fails=$((fails + 1))
fi

[ "$fails" -eq 0 ] && echo "all passed" || echo "$fails failed"
[ "$fails" -eq 0 ]
